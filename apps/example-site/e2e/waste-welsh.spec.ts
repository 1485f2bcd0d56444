import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support.ts';
import {
  answer,
  binDay,
  chooseAddress,
  collectionsOf,
  confirmationReference,
  containerRequest,
  day,
  expectCollectionsShown,
  expectFocusOnErrorSummary,
  expectReportChoices,
  findPostcode,
  findProperty,
  fixClock,
  fullAddress,
  missedReport,
  openWastePage,
  reportableProperty,
  serviceCard,
  stepHeading,
  wastePages,
} from './waste-support.ts';

// The Welsh pages: the elements follow <html lang="cy">, the API answers service names in Welsh
// (`lang=cy`), and links between the pages stay under /cy/.

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

test('Cymraeg: diwrnod bin, then report a missed collection, all in Welsh', async ({ page }) => {
  const property = await reportableProperty(page.request, 'Welsh report');
  // What the API says in Welsh: the page must show the same names and dates.
  const collections = await collectionsOf(page.request, property.uprn, 'cy');
  const missed = property.open[0]!;
  const welshName = (id: string) => collections.services.find((service) => service.id === id)!.name;
  await openWastePage(page, wastePages.binDay.cy);
  await expect(page.locator('council-address-lookup').getByText('Cod post', { exact: true })).toBeVisible();
  await findProperty(page, property);

  await expect(stepHeading(binDay(page))).toHaveText(`Casgliadau biniau ar gyfer ${property.address}`);
  // The API answered in Welsh (lang=cy), and the element shows the same.
  const inWelsh: Record<string, string> = { refuse: 'Sbwriel', recycling: 'Ailgylchu', food: 'Gwastraff bwyd', garden: 'Gwastraff gardd' };
  expect(collections.services.map((service) => service.name)).toEqual(collections.services.map((service) => inWelsh[service.id]));
  // "Bob dydd Mawrth", "Dydd Mawrth 1 Rhagfyr (ymhen 6 diwrnod)", "Casgliad diwethaf: …".
  await expectCollectionsShown(page, collections, 'cy');
  await expect(serviceCard(page, 'Gwastraff bwyd')).toContainText('Cadi brown');
  // The calendar in Welsh too: the API writes its names and notes in the page's language.
  await expect(binDay(page).getByRole('link', { name: 'Lawrlwytho calendr (.ics)' })).toHaveAttribute('href', /\/collections\.ics\?lang=cy$/);
  await expectNoAxeViolations(page);

  await serviceCard(page, welshName(missed.id)).getByRole('link', { name: 'Rhoi gwybod am gasgliad a fethwyd' }).click();
  await expect(page).toHaveURL(`/cy/bins/report-missed/?service=${missed.id}`);

  const report = missedReport(page);
  await expect(stepHeading(report)).toHaveText('Pa gasgliad a fethwyd?');
  await expect(report.getByRole('radio', { name: welshName(missed.id), exact: true })).toBeChecked();
  await expectReportChoices(report, property.open, 'cy', property.open.map((collection) => welshName(collection.id)));
  await expectNoAxeViolations(page);
  await report.getByRole('button', { name: 'Parhau' }).click();

  // The time in Welsh, and the day softened after "ar": "ar ddydd Mawrth".
  await expect(stepHeading(report)).toHaveText(`Oedd eich bin allan erbyn 7yb ar ${day(missed.date, 'cy').replace(/^Dydd/, 'ddydd')}?`);
  // A missing answer: the error summary, in Welsh.
  await report.getByRole('button', { name: 'Parhau' }).click();
  await expectFocusOnErrorSummary(page);
  await expect(report.locator('.error-summary')).toContainText('Mae problem wedi codi');
  await expect(report.locator('.error-summary')).toContainText('Dewiswch ydy os oedd eich bin allan erbyn 7yb');
  await expectNoAxeViolations(page);
  await answer(report, 'Ydy', 'Parhau');

  await expect(stepHeading(report)).toHaveText('Sut gallwn ni gysylltu â chi am hyn?');
  await expect(report.getByLabel('Cyfeiriad e-bost (dewisol)')).toBeVisible();
  await report.getByRole('button', { name: 'Parhau' }).click();

  await expect(stepHeading(report)).toHaveText('Gwiriwch eich atebion cyn anfon');
  await expect(report.locator('.summary-row').nth(0)).toContainText(`${welshName(missed.id)}, ${day(missed.date, 'cy').replace(/^Dydd/, 'dydd')}`);
  await expect(report.locator('.summary-row').nth(3)).toContainText('Heb ei roi');
  await expectNoAxeViolations(page);
  await report.getByRole('button', { name: 'Anfon' }).click();

  await expect(stepHeading(report)).toHaveText('Rhoddwyd gwybod am gasgliad a fethwyd');
  await expect(report.locator('.panel')).toContainText('Eich cyfeirnod');
  await confirmationReference(report);
  await expect(report.getByRole('link', { name: 'Gwirio eich diwrnodau casglu biniau' })).toHaveAttribute('href', '/cy/bins/collection-days/');
  await expectNoAxeViolations(page);
});

test('Cymraeg: archebu bin newydd, with the charge in Welsh', async ({ page }) => {
  const request = containerRequest(page);
  await openWastePage(page, wastePages.newBin.cy);
  await findPostcode(page);
  await chooseAddress(page, fullAddress('9 High Street'));

  await expect(stepHeading(request)).toHaveText('Pa fin neu gynhwysydd sydd ei angen arnoch?');
  await expect(request.getByRole('radio')).toHaveCount(4);
  await expect(request.getByRole('radio', { name: 'Bin ailgylchu (gwyrdd gyda chaead glas)' })).toBeVisible();
  await answer(request, 'Bin sbwriel (du)', 'Parhau');
  await expect(stepHeading(request)).toHaveText('Pam mae ei angen arnoch?');
  await answer(request, 'Mae wedi’i ddifrodi', 'Parhau');
  await request.getByRole('button', { name: 'Parhau' }).click();

  await expect(stepHeading(request)).toHaveText('Gwiriwch eich atebion cyn anfon');
  await expect(request.locator('.warning')).toContainText('£25, gan gynnwys ei ddanfon');
  await expect(request.locator('.warning')).toContainText('Byddwn yn dweud wrthych sut i dalu');
  await expectNoAxeViolations(page);
  await request.getByRole('button', { name: 'Anfon' }).click();

  await expect(stepHeading(request)).toHaveText('Cais wedi’i anfon');
  await confirmationReference(request);
  await expect(request.getByRole('link', { name: 'Talu nawr' })).toBeVisible();
  await expectNoAxeViolations(page);
});

// (Bin day has its own no-JavaScript journey, in Welsh too: no-js-bin-day.spec.ts.)
test('Cymraeg: the fallback without JavaScript is in Welsh, with a phone number and the contact page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, tag] of [
    [wastePages.missed.cy, 'council-missed-bin-report'],
    [wastePages.newBin.cy, 'council-container-request'],
  ] as const) {
    await page.goto(path);
    const fallback = page.locator(tag).locator('[data-fallback]');
    await expect(fallback).toBeVisible();
    await expect(fallback).toContainText('Mae angen JavaScript');
    await expect(fallback.getByRole('link', { name: '01632 960 000' })).toHaveAttribute('href', 'tel:+441632960000');
    await expect(fallback.getByRole('link', { name: 'cysylltwch â ni mewn ffordd arall' })).toHaveAttribute('href', '/cy/contact/');
  }
  await context.close();
});
