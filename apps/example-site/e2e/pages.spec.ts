import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, lookup, pages } from './support.ts';

const layout = {
  en: { skip: 'Skip to main content', phase: 'Beta — this is a demonstration site', toggle: 'Cymraeg', footer: ['Accessibility statement', 'Cookies'], site: 'Anytown Borough Council' },
  cy: { skip: 'Neidio i’r prif gynnwys', phase: 'Beta — safle arddangos yw hwn', toggle: 'English', footer: ['Datganiad hygyrchedd', 'Cwcis'], site: 'Cyngor Bwrdeistref Anytown' },
};

/** `text` as a literal inside a RegExp (page titles have brackets, e.g. "(no build step)"). */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const sitePage of pages) {
  test(`${sitePage.url} (${sitePage.lang}): shared layout, one h1, working links, no axe violations, fits 320px`, async ({ page, request }) => {
    const response = await page.goto(sitePage.url);
    expect(response?.status()).toBe(200);
    const t = layout[sitePage.lang];

    await expect(page.locator('html')).toHaveAttribute('lang', sitePage.lang);
    await expect(page).toHaveTitle(new RegExp(`^${literal(sitePage.h1)} – ${t.site}$`));
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(sitePage.h1);
    await expect(page.locator('main#main-content')).toHaveCount(1);
    await expect(page.getByRole('link', { name: t.skip })).toHaveAttribute('href', '#main-content');
    await expect(page.locator('.phase-banner')).toHaveText(t.phase);
    await expect(page.getByRole('banner').getByRole('link', { name: t.site })).toBeVisible();
    // The language toggle leads to the same page in the other language.
    await expect(page.getByRole('navigation').getByRole('link', { name: t.toggle })).toHaveAttribute('href', sitePage.alternate);
    for (const name of t.footer) await expect(page.getByRole('contentinfo').getByRole('link', { name })).toBeVisible();
    // Welsh pages write times the Welsh way ("9yb i 5yp"), never "9am" inside a Welsh sentence.
    // ("£5 am gadair" is Welsh for "£5 for a chair": a price is not a time.)
    if (sitePage.lang === 'cy') expect((await page.locator('body').textContent()) ?? '').not.toMatch(/(?<!£)\b\d{1,2}(:\d{2})?\s?(am|pm)\b/i);

    // Every link to this site leads to a page that exists.
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('#')[0]!));
    for (const href of new Set(hrefs)) expect((await request.get(href)).status(), `link to ${href}`).toBe(200);

    // Pages with the element are checked once it has upgraded (its shadow root included).
    if (await lookup(page).count()) await expect(lookup(page).locator('#postcode')).toBeVisible();
    await expectNoAxeViolations(page);

    // Nothing scrolls sideways on a 320px-wide screen.
    await page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
}

test('the home page links only to services that exist', async ({ page }) => {
  await page.goto('/');
  const services = page.locator('.services a');
  await expect(services).toHaveText(['Find your bin day', 'Report a missed bin', 'Order a new bin', 'Garden waste collections', 'Book a bulky waste collection', 'Report a repair', 'Manage a repair appointment', 'Find your address', 'Find local services']);
  await services.first().click();
  await expect(page).toHaveURL('/bins/collection-days/');
});

test('the Welsh home page lists the same services, in Welsh', async ({ page }) => {
  await page.goto('/cy/');
  const services = page.locator('.services a');
  await expect(services).toHaveText([
    'Dod o hyd i’ch diwrnod casglu biniau',
    'Rhoi gwybod am fin a fethwyd',
    'Archebu bin newydd',
    'Casgliadau gwastraff gardd',
    'Trefnu casgliad gwastraff swmpus',
    'Rhoi gwybod am waith trwsio',
    'Rheoli apwyntiad gwaith trwsio',
    'Dod o hyd i’ch cyfeiriad',
    'Dod o hyd i wasanaethau lleol',
  ]);
  expect(await services.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
    '/cy/bins/collection-days/',
    '/cy/bins/report-missed/',
    '/cy/bins/new-bin/',
    '/cy/bins/garden-waste/',
    '/cy/bins/bulky-waste/',
    '/cy/repairs/report/',
    '/cy/repairs/appointment/',
    '/cy/find-your-address/',
    '/cy/local-services/',
  ]);
});
