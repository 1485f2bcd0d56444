import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, watchForProblems } from './support.ts';
import {
  answer,
  binDay,
  collectionsOf,
  confirmationReference,
  containerRequest,
  day,
  expectCollectionsShown,
  expectFocusOnStepHeading,
  expectNoPersonalDataInUrl,
  expectReportChoices,
  findPostcode,
  chooseAddress,
  findProperty,
  fixClock,
  missedReport,
  openWastePage,
  reportableProperty,
  serviceCard,
  stepHeading,
  wastePages,
} from './waste-support.ts';

// Full resident journeys through the real council API (COUNCIL_TODAY, the test day, with the
// browser's clock on the same day), with axe over the page, the elements' shadow roots
// included, at every step. Every date is the API's, or computed from the test day.

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

test('find your bin day: postcode, address, collections, then report a missed one for the same property', async ({ page }) => {
  const problems = await watchForProblems(page);
  // A property with a collection that can be reported missed today (AN1 1AA mid-week).
  const property = await reportableProperty(page.request, 'bin day then report');
  const collections = await collectionsOf(page.request, property.uprn);
  const missed = property.open[0]!;
  await openWastePage(page, wastePages.binDay.en);
  await expectNoAxeViolations(page);

  await findPostcode(page, property.postcode);
  await expect(stepHeading(binDay(page))).toHaveText(`${property.count} addresses found for ${property.postcode}`);
  await expectNoAxeViolations(page);

  await chooseAddress(page, property.address);
  const heading = binDay(page).getByRole('heading', { name: `Bin collections for ${property.address}` });
  await expect(heading).toBeVisible();
  await expectFocusOnStepHeading(page, `Bin collections for ${property.address}`);

  // Every service the API lists, dated from the fixed clock: "Tuesday 1 December (in 6 days)",
  // the last collection, and a report link (with its deadline) only where the window is open.
  await expectCollectionsShown(page, collections);
  await expect(serviceCard(page, 'Food waste')).toContainText('Brown caddy');
  await expect(binDay(page).getByRole('link', { name: 'Download calendar (.ics)' })).toHaveAttribute('href', /\/api\/v1\/waste\/properties\/\d+\/collections\.ics\?lang=en$/);
  await expectNoAxeViolations(page);

  // The report link names the service only; the property travels in the session, not the URL.
  const report = serviceCard(page, missed.name).getByRole('link', { name: 'Report a missed collection' });
  await expect(report).toHaveAttribute('href', `/bins/report-missed/?service=${missed.id}`);
  await report.click();
  await expect(page).toHaveURL(`/bins/report-missed/?service=${missed.id}`);
  expectNoPersonalDataInUrl(page);

  // No address question: the missed-bin page starts at "Which collection?", that one chosen.
  await expect(stepHeading(missedReport(page))).toHaveText('Which collection was missed?');
  await expect(missedReport(page).getByRole('radio', { name: missed.name, exact: true })).toBeChecked();
  await expectReportChoices(missedReport(page), property.open);
  await expect(missedReport(page).locator('council-address-lookup')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('find your bin day: flats with communal bins are told how their waste is collected', async ({ page }) => {
  await openWastePage(page, wastePages.binDay.en);
  await findPostcode(page, 'AN1A 2FL');
  await chooseAddress(page, 'Flat 1, Castle House, 1 Castle Walk, Anytown, AN1A 2FL');
  await expect(binDay(page).getByText('We have no collections for this property')).toBeVisible();
  await expect(binDay(page).getByText(/share communal bins/)).toBeVisible();
  await expect(binDay(page).getByRole('link', { name: 'Contact us about your bins' })).toHaveAttribute('href', '/contact/');
  await expectNoAxeViolations(page);
});

test('report a missed bin: every question page to a confirmation with a reference', async ({ page }) => {
  const problems = await watchForProblems(page);
  const property = await reportableProperty(page.request, 'report journey');
  const missed = property.open[0]!;
  const reported: unknown[] = [];
  await page.exposeFunction('__reported', (detail: unknown) => reported.push(detail));
  await page.addInitScript(() => {
    document.addEventListener('council-missed-bin-reported', (event) => {
      (window as unknown as { __reported: (d: unknown) => void }).__reported((event as CustomEvent).detail);
    });
  });
  const report = missedReport(page);

  await openWastePage(page, wastePages.missed.en);
  await expect(stepHeading(report).first()).toHaveText('Find the property');
  await expectNoAxeViolations(page);

  await findProperty(page, property);
  await expectNoAxeViolations(page);

  // Only collections still inside their report window are offered, with the date missed.
  await expect(stepHeading(report)).toHaveText('Which collection was missed?');
  await expectReportChoices(report, property.open);
  await expectNoAxeViolations(page);
  await answer(report, missed.name);

  const binOut = `Was your bin out by 7am on ${day(missed.date)}?`;
  await expect(stepHeading(report)).toHaveText(binOut);
  await expectFocusOnStepHeading(page, binOut);
  await expectNoAxeViolations(page);
  await answer(report, 'Yes');

  await expect(stepHeading(report)).toHaveText('How can we contact you about this?');
  await expectNoAxeViolations(page);
  await report.getByLabel('Email address (optional)').fill('resident@example.com');
  await report.getByRole('button', { name: 'Continue' }).click();

  await expect(stepHeading(report)).toHaveText('Check your answers before sending');
  const rows = report.locator('.summary-row');
  await expect(rows.nth(0)).toContainText(`${missed.name}, ${day(missed.date)}`);
  await expect(rows.nth(1)).toContainText('Yes');
  await expect(rows.nth(2)).toContainText(property.address);
  await expect(rows.nth(3)).toContainText('resident@example.com');
  await expect(rows.nth(4)).toContainText('Not given');
  await expectNoAxeViolations(page);
  await report.getByRole('button', { name: 'Send' }).click();

  await expect(stepHeading(report)).toHaveText('Missed collection reported');
  await expectFocusOnStepHeading(page, 'Missed collection reported');
  const reference = await confirmationReference(report);
  await expect(report.getByText('We will return to collect it within 2 working days.')).toBeVisible();
  await expect(report.getByRole('link', { name: 'Check your bin collection days' })).toHaveAttribute('href', '/bins/collection-days/');
  await expectNoAxeViolations(page);

  // The event tells the page what it needs, and nothing the resident typed.
  expect(reported).toEqual([{ reference, serviceId: missed.id, duplicate: false }]);
  // The draft is gone once the report is confirmed.
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes('missed-bin-report')))).toEqual([]);
  expectNoPersonalDataInUrl(page);
  expect(problems).toEqual([]);
});

test('report a missed bin: a bin that was not out in time is explained, not reported', async ({ page }) => {
  const property = await reportableProperty(page.request, 'not out in time');
  const report = missedReport(page);
  await openWastePage(page, wastePages.missed.en);
  await findProperty(page, property);
  await answer(report, property.open.at(-1)!.name);
  await answer(report, 'No');
  await expect(stepHeading(report)).toHaveText('We cannot report this as a missed collection');
  await expect(report.getByText('Crews can only collect bins that are out by 7am on collection day.')).toBeVisible();
  await expect(report.getByRole('link', { name: 'Check your bin collection days' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('order a new bin: container, reason, contact, the charge explained, then a reference', async ({ page }) => {
  const problems = await watchForProblems(page);
  const request = containerRequest(page);

  await openWastePage(page, wastePages.newBin.en);
  await expectNoAxeViolations(page);
  await findProperty(page, '2 High Street');

  await expect(stepHeading(request)).toHaveText('Which bin or container do you need?');
  await expect(request.getByRole('radio')).toHaveCount(4);
  await expectNoAxeViolations(page);
  await answer(request, 'Rubbish bin (black)');

  await expect(stepHeading(request)).toHaveText('Why do you need it?');
  await expectFocusOnStepHeading(page, 'Why do you need it?');
  await expectNoAxeViolations(page);
  await answer(request, 'It was stolen');

  await expect(stepHeading(request)).toHaveText('How can we contact you about this?');
  await request.getByLabel('UK phone number (optional)').fill('07700 900 982');
  await request.getByRole('button', { name: 'Continue' }).click();

  await expect(stepHeading(request)).toHaveText('Check your answers before sending');
  await expect(request.locator('.summary-row').nth(0)).toContainText('Rubbish bin (black)');
  await expect(request.locator('.summary-row').nth(1)).toContainText('It was stolen');
  await expect(request.locator('.summary-row').nth(2)).toContainText('2 High Street, Anytown, AN1 1AA');
  // A replacement rubbish bin is charged: the resident sees it before sending.
  await expect(request.locator('.warning')).toContainText('£25, including delivery');
  await expect(request.locator('.warning')).toContainText('We will tell you how to pay after you send this request.');
  await expectNoAxeViolations(page);
  await request.getByRole('button', { name: 'Send' }).click();

  await expect(stepHeading(request)).toHaveText('Request sent');
  await expectFocusOnStepHeading(page, 'Request sent');
  const reference = await confirmationReference(request);
  await expect(request.getByText('Your request will be processed once you have paid.')).toBeVisible();
  await expect(request.getByRole('link', { name: 'Pay now' })).toHaveAttribute('href', `https://pay.anytown.example/waste/${reference}`);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('order a new bin: a free food caddy for a new home needs no payment', async ({ page }) => {
  const request = containerRequest(page);
  await openWastePage(page, wastePages.newBin.en);
  await findProperty(page, '3 High Street');
  await answer(request, 'Food waste caddy');
  await answer(request, 'I have moved into a new property');
  await request.getByRole('button', { name: 'Continue' }).click();
  await expect(stepHeading(request)).toHaveText('Check your answers before sending');
  await expect(request.locator('.warning')).toHaveCount(0);
  await request.getByRole('button', { name: 'Send' }).click();
  await confirmationReference(request);
  await expect(request.getByText('We will deliver it within 10 working days. You do not need to be in.')).toBeVisible();
  await expect(request.getByRole('link', { name: 'Pay now' })).toHaveCount(0);
});
