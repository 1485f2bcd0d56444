import { expect, test, type Request, type Route } from '@playwright/test';
import { expectNoAxeViolations } from './support.ts';
import {
  answer,
  binDay,
  collectionsUrl,
  confirmationReference,
  containerRequest,
  containerUrl,
  day,
  findProperty,
  fixClock,
  missedReport,
  missedUrl,
  openWastePage,
  problem,
  reportableProperty,
  stepHeading,
  wastePages,
} from './waste-support.ts';

/**
 * A route that holds each request until `release()`: a slow answer on any machine, so the busy
 * state is seen before the answer arrives (a fixed delay can be shorter than a busy machine).
 */
function holdRoute(): { hold: (route: Route) => Promise<void>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    hold: async (route) => {
      await released;
      await route.continue();
    },
    release: () => release(),
  };
}

// The council API slow, failing (500/503) or answering nonsense, faked with page.route on the
// /api path: the element shows a clear message and a way forward (Try again, Contact us), and
// nothing the resident chose or typed is lost.

const problemTitle = 'Sorry, there is a problem with the service';
const malformed = { status: 200, contentType: 'text/html', body: '<html><body>502 Bad Gateway</body></html>' };

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

test('bin day: a slow answer shows the busy state, then the collections', async ({ page }) => {
  // The answer is held until the busy state has been seen, however slow the machine.
  const { hold, release } = holdRoute();
  await page.route(collectionsUrl, hold);
  await openWastePage(page, wastePages.binDay.en);
  await findProperty(page, '11 High Street');
  await expect(binDay(page).locator('[part="busy"]')).toHaveText('Finding your bin collection days');
  await expectNoAxeViolations(page);
  release();
  await expect(stepHeading(binDay(page))).toHaveText('Bin collections for 11 High Street, Anytown, AN1 1AA', { timeout: 10_000 });
  await expect(binDay(page).locator('[part="busy"]')).toHaveCount(0);
});

test('bin day: 503 shows the problem with Try again and Contact us; Try again recovers', async ({ page }) => {
  let failing = true;
  let calls = 0;
  await page.route(collectionsUrl, async (route) => {
    calls++;
    if (failing) await problem(route, 503, 'Service Unavailable');
    else await route.continue();
  });
  await openWastePage(page, wastePages.binDay.en);
  await findProperty(page, '11 High Street');
  const panel = binDay(page).locator('[part="problem"]');
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeVisible({ timeout: 10_000 });
  // The element retried the GET itself before saying so.
  expect(calls).toBeGreaterThan(1);
  await expect(panel.getByRole('link', { name: 'Contact us about your bins' })).toHaveAttribute('href', '/contact/');
  await expect(binDay(page).getByRole('button', { name: 'Change address' })).toBeVisible();
  await expectNoAxeViolations(page);

  failing = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(stepHeading(binDay(page))).toHaveText('Bin collections for 11 High Street, Anytown, AN1 1AA');
});

test('bin day: malformed JSON shows the problem message, not a blank box', async ({ page }) => {
  await page.route(collectionsUrl, (route) => route.fulfill(malformed));
  await openWastePage(page, wastePages.binDay.en);
  await findProperty(page, '11 High Street');
  const panel = binDay(page).locator('[part="problem"]');
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeVisible();
  await expect(panel).toContainText('Try again. If it still does not work, try again later.');
  await expect(panel.getByRole('link', { name: 'Contact us about your bins' })).toBeVisible();
});

test('report a missed bin: the collections failing to load offers Try again and Contact us', async ({ page }) => {
  let failing = true;
  const property = await reportableProperty(page.request, 'load failure');
  await page.route(collectionsUrl, async (route) => (failing ? problem(route, 500, 'Internal Server Error') : route.continue()));
  const report = missedReport(page);
  await openWastePage(page, wastePages.missed.en);
  await findProperty(page, property);
  const panel = report.locator('[part="problem"]');
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact/');
  await expectNoAxeViolations(page);
  failing = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(stepHeading(report)).toHaveText('Which collection was missed?');
});

test('report a missed bin: a 500 on Send keeps every answer, and sending again is the same submission', async ({ page }) => {
  const report = missedReport(page);
  const sent: Request[] = [];
  let failing = true;
  await page.route(missedUrl, async (route) => {
    sent.push(route.request());
    if (failing) await problem(route, 500, 'Internal Server Error');
    else await route.continue();
  });
  const property = await reportableProperty(page.request, 'send failure');
  const missed = property.open[0]!;
  await openWastePage(page, wastePages.missed.en);
  await findProperty(page, property);
  await answer(report, missed.name);
  await answer(report, 'Yes');
  await report.getByLabel('Email address (optional)').fill('resident@example.com');
  await report.getByRole('button', { name: 'Continue' }).click();
  await report.getByRole('button', { name: 'Send' }).click();

  const panel = report.locator('[part="problem"]');
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeVisible();
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeFocused();
  await expect(panel.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact/');
  // Still on "Check your answers", nothing lost.
  await expect(stepHeading(report)).toHaveText('Check your answers before sending');
  await expect(report.locator('.summary-row').nth(0)).toContainText(`${missed.name}, ${day(missed.date)}`);
  await expect(report.locator('.summary-row').nth(3)).toContainText('resident@example.com');
  await expectNoAxeViolations(page);
  // POSTs are never retried behind the resident's back.
  expect(sent).toHaveLength(1);

  failing = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(stepHeading(report)).toHaveText('Missed collection reported');
  await confirmationReference(report);
  expect(sent).toHaveLength(2);
  const keys = await Promise.all(sent.map((request) => request.headerValue('idempotency-key')));
  expect(keys[0]).toBeTruthy();
  expect(keys[1]).toBe(keys[0]);
});

test('report a missed bin: a slow Send shows "Sending", then the confirmation', async ({ page }) => {
  const report = missedReport(page);
  const { hold, release } = holdRoute();
  await page.route(missedUrl, hold);
  const property = await reportableProperty(page.request, 'slow send');
  await openWastePage(page, wastePages.missed.en);
  await findProperty(page, property);
  await answer(report, property.open[0]!.name);
  await answer(report, 'Yes');
  await report.getByRole('button', { name: 'Continue' }).click();
  await report.getByRole('button', { name: 'Send' }).click();
  await expect(report.locator('[part="busy"]')).toHaveText('Sending');
  // No second Send while the first is on its way.
  await expect(report.getByRole('button', { name: 'Send' })).toHaveCount(0);
  release();
  await expect(stepHeading(report)).toHaveText('Missed collection reported', { timeout: 10_000 });
  await confirmationReference(report);
});

test('order a new bin: 503, then malformed JSON, keep every answer; the third Send goes through', async ({ page }) => {
  const request = containerRequest(page);
  const answers: ((route: Parameters<Parameters<typeof page.route>[1]>[0]) => Promise<void>)[] = [
    (route) => problem(route, 503, 'Service Unavailable'),
    (route) => route.fulfill(malformed),
    (route) => route.continue(),
  ];
  let attempt = 0;
  await page.route(containerUrl, (route) => answers[Math.min(attempt++, answers.length - 1)]!(route));
  await openWastePage(page, wastePages.newBin.en);
  await findProperty(page, '9A High Street');
  await answer(request, 'Garden waste bin (brown)');
  await answer(request, 'It was stolen');
  await request.getByLabel('Email address (optional)').fill('gardener@example.com');
  await request.getByRole('button', { name: 'Continue' }).click();
  await request.getByRole('button', { name: 'Send' }).click();

  const panel = request.locator('[part="problem"]');
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Contact us' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Go back to the contact page and return: what was typed is still there.
  await request.getByRole('button', { name: 'Back' }).click();
  await expect(request.getByLabel('Email address (optional)')).toHaveValue('gardener@example.com');
  await request.getByRole('button', { name: 'Continue' }).click();
  await expect(request.locator('.summary-row').nth(0)).toContainText('Garden waste bin (brown)');
  await expect(request.locator('.summary-row').nth(3)).toContainText('gardener@example.com');

  await request.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeVisible();
  await expect(request.locator('.summary-row').nth(1)).toContainText('It was stolen');

  await request.getByRole('button', { name: 'Send' }).click();
  await expect(stepHeading(request)).toHaveText('Request sent');
  await confirmationReference(request);
  expect(attempt).toBe(3);
});
