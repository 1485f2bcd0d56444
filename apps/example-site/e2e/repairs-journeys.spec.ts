import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support.ts';
import {
  choose,
  closedText,
  confirmationReference,
  councilToday,
  expectAppointmentDays,
  expectStep,
  findHome,
  fixClock,
  lastCodeFor,
  londonTime,
  openAppointment,
  openReport,
  phoneAt,
  manageLinkFor,
  phones,
  repairAppointment,
  reportWithLink,
  seedRepairs,
  slotsAnswer,
  tinyPng,
} from './repairs-support.ts';

// Through the real council API (COUNCIL_TODAY, the test day; the browser's clock is fixed to
// 10:30 that morning, in or out of the repairs line's office hours depending on the day, which
// the catalogue says), axe at every step. The run shares one database, so each test that books
// uses its own trade or slot, and tests that change a repair use a seeded one nobody else
// changes or one they report first.

// Long journeys with axe at every step, on a machine shared with other work.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

test('the report page: emergency numbers in the page itself, the element replaces its fallback', async ({ page }) => {
  const host = await openReport(page);
  const emergency = page.locator('main .emergency-text');
  await expect(emergency.getByRole('heading', { name: 'If it’s an emergency' })).toBeVisible();
  await expect(emergency.getByRole('link', { name: phones.gas })).toHaveAttribute('href', 'tel:+44800111999');
  await expect(emergency.getByRole('link', { name: phones.repairs })).toBeVisible();
  await expect(emergency.getByRole('link', { name: phones.outOfHours })).toBeVisible();
  await expect(host.locator('[data-fallback]')).toBeHidden();
  await expectNoAxeViolations(page);
});

test('a tenant reports a routine repair with a photo, books an appointment and gets a reference', async ({ page }) => {
  const host = await openReport(page);
  const reported: unknown[] = [];
  await page.exposeFunction('__repairReported', (detail: unknown) => reported.push(detail));
  await page.evaluate(() => document.addEventListener('council-repair-reported', (e) => (window as unknown as { __repairReported: (d: unknown) => void }).__repairReported((e as CustomEvent).detail)));

  await choose(host, 'No, none of these');
  await expectStep(host, 'Are you a tenant or a leaseholder?');
  await expectNoAxeViolations(page);
  await choose(host, /^Tenant/);

  await expectStep(host, 'Find the property');
  await expectNoAxeViolations(page);
  await findHome(page, 'Flat 3, Mill Court, 12 High Street');

  await expectStep(host, 'Where is the problem?');
  await expectNoAxeViolations(page);
  await choose(host, 'Kitchen');
  await expectStep(host, 'What is the problem?');
  await expectNoAxeViolations(page);
  await choose(host, 'Taps or sink');
  await expectStep(host, 'Which best describes it?');
  await expectNoAxeViolations(page);
  await choose(host, 'A tap is dripping');

  await expectStep(host, 'Describe the problem');
  await host.locator('#description').fill('The hot tap in the kitchen drips all night.');
  await expect(host.locator('.count')).toHaveText('You have 457 characters remaining');
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Continue' }).click();

  await expectStep(host, 'Add photos of the problem (optional)');
  await expectNoAxeViolations(page);
  await host.locator('#photo').setInputFiles({ name: 'dripping-tap.png', mimeType: 'image/png', buffer: tinyPng() });
  await expect(host.locator('.photos li')).toHaveCount(1);
  await expect(host.locator('.photos li')).toContainText('Photo 1: dripping-tap.png');
  // A thumbnail naming the file, a Remove button naming the photo, and GOV.UK's file upload
  // (label, hint, the browser's button drawn as a secondary button).
  await expect(host.getByRole('img', { name: 'Preview of dripping-tap.png' })).toHaveAttribute('src', /^blob:/);
  await expect(host.getByRole('button', { name: 'Remove photo 1: dripping-tap.png' })).toBeVisible();
  await expect(host.getByLabel('Upload a photo')).toHaveAccessibleDescription(/Photos help us bring the right parts/);
  expect(await host.locator('#photo').evaluate((input) => getComputedStyle(input, '::file-selector-button').backgroundColor)).toBe('rgb(243, 242, 241)');
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Continue' }).click();

  await expectStep(host, 'How should we contact you about this repair?');
  await host.getByRole('radio', { name: 'Email', exact: true }).check();
  await host.getByLabel('Email address').fill('tenant.flat3@example.com');
  await expectNoAxeViolations(page);
  const slots = slotsAnswer(page);
  await host.getByRole('button', { name: 'Continue' }).click();

  // Routine plumbing: the free slots from the next working day ("Thursday 26 November" on a
  // Wednesday), day by day, as the API answered them.
  await expectStep(host, 'Choose an appointment');
  await expectAppointmentDays(host, await slots);
  await expectNoAxeViolations(page);
  await host.locator('#slot-1').check();
  const slotDay = (await host.locator('fieldset.day', { has: page.locator('#slot-1') }).locator('legend').textContent())!.trim();
  await host.getByRole('button', { name: 'Continue' }).click();

  await expectStep(host, 'Check your answers before sending');
  const summary = host.locator('.summary-list');
  await expect(summary).toContainText('Tenant');
  await expect(summary).toContainText('Flat 3, Mill Court, 12 High Street, Anytown, AN1 1AA');
  await expect(summary).toContainText('A tap is dripping');
  await expect(summary).toContainText('The hot tap in the kitchen drips all night.');
  await expect(summary).toContainText('1 photo');
  await expect(summary).toContainText('Email: tenant.flat3@example.com');
  await expect(summary).toContainText(slotDay);
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Send report' }).click();

  await expectStep(host, 'Repair reported');
  const reference = await confirmationReference(host);
  await expect(host).toContainText(`We will come on ${slotDay}`);
  // The manage link: the reference and manage token in the fragment, which no server sees.
  const link = host.getByRole('link', { name: 'Check, move or cancel your appointment' });
  await expect(link).toHaveAttribute('href', new RegExp(`^/repairs/appointment/#reference=${reference}&token=[A-Za-z0-9_-]{43}$`));
  await expectNoAxeViolations(page);
  // The event carries the reference and outcome only; the draft is gone.
  expect(reported).toEqual([{ reference, outcome: 'book' }]);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => /repair/.test(k)))).toEqual([]);

  // The link opens the repair, details and all; the token travels in a header, never a URL.
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  const token = (await link.getAttribute('href'))!.split('token=')[1]!;
  await link.click();
  const manage = repairAppointment(page);
  await expectStep(manage, `Repair ${reference}`);
  await expect(manage.locator('.summary-list')).toContainText('The hot tap in the kitchen drips all night.');
  await expect(manage.getByRole('button', { name: 'Change the appointment' })).toBeVisible();
  expect(urls.filter((u) => u.includes(token))).toEqual([]);
});

test('a leaseholder sees only the shared areas and reports a communal repair', async ({ page }) => {
  const host = await openReport(page);
  await choose(host, 'No, none of these');
  await choose(host, /^Leaseholder/);
  await findHome(page, 'Flat 4, Mill Court, 12 High Street');

  await expectStep(host, 'Where is the problem?');
  await expect(host.getByRole('radio')).toHaveCount(1);
  await expect(host.getByRole('radio')).toHaveAccessibleName('A shared area (stairs, corridors, lifts, bin stores)');
  await expectNoAxeViolations(page);
  await choose(host, 'A shared area (stairs, corridors, lifts, bin stores)');

  // Mill Court already has an open communal repair: not this one.
  await expectStep(host, 'Has it already been reported?');
  await choose(host, 'No');
  await expectStep(host, 'What is the problem?');
  await expect(host.getByRole('radio')).toHaveCount(6);
  await expectNoAxeViolations(page);
  await choose(host, 'Lighting');
  await expectStep(host, 'Which best describes it?');
  await expectNoAxeViolations(page);
  await choose(host, 'A light stays on all day');

  await expectStep(host, 'Describe the problem');
  await host.locator('#description').fill('The ground floor corridor light is on day and night.');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'How should we contact you about this repair?');
  await host.getByRole('radio', { name: /^Phone call/ }).check();
  await host.getByLabel('UK phone number').fill('01632 960 001');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'Choose an appointment');
  await host.locator('#slot-0').check();
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'Check your answers before sending');
  await expect(host.locator('.summary-list')).toContainText('Leaseholder');
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Send report' }).click();
  await expectStep(host, 'Repair reported');
  await confirmationReference(host);
  await expectNoAxeViolations(page);
});

test('a communal repair: the repairs already reported in the block are listed first', async ({ page }) => {
  const host = await openReport(page);
  await choose(host, 'No, none of these');
  await choose(host, /^Tenant/);
  await findHome(page, 'Flat 2, Mill Court, 12 High Street');
  await choose(host, 'A shared area (stairs, corridors, lifts, bin stores)');

  await expectStep(host, 'Has it already been reported?');
  const list = host.locator('ul.reported li');
  await expect(list.filter({ hasText: 'A light on the stairs or in a corridor is not working' })).toHaveCount(1);
  await expect(list.filter({ hasText: 'A light on the stairs or in a corridor is not working' })).toContainText('Waiting for an appointment');
  // The cancelled one (RPF6V2JB) is not listed.
  await expect(list.filter({ hasText: 'The entrance door slams' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // No answer: the error summary.
  await host.getByRole('button', { name: 'Continue' }).click();
  await expect(host.locator('.error-summary')).toContainText('Select yes if your repair is already listed');
  await expectNoAxeViolations(page);

  await choose(host, 'Yes');
  await expectStep(host, 'You do not need to report it again');
  await expect(host.getByRole('button', { name: /^(Continue|Send report)$/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('an emergency: gas goes to the national gas emergency number first, with no form', async ({ page }) => {
  // 10:30 on the test day: the repairs line on a working day, the out-of-hours line at a weekend.
  const now = await phoneAt(page.request);
  const host = await openReport(page);
  await expectNoAxeViolations(page);
  await choose(host, 'You can smell gas, or think there is a gas leak');

  await expectStep(host, 'Call the National Gas Emergency Service now');
  const numbers = host.locator('a.phone');
  await expect(numbers).toHaveText([phones.gas, now.phone]);
  await expect(numbers.first()).toHaveAttribute('href', 'tel:0800111999');
  await expect(host.getByText(closedText.en)).toHaveCount(now.closed ? 1 : 0);
  await expect(host.locator('form, input, textarea, select')).toHaveCount(0);
  await expect(host.getByRole('button', { name: /Continue|Send/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Back to the question, and another emergency: the council's own number only.
  await host.getByRole('button', { name: 'Back' }).click();
  await choose(host, 'Water is flooding in, or leaking onto lights or electrics');
  await expectStep(host, 'Call us now');
  await expect(host.locator('a.phone')).toHaveText([now.phone]);
  await expect(host.getByText(closedText.en)).toHaveCount(now.closed ? 1 : 0);
  await expectNoAxeViolations(page);
});

test('an emergency out of office hours: the out-of-hours line', async ({ page }) => {
  // 10pm in London on the test day, after the offices close whatever the day.
  const evening = londonTime(councilToday, '22:00');
  expect(await phoneAt(page.request, evening), 'the catalogue’s office hours at 10pm').toEqual({ phone: phones.outOfHours, closed: true });
  await page.clock.setFixedTime(evening);
  const host = await openReport(page);
  await choose(host, 'You have no electricity at all');
  await expectStep(host, 'Call us now');
  await expect(host.locator('a.phone')).toHaveText([phones.outOfHours]);
  await expect(host).toContainText(closedText.en);
  await expectNoAxeViolations(page);
});

test('a home the council does not own: no report, another address or contact us', async ({ page }) => {
  const host = await openReport(page);
  await choose(host, 'No, none of these');
  await choose(host, /^Tenant/);
  await findHome(page, '9 High Street');

  await expectStep(host, 'We are not the landlord of this property');
  await expect(host).toContainText('You can report repairs online only for homes that Anytown Borough Council owns.');
  await expect(host.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact/');
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Try another address' }).click();
  await expectStep(host, 'Find the property');
});

test('manage an appointment: without the link, the reference and postcode show the status only', async ({ page }) => {
  const host = await openAppointment(page);
  await expectNoAxeViolations(page);

  // A wrong postcode gets the same answer as an unknown reference.
  await host.getByLabel('Repair reference').fill(seedRepairs.booked);
  await host.getByLabel('Postcode of the property').fill('AN1 1AB');
  await host.getByRole('button', { name: 'Find repair' }).click();
  await expect(host.locator('.error-summary')).toContainText('We could not find a repair with that reference and postcode.');
  await expectNoAxeViolations(page);

  await host.getByLabel('Postcode of the property').fill('an1 1aa');
  await host.getByRole('button', { name: 'Find repair' }).click();
  await expectStep(host, `Repair ${seedRepairs.booked}`);
  await expect(host.locator('.status')).toHaveText('Booked');
  await expect(host).toContainText('To see this repair’s details, or to move or cancel it, use the link we gave you when you reported it.');
  await expect(host.locator('.summary-list')).toHaveCount(0);
  await expect(host.getByRole('button', { name: 'Change the appointment' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('manage an appointment: without the link, a one-time code by email opens the repair', async ({ page, request }) => {
  const repair = await reportWithLink(request, 'Flat 2, Mill Court, 12 High Street', 'tap-dripping', 'The hot tap drips all night.');
  const host = await openAppointment(page);
  await host.getByLabel('Repair reference').fill(repair.reference);
  await host.getByLabel('Postcode of the property').fill('AN1 1AA');
  await host.getByRole('button', { name: 'Find repair' }).click();
  await expectStep(host, `Repair ${repair.reference}`);
  await expect(host.locator('.summary-list')).toHaveCount(0);
  await host.getByRole('button', { name: 'Get a code to change this appointment' }).click();

  // GOV.UK's "check your email" page: where it went (masked), one numeric input.
  await expectStep(host, 'Check your email');
  await expect(host).toContainText(/We have sent a code to t\*+@/);
  await expect(host.getByLabel('Enter the code')).toHaveAttribute('autocomplete', 'one-time-code');
  await expectNoAxeViolations(page);
  const code = lastCodeFor(repair.reference);
  expect(code).toMatch(/^\d{6}$/);

  // A wrong code: the error summary, and nothing opened.
  await host.getByLabel('Enter the code').fill(code === '000000' ? '111111' : '000000');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expect(host.locator('.error-summary')).toContainText('The code is not right, or it has expired.');
  await expectNoAxeViolations(page);

  await host.getByLabel('Enter the code').fill(code);
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, `Repair ${repair.reference}`);
  await expect(host.locator('.summary-list')).toContainText('A tap is dripping');
  await expect(host.getByRole('button', { name: 'Change the appointment' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('manage an appointment: the manage link opens the repair, and it moves to another day', async ({ page, request }) => {
  const repair = await reportWithLink(request, 'Flat 1, Mill Court, 12 High Street', 'tap-dripping', 'The cold tap drips into the sink.');
  await page.goto(manageLinkFor(repair));
  const host = repairAppointment(page);
  await expectStep(host, `Repair ${repair.reference}`);
  await expect(host.locator('.status')).toHaveText('Waiting for an appointment');
  await expect(host.locator('.summary-list')).toContainText('A tap is dripping');
  await expect(host.locator('.summary-list')).toContainText('Flat 1, Mill Court, 12 High Street');
  await expectNoAxeViolations(page);

  await host.getByRole('button', { name: 'Change the appointment' }).click();
  await expectStep(host, 'Choose a new appointment');
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Continue' }).click();
  await expect(host.locator('.error-summary')).toContainText('Select an appointment');
  await host.locator('#slot-9').check();
  const label = (await host.locator('label[for="slot-9"]').textContent())!.trim();
  const day = (await host.locator('fieldset.day', { has: page.locator('#slot-9') }).locator('legend').textContent())!.trim();
  await host.getByRole('button', { name: 'Continue' }).click();

  // The check page: the new appointment, with a Change link back to the choice; nothing moved yet.
  await expectStep(host, 'Check your new appointment');
  await expect(host.locator('.summary-list')).toContainText('New appointment');
  await expect(host.locator('.summary-list')).toContainText(label, { ignoreCase: true });
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Change New appointment' }).click();
  await expect(host.locator('#slot-9')).toBeChecked();
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectStep(host, 'Check your new appointment');
  await host.getByRole('button', { name: 'Change appointment' }).click();

  await expectStep(host, 'Appointment changed');
  await expect(host.locator('.panel strong')).toHaveText(repair.reference);
  await expect(host).toContainText(`We will come on ${day}`);
  // The period as a sentence writes it ("afternoon (midday to 6pm)"), not as the choice's label.
  await expect(host).toContainText(label, { ignoreCase: true });
  await expectNoAxeViolations(page);
});

test('manage an appointment: cancel a repair, with a reason', async ({ page, request }) => {
  const repair = await reportWithLink(request, '10 High Street', 'cistern-running', 'The cistern refills every few minutes.');
  const { reference } = repair;
  await page.goto(manageLinkFor(repair));
  const host = repairAppointment(page);
  await expectStep(host, `Repair ${reference}`);
  await expect(host.locator('.status')).toHaveText('Waiting for an appointment');
  await expectNoAxeViolations(page);

  await host.getByRole('button', { name: 'Cancel this repair' }).click();
  await expectStep(host, 'Why do you want to cancel this repair?');
  await host.getByRole('radio', { name: 'Another reason' }).check();
  await host.getByRole('button', { name: 'Continue' }).click();
  await expect(host.locator('.error-summary')).toContainText('Tell us why you want to cancel the repair');
  await expectNoAxeViolations(page);
  await host.getByLabel('Tell us why').fill('A neighbour fixed the float valve.');
  await host.getByRole('button', { name: 'Continue' }).click();

  // Are you sure? The reason, a red warning button, and a way to keep the repair.
  await expectStep(host, 'Are you sure you want to cancel this repair?');
  await expect(host.locator('.summary-list')).toContainText('A neighbour fixed the float valve.');
  const cancel = host.getByRole('button', { name: 'Cancel repair', exact: true });
  await expect(cancel).toHaveClass(/\bwarning\b/);
  await expect(cancel).toHaveCSS('background-color', /^rgb\((1[6-9]\d|2\d\d), \d{1,2}, \d{1,2}\)$/);
  await expect(host.getByRole('button', { name: 'Keep the repair' })).toBeVisible();
  await expectNoAxeViolations(page);
  await cancel.click();

  await expectStep(host, 'Repair cancelled');
  await expect(host.locator('.panel strong')).toHaveText(reference);
  await expectNoAxeViolations(page);

  // The link again: it has expired with the repair. Reference and postcode show it is cancelled.
  await page.reload();
  await expect(host.locator('.error-summary')).toContainText('This repair is closed, so its link no longer works.');
  await host.getByLabel('Postcode of the property').fill('AN1 1AA');
  await host.getByRole('button', { name: 'Find repair' }).click();
  await expect(host.locator('.status')).toHaveText('Cancelled');
  await expect(host.getByRole('button', { name: 'Cancel this repair' })).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const [path, host, lang, emergency, fallback] of [
    ['/repairs/report/', 'council-repair-report', 'en', 'If it’s an emergency', 'Report it by phone'],
    ['/repairs/appointment/', 'council-repair-appointment', 'en', 'If it’s an emergency', 'Change it by phone'],
    ['/cy/repairs/report/', 'council-repair-report', 'cy', 'Os yw’n argyfwng', 'Rhoi gwybod dros y ffôn'],
    ['/cy/repairs/appointment/', 'council-repair-appointment', 'cy', 'Os yw’n argyfwng', 'Ei newid dros y ffôn'],
  ] as const) {
    test(`${path}: the emergency numbers and the element's fallback (phone and contact page)`, async ({ page }) => {
      await page.goto(path);
      const inset = page.locator('main .emergency-text');
      await expect(inset.getByRole('heading', { name: emergency })).toBeVisible();
      for (const phone of Object.values(phones)) await expect(inset.getByRole('link', { name: phone })).toBeVisible();
      const element = page.locator(host);
      await expect(element.getByRole('heading', { name: fallback })).toBeVisible();
      await expect(element.getByRole('link', { name: phones.repairs })).toHaveAttribute('href', 'tel:+441632960456');
      await expect(element.locator('a[href$="/contact/"]')).toHaveAttribute('href', lang === 'en' ? '/contact/' : '/cy/contact/');
      // (axe needs JavaScript in the page; pages.spec.ts runs it on these pages with the element upgraded.)
    });
  }
});
