import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, lookup, openLookup, search } from './support.ts';

// axe runs inside the element's open shadow root, so each state the resident can reach is checked.
const languages = [
  {
    lang: 'en',
    path: '/find-your-address/',
    results: /^\d+ addresses found for AN1 1AA$/,
    errorTitle: 'There is a problem',
    outside: 'SW1A 1AA is not in our area',
    none: 'No addresses found for AN9 9ZZ',
    manualLink: 'Enter the address manually',
    checkPostcode: 'Check the postcode',
    manualTitle: 'Enter the address',
    use: 'Use this address',
    selected: 'Address',
    problem: 'Sorry, there is a problem with the service',
  },
  {
    lang: 'cy',
    path: '/cy/find-your-address/',
    results: /^\d+ cyfeiriad wedi’u canfod ar gyfer AN1 1AA$/,
    errorTitle: 'Mae problem wedi codi',
    outside: 'Nid yw SW1A 1AA yn ein hardal ni',
    none: 'Heb ddod o hyd i gyfeiriadau ar gyfer AN9 9ZZ',
    manualLink: 'Rhowch y cyfeiriad â llaw',
    checkPostcode: 'Gwirio’r cod post',
    manualTitle: 'Rhowch y cyfeiriad',
    use: 'Defnyddio’r cyfeiriad hwn',
    selected: 'Cyfeiriad',
    problem: 'Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth',
  },
] as const;

for (const l of languages) {
  test.describe(`address lookup states (${l.lang}): no axe violations`, () => {
    const heading = (page: Page, name: string | RegExp) => lookup(page).getByRole('heading', { name });

    test('results, then an address chosen', async ({ page }) => {
      await openLookup(page, l.path);
      await search(page, 'an11aa');
      await expect(heading(page, l.results)).toBeVisible();
      await expectNoAxeViolations(page);
      await lookup(page).locator('#address').selectOption({ index: 1 });
      await lookup(page).getByRole('button', { name: l.use }).click();
      await expect(heading(page, l.selected)).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('error summary, outside the area, no addresses, manual entry with errors', async ({ page }) => {
      await openLookup(page, l.path);
      await search(page, 'NOT A POSTCODE');
      await expect(heading(page, l.errorTitle)).toBeVisible();
      await expectNoAxeViolations(page);

      await search(page, 'SW1A 1AA');
      await expect(heading(page, l.outside)).toBeVisible();
      await expectNoAxeViolations(page);

      await lookup(page).getByRole('button', { name: l.checkPostcode }).click();
      await search(page, 'AN9 9ZZ');
      await expect(heading(page, l.none)).toBeVisible();
      await lookup(page).getByRole('button', { name: l.manualLink }).click();
      await expect(heading(page, l.manualTitle)).toBeVisible();
      await lookup(page).getByRole('button', { name: l.use }).click();
      await expect(lookup(page).locator('.error-summary')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('service problem', async ({ page }) => {
      await page.route('**/api/v1/addresses*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Gateway</html>' }));
      await openLookup(page, l.path);
      await search(page, 'AN1 1AA');
      await expect(lookup(page).locator('.problem h2')).toHaveText(l.problem);
      await expectNoAxeViolations(page);
    });
  });
}
