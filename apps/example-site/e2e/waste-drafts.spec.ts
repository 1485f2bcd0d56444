import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support.ts';
import {
  answer,
  confirmationReference,
  containerRequest,
  day,
  findProperty,
  fixClock,
  missedReport,
  openWastePage,
  reportableProperty,
  stepHeading,
  wastePages,
} from './waste-support.ts';

// Drafts live in sessionStorage: a reload mid-form keeps every answer and the step, and a
// confirmed submission clears them. A collection reported twice is answered kindly.

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

test('report a missed bin: a reload mid-form keeps the step and every answer', async ({ page }) => {
  const property = await reportableProperty(page.request, 'draft reload');
  const missed = property.open[0]!;
  const report = missedReport(page);
  await openWastePage(page, wastePages.missed.en);
  await findProperty(page, property);
  await answer(report, missed.name);
  await answer(report, 'Yes');
  await expect(stepHeading(report)).toHaveText('How can we contact you about this?');
  await report.getByLabel('Email address (optional)').fill('resident@example.com');
  await report.getByLabel('UK phone number (optional)').fill('01632 960 001');

  await page.reload();
  await expect(stepHeading(report)).toHaveText('How can we contact you about this?');
  await expect(report.getByLabel('Email address (optional)')).toHaveValue('resident@example.com');
  await expect(report.getByLabel('UK phone number (optional)')).toHaveValue('01632 960 001');
  // Back still knows the way.
  await report.getByRole('button', { name: 'Back' }).click();
  await expect(stepHeading(report)).toHaveText(`Was your bin out by 7am on ${day(missed.date)}?`);
  await expect(report.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await report.getByRole('button', { name: 'Continue' }).click();
  await report.getByRole('button', { name: 'Continue' }).click();

  await expect(stepHeading(report)).toHaveText('Check your answers before sending');
  await page.reload();
  await expect(stepHeading(report)).toHaveText('Check your answers before sending');
  await expect(report.locator('.summary-row').nth(0)).toContainText(`${missed.name}, ${day(missed.date)}`);
  await expect(report.locator('.summary-row').nth(2)).toContainText(property.address);
  await expect(report.locator('.summary-row').nth(4)).toContainText('01632 960 001');
  await report.getByRole('button', { name: 'Send' }).click();
  await confirmationReference(report);

  // Once confirmed, the draft is gone: a new visit starts a new report (the property is still
  // remembered for the session, so it starts at the first question).
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes('missed-bin-report')))).toEqual([]);
  await page.reload();
  await expect(stepHeading(report)).toHaveText('Which collection was missed?');
  await expect(report.getByRole('radio', { name: missed.name, exact: true })).not.toBeChecked();
});

test('order a new bin: a reload mid-form keeps the step and every answer', async ({ page }) => {
  const request = containerRequest(page);
  await openWastePage(page, wastePages.newBin.en);
  await findProperty(page, '10 High Street');
  await answer(request, 'Recycling bin (green with a blue lid)');
  await answer(request, 'It is damaged');
  await request.getByLabel('UK phone number (optional)').fill('07700 900 982');

  await page.reload();
  await expect(stepHeading(request)).toHaveText('How can we contact you about this?');
  await expect(request.getByLabel('UK phone number (optional)')).toHaveValue('07700 900 982');
  await request.getByRole('button', { name: 'Continue' }).click();
  await expect(request.locator('.summary-row').nth(0)).toContainText('Recycling bin (green with a blue lid)');
  await expect(request.locator('.summary-row').nth(1)).toContainText('It is damaged');
  await expect(request.locator('.summary-row').nth(4)).toContainText('07700 900 982');
  await request.getByRole('button', { name: 'Send' }).click();
  await confirmationReference(request);
});

test('report a missed bin: the same collection reported again is answered kindly, with the first reference', async ({ browser, request }) => {
  const property = await reportableProperty(request, 'duplicate report');
  const references: string[] = [];
  for (const neighbour of ['first', 'second']) {
    // Two residents of the same house, each in their own browser.
    const context = await browser.newContext();
    const page = await context.newPage();
    await fixClock(page);
    const report = missedReport(page);
    await openWastePage(page, wastePages.missed.en);
    await findProperty(page, property);
    await answer(report, property.open[0]!.name);
    await answer(report, 'Yes');
    await report.getByRole('button', { name: 'Continue' }).click();
    await report.getByRole('button', { name: 'Send' }).click();
    references.push(await confirmationReference(report));
    if (neighbour === 'first') {
      await expect(stepHeading(report)).toHaveText('Missed collection reported');
    } else {
      await expect(stepHeading(report)).toHaveText('We already have this report');
      await expect(report.getByText('Someone has already reported this collection. You do not need to report it again.')).toBeVisible();
      await expect(report.getByRole('link', { name: 'Check your bin collection days' })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await context.close();
  }
  expect(references[1]).toBe(references[0]);
});
