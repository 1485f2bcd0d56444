import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, focused } from './support.ts';
import { choose, confirmationReference, expectStep, findHome, fixClock, isRepairPost, openReport } from './repairs-support.ts';

// The council API fails as the resident sends the report: a clear message, nothing typed is
// lost, Try again sends the same submission (the same Idempotency-Key), and the API accepts it.

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

test('a 500 on Send: a clear message, every answer kept, sending again reuses the idempotency key', async ({ page }) => {
  const keys: string[] = [];
  let failures = 1;
  await page.route(
    (url) => url.pathname === '/api/v1/repairs',
    async (route, request) => {
      if (!isRepairPost(request.url(), request.method())) return route.continue();
      keys.push((await request.headerValue('idempotency-key')) ?? '');
      if (failures-- > 0) {
        return route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }) });
      }
      return route.continue();
    },
  );

  const host = await openReport(page);
  await choose(host, 'No, none of these');
  await choose(host, /^Tenant/);
  await findHome(page, 'Flat 1, Mill Court, 12 High Street');
  await choose(host, 'Kitchen');
  await choose(host, 'Walls, floor or extractor fan');
  await choose(host, 'The extractor fan is not working');
  const description = 'The kitchen extractor fan hums but does not spin.';
  await host.locator('#description').fill(description);
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'How should we contact you about this repair?');
  await host.getByRole('radio', { name: /^Phone call/ }).check();
  await host.getByLabel('UK phone number').fill('01632 960 001');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'Choose an appointment');
  await host.locator('#slot-3').check();
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'Check your answers before sending');
  await host.getByRole('button', { name: 'Send report' }).click();

  // A clear message, focused, with Try again; the answers are all still there.
  const problem = host.locator('.problem');
  await expect(problem.getByRole('heading', { name: 'Sorry, there is a problem with the service' })).toBeVisible();
  await expect(problem).toContainText('Try again. If it still does not work, try again later.');
  await expect.poll(async () => (await focused(page))?.text).toBe('Sorry, there is a problem with the service');
  await expect(host.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact/');
  const summary = host.locator('.summary-list');
  await expect(summary).toContainText(description);
  await expect(summary).toContainText('The extractor fan is not working');
  await expect(summary).toContainText('Phone call: 01632 960 001');
  await expectNoAxeViolations(page);
  expect(keys).toHaveLength(1);

  // Nothing typed is lost: Back to the description shows it as typed.
  await host.getByRole('button', { name: 'Change Description' }).click();
  await expect(host.locator('#description')).toHaveValue(description);
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'Check your answers before sending');
  await host.getByRole('button', { name: 'Send report' }).click();
  // That was a second try (the route lets it through), with the same key.
  await expectStep(host, 'Repair reported');
  await confirmationReference(host);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/\S{8,}/);
  expect(keys[1]).toBe(keys[0]);
  await expectNoAxeViolations(page);
});

test('a 500 on Send, then Try again in the problem panel: one repair, the same key', async ({ page }) => {
  const keys: string[] = [];
  let failures = 1;
  await page.route(
    (url) => url.pathname === '/api/v1/repairs',
    async (route, request) => {
      if (!isRepairPost(request.url(), request.method())) return route.continue();
      keys.push((await request.headerValue('idempotency-key')) ?? '');
      if (failures-- > 0) return route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }) });
      return route.continue();
    },
  );

  const host = await openReport(page);
  await choose(host, 'No, none of these');
  await choose(host, /^Tenant/);
  await findHome(page, 'Flat 2, Mill Court, 12 High Street');
  await choose(host, 'Bedroom');
  await choose(host, 'Windows');
  await choose(host, 'A window will not open or close');
  await host.locator('#description').fill('The bedroom window is stuck shut.');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'Add photos of the problem (optional)');
  await host.getByRole('button', { name: 'Continue' }).click();
  await host.getByRole('radio', { name: 'Email', exact: true }).check();
  await host.getByLabel('Email address').fill('flat2@example.com');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'Choose an appointment');
  await host.locator('#slot-2').check();
  await host.getByRole('button', { name: 'Continue' }).click();
  await host.getByRole('button', { name: 'Send report' }).click();

  await expect(host.locator('.problem')).toBeVisible();
  await host.locator('.problem').getByRole('button', { name: 'Try again' }).click();
  await expectStep(host, 'Repair reported');
  await confirmationReference(host);
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
});
