import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, focused } from './support.ts';
import {
  an11aaPlace,
  binDay,
  binDayStops,
  collectionsOf,
  confirmationReference,
  containerRequest,
  day,
  expectFocusOnErrorSummary,
  expectFocusOnStepHeading,
  fixClock,
  missedReport,
  openWastePage,
  reportableProperty,
  tab,
  tabTo,
  wastePages,
} from './waste-support.ts';

// Keyboard only: Tab and Shift+Tab to move, Enter and Space to act, typing into fields, and the
// arrow keys a select or radio group needs. Every stop must show the yellow focus indicator;
// focus moves to each new step's heading, and to the error summary when a step has errors.

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

/**
 * From the top of the page, Tab to the postcode field inside the element, type the postcode as a
 * resident might ("an11aa") and find the address: ArrowDown from "Select an address" to its
 * place in the list.
 */
async function findByKeyboard(page: Page, place: { postcode: string; index: number; count: number }): Promise<void> {
  const first = await tab(page);
  expect(first.text).toBe('Skip to main content');
  await tabTo(page, (stop) => stop.id === 'postcode' && stop.inShadow);
  await page.keyboard.type(place.postcode.replace(' ', '').toLowerCase());
  await page.keyboard.press('Enter');
  await expectFocusOnStepHeading(page, `${place.count} addresses found for ${place.postcode}`);
  expect(await tab(page)).toMatchObject({ tag: 'select', id: 'address' });
  for (let i = 0; i <= place.index; i++) await page.keyboard.press('ArrowDown');
  expect(await tab(page)).toMatchObject({ tag: 'button', text: 'Use this address' });
  await page.keyboard.press('Enter');
}

/** Tabs to Continue (or another button) and presses Enter. */
async function pressButton(page: Page, text: string): Promise<void> {
  await tabTo(page, (stop) => stop.tag === 'button' && stop.text === text);
  await page.keyboard.press('Enter');
}

test('keyboard only: bin day, from the postcode to the collections and on to the report link', async ({ page }) => {
  const property = await reportableProperty(page.request, 'keyboard bin day');
  const collections = await collectionsOf(page.request, property.uprn);
  await openWastePage(page, wastePages.binDay.en);
  await findByKeyboard(page, property);
  await expectFocusOnStepHeading(page, `Bin collections for ${property.address}`);

  // Change address, then the cards' links and toggles in order, up to the first report link.
  const stops = [{ tag: 'button', text: 'Change address' }, ...binDayStops(collections)];
  const report = stops.findIndex((stop) => stop.text === 'Report a missed collection');
  for (const stop of stops.slice(0, report + 1)) expect(await tab(page)).toMatchObject(stop);
  // Shift+Tab goes back the same way.
  expect(await tab(page, 'Shift+Tab')).toMatchObject(stops[report - 1]!);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Report a missed collection' });
  await page.keyboard.press('Enter');
  const missed = property.open[0]!;
  await expect(page).toHaveURL(`/bins/report-missed/?service=${missed.id}`);
  await expect(missedReport(page).getByRole('radio', { name: missed.name, exact: true })).toBeChecked();
});

test('keyboard only: report a missed bin, with the error summary on a missing answer', async ({ page }) => {
  const property = await reportableProperty(page.request, 'keyboard report');
  const report = missedReport(page);
  await openWastePage(page, wastePages.missed.en);
  await findByKeyboard(page, property);

  // The property is known and the first question shows, with focus on its heading.
  await expectFocusOnStepHeading(page, 'Which collection was missed?');
  await tabTo(page, (stop) => stop.id === 'service-0', 3);
  await page.keyboard.press('Space');
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, `Was your bin out by 7am on ${day(property.open[0]!.date)}?`);
  // Continue without an answer: the error summary takes focus, its link leads to the radios.
  await pressButton(page, 'Continue');
  await expectFocusOnErrorSummary(page);
  await expect(report.locator('.error-summary')).toContainText('Select yes if your bin was out by 7am');
  await expectNoAxeViolations(page);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Select yes if your bin was out by 7am' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('bin-out-0');
  await page.keyboard.press('Space');
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'How can we contact you about this?');
  expect(await tab(page)).toMatchObject({ tag: 'input', id: 'email' });
  await page.keyboard.type('resident@example');
  await pressButton(page, 'Continue');
  await expectFocusOnErrorSummary(page);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Enter an email address in the correct format, like name@example.com' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('email');
  await page.keyboard.type('.com');
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Check your answers before sending');
  await expect(report.locator('.summary-row').nth(3)).toContainText('resident@example.com');
  await pressButton(page, 'Send');
  await expectFocusOnStepHeading(page, 'Missed collection reported');
  await confirmationReference(report);
});

test('keyboard only: order a new bin, Back and Change included', async ({ page }) => {
  const request = containerRequest(page);
  await openWastePage(page, wastePages.newBin.en);
  await findByKeyboard(page, an11aaPlace('5 High Street'));

  await expectFocusOnStepHeading(page, 'Which bin or container do you need?');
  // Continue with nothing chosen.
  await pressButton(page, 'Continue');
  await expectFocusOnErrorSummary(page);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Select the bin or container you need' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('container-0');
  // The food caddy is the third choice.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(request.getByRole('radio', { name: 'Food waste caddy' })).toBeChecked();
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Why do you need it?');
  // Back, by keyboard: Shift+Tab from the heading reaches the Back link.
  expect(await tab(page, 'Shift+Tab')).toMatchObject({ tag: 'button', text: 'Back' });
  await page.keyboard.press('Enter');
  await expectFocusOnStepHeading(page, 'Which bin or container do you need?');
  await expect(request.getByRole('radio', { name: 'Food waste caddy' })).toBeChecked();
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Why do you need it?');
  await tab(page);
  await page.keyboard.press('Space'); // "I have moved into a new property"
  await pressButton(page, 'Continue');
  await expectFocusOnStepHeading(page, 'How can we contact you about this?');
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Check your answers before sending');
  // Change the reason from the summary list, then come straight back to it.
  await tabTo(page, (stop) => stop.tag === 'button' && stop.text === 'Change Reason');
  await page.keyboard.press('Enter');
  await expectFocusOnStepHeading(page, 'Why do you need it?');
  await tab(page);
  await page.keyboard.press('ArrowDown'); // "It is lost"
  await pressButton(page, 'Continue');
  await expectFocusOnStepHeading(page, 'Check your answers before sending');
  await expect(request.locator('.summary-row').nth(1)).toContainText('It is lost');
  await pressButton(page, 'Send');
  await expectFocusOnStepHeading(page, 'Request sent');
  await confirmationReference(request);
});

test('keyboard only: the bin day page’s Welsh toggle and skip link', async ({ page }) => {
  await openWastePage(page, wastePages.binDay.en);
  await tab(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
  expect(await tab(page)).toMatchObject({ id: 'postcode', inShadow: true });
  await expect(binDay(page)).toBeVisible();
  await tabTo(page, (stop) => stop.text === 'Cymraeg', 10, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/cy/bins/collection-days/');
});

// The lookup that had focus is removed once the address is chosen: focus must move to the first
// question's heading (the GOV.UK pattern: focus on each new page's heading), not to <body>.
for (const [name, path, host, question] of [
  ['report a missed bin', wastePages.missed.en, 'council-missed-bin-report', 'Which collection was missed?'],
  ['order a new bin', wastePages.newBin.en, 'council-container-request', 'Which bin or container do you need?'],
] as const) {
  test(`${name}: focus moves to the first question once the address is chosen`, async ({ page }) => {
    // The missed-bin question needs a collection that can still be reported today.
    const place = host === 'council-missed-bin-report' ? await reportableProperty(page.request, 'keyboard focus') : an11aaPlace('1 High Street');
    await openWastePage(page, path);
    await findByKeyboard(page, place);
    await expect(page.locator(host).locator('[data-step-heading]')).toHaveText(question);
    await expectFocusOnStepHeading(page, question);
  });
}
