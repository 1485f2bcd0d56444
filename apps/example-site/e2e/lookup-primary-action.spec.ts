import { expect, test, type Page } from '@playwright/test';
import { lookup, openLookup, search } from './support.ts';

// One primary action per screen on "Find your address" (issue 16): the lookup's own green
// buttons (Find address, Use this address) lead until an address is chosen; the form's Continue
// is a secondary button until then, including on the dead ends (outside the area, no addresses
// found), and the one primary button once an address is chosen. "Change" makes it secondary again.

/** GOV.UK's primary button green (#00703c), as computed styles report it. */
const green = 'rgb(0, 112, 60)';

/** The text of every visible green button on the page, open shadow roots included. */
function greenButtons(page: Page): Promise<string[]> {
  return page.evaluate((colour) => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (element.tagName !== 'BUTTON' || !element.checkVisibility()) continue;
        if (getComputedStyle(element).backgroundColor === colour) found.push((element.textContent ?? '').replace(/\s+/g, ' ').trim());
      }
    };
    visit(document);
    return found;
  }, green);
}

const words = {
  en: { path: '/find-your-address/', find: 'Find address', use: 'Use this address', check: 'Check the postcode', continue: 'Continue', change: /^Change/ },
  cy: { path: '/cy/find-your-address/', find: 'Dod o hyd i gyfeiriad', use: 'Defnyddio’r cyfeiriad hwn', check: 'Gwirio’r cod post', continue: 'Parhau', change: /^Newid/ },
} as const;

/** At most one green button on screen, and it is not the form's Continue. */
async function expectContinueNotPrimary(page: Page, continueText: string): Promise<void> {
  await page.mouse.move(0, 0);
  await expect.poll(async () => {
    const green = await greenButtons(page);
    return green.length <= 1 && !green.includes(continueText);
  }).toBe(true);
}

for (const lang of ['en', 'cy'] as const) {
  const w = words[lang];

  test(`find your address (${lang}): one green button on every screen, Continue only once an address is chosen`, async ({ page }) => {
    const checkPostcode = () => lookup(page).getByRole('button', { name: w.check }).click();
    await openLookup(page, w.path);
    // Hovering darkens a button: the pointer stays away from them while colours are read.
    await page.mouse.move(0, 0);
    await expect.poll(() => greenButtons(page)).toEqual([w.find]);
    await expect(page.getByRole('button', { name: w.continue })).toHaveClass(/button-secondary/);

    // The dead ends: nothing to continue with.
    await search(page, 'SW1A 1AA');
    await expect(lookup(page).getByRole('button', { name: w.check })).toBeVisible();
    await expectContinueNotPrimary(page, w.continue);
    await checkPostcode();
    await search(page, 'AN9 9ZZ');
    await expect(lookup(page).getByRole('button', { name: w.check })).toBeVisible();
    await expectContinueNotPrimary(page, w.continue);

    // The list: "Use this address" is the one primary action.
    await checkPostcode();
    await search(page, 'AN1 1AA');
    await lookup(page).locator('#address').selectOption({ index: 1 });
    await page.mouse.move(0, 0);
    await expect.poll(() => greenButtons(page)).toEqual([w.use]);

    // Chosen: Continue is.
    await lookup(page).getByRole('button', { name: w.use }).click();
    await expect(page.getByRole('button', { name: w.continue })).not.toHaveClass(/button-secondary/);
    await page.mouse.move(0, 0);
    await expect.poll(() => greenButtons(page)).toEqual([w.continue]);

    // Changed: back to the list, and Continue steps back.
    await lookup(page).getByRole('button', { name: w.change }).click();
    await expect(page.getByRole('button', { name: w.continue })).toHaveClass(/button-secondary/);
    await page.mouse.move(0, 0);
    await expect.poll(() => greenButtons(page)).toEqual([w.use]);
  });
}
