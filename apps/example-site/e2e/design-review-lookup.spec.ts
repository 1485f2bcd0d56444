import { expect, test, type Page } from '@playwright/test';
import { lookup, openLookup, search } from './support.ts';

// What a GOV.UK design review stopped at on "Find your address" (issue 16), in both languages:
// the page's own Continue before an address is chosen, and the spacing and alignment at 375px.

const pages = [
  { lang: 'en', path: '/find-your-address/', cont: 'Continue', problem: 'There is a problem', notChosen: 'Find and select an address', select: 'Select an address', notListed: 'I cannot find my address in the list' },
  { lang: 'cy', path: '/cy/find-your-address/', cont: 'Parhau', problem: 'Mae problem wedi codi', notChosen: 'Dewch o hyd i gyfeiriad a’i ddewis', select: 'Dewiswch gyfeiriad', notListed: 'Ni allaf ddod o hyd i’m cyfeiriad yn y rhestr' },
] as const;

/** Records every `invalid` event; after dispatch, one not cancelled is the browser's own bubble. */
async function watchInvalid(page: Page): Promise<() => Promise<{ fired: number; bubbles: number }>> {
  await page.evaluate(() => {
    const seen: Event[] = [];
    (window as unknown as { invalidEvents: Event[] }).invalidEvents = seen;
    addEventListener('invalid', (event) => seen.push(event), true);
  });
  return () =>
    page.evaluate(() => {
      const seen = (window as unknown as { invalidEvents: Event[] }).invalidEvents;
      return { fired: seen.length, bubbles: seen.filter((e) => !e.defaultPrevented).length };
    });
}

/** The element that has focus, looking into the lookup's shadow root: its classes. */
const focusedClasses = (page: Page) => lookup(page).evaluate((el) => el.shadowRoot!.activeElement?.className ?? '');

for (const p of pages) {
  test.describe(`Find your address (${p.lang})`, () => {
    test('the page’s Continue before choosing shows the lookup’s own error summary, never the browser’s bubble', async ({ page }) => {
      await openLookup(page, p.path);
      const invalid = await watchInvalid(page);
      await page.getByRole('button', { name: p.cont, exact: true }).click();
      await expect(lookup(page).getByRole('heading', { name: p.problem })).toBeVisible();
      await expect(lookup(page).getByRole('link', { name: p.notChosen })).toBeVisible();
      await expect.poll(() => focusedClasses(page)).toContain('error-summary');
      await expect(page).toHaveURL(p.path);
      expect(await invalid()).toEqual({ fired: 1, bubbles: 0 });

      // On the list, the same Continue asks for a choice from it.
      await search(page, 'AN1 1AA');
      await page.getByRole('button', { name: p.cont, exact: true }).click();
      await expect(lookup(page).getByRole('link', { name: p.select })).toBeVisible();
      await lookup(page).getByRole('link', { name: p.select }).click();
      await expect.poll(() => lookup(page).evaluate((el) => el.shadowRoot!.activeElement?.id)).toBe('address');
      expect(await invalid()).toEqual({ fired: 2, bubbles: 0 });
    });

    test('at 375px the list sits below its heading with space, and a wrapped link starts at the left', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await openLookup(page, p.path);
      await search(page, 'AN1 1AA');
      const select = lookup(page).getByLabel(p.select);
      await expect(select).toBeVisible();
      const layout = await lookup(page).evaluate((el, notListed) => {
        const root = el.shadowRoot!;
        const heading = root.querySelector('[data-step-heading]')!.getBoundingClientRect();
        const label = root.querySelector('label[for="address"]')!.getBoundingClientRect();
        const link = [...root.querySelectorAll('button.link')].find((b) => b.textContent!.trim() === notListed)!;
        const range = document.createRange();
        range.selectNodeContents(link);
        const lefts = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.left));
        return { gap: label.top - heading.bottom, lefts, left: Math.round(link.getBoundingClientRect().left) };
      }, p.notListed);
      expect(layout.gap).toBeGreaterThanOrEqual(15);
      for (const left of layout.lefts) expect(Math.abs(left - layout.left)).toBeLessThanOrEqual(1);
    });
  });
}
