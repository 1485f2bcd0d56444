import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support.ts';
import {
  choose,
  closedText,
  confirmationReference,
  expectAppointmentDays,
  expectStep,
  findHome,
  fixClock,
  lastCodeFor,
  manageLinkFor,
  openAppointment,
  openReport,
  phoneAt,
  phones,
  repairAppointment,
  reportWithLink,
  seedRepairs,
  slotsAnswer,
  tinyPng,
} from './repairs-support.ts';

// The repairs pages in Welsh: the page's own text, the element's questions and errors, Welsh
// catalogue labels from the API, Welsh dates.

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

test('Welsh: report a repair at 10 High Street, through to the reference', async ({ page }) => {
  const host = await openReport(page, 'cy');
  await expect(page.locator('main .emergency-text').getByRole('heading', { name: 'Os yw’n argyfwng' })).toBeVisible();
  await expect(page.locator('main .emergency-text').getByRole('link', { name: phones.gas })).toBeVisible();
  await expectNoAxeViolations(page);

  // No answer: the Welsh error summary.
  await host.getByRole('button', { name: 'Parhau' }).click();
  await expect(host.locator('.error-summary')).toContainText('Mae problem wedi codi');
  await expect(host.locator('.error-summary')).toContainText('Dewiswch a yw hwn yn argyfwng');
  await expectNoAxeViolations(page);
  await choose(host, 'Na, dim un o’r rhain');

  await expectStep(host, 'Ydych chi’n denant neu’n lesddeiliad?');
  await choose(host, /^Tenant/);
  await expectStep(host, 'Dod o hyd i’r eiddo');
  await expectNoAxeViolations(page);
  await findHome(page, '10 High Street');

  await expectStep(host, 'Ble mae’r broblem?');
  await expectNoAxeViolations(page);
  await choose(host, 'Ystafell ymolchi neu doiled');
  await expectStep(host, 'Beth yw’r broblem?');
  await choose(host, 'Toiled');
  await expectStep(host, 'Pa un sy’n ei disgrifio orau?');
  await expectNoAxeViolations(page);
  await choose(host, 'Mae sedd y toiled wedi torri');

  await expectStep(host, 'Disgrifiwch y broblem');
  await host.locator('#description').fill('Mae colfach sedd y toiled wedi torri.');
  await expect(host.locator('.count')).toHaveText('Mae gennych 463 nod ar ôl');
  await host.getByRole('button', { name: 'Parhau' }).click();

  await expectStep(host, 'Sut dylen ni gysylltu â chi am y gwaith trwsio hwn?');
  await host.getByRole('radio', { name: 'Neges destun', exact: true }).check();
  await host.getByLabel('Rhif ffôn symudol yn y DU').fill('07700 900 123');
  await expectNoAxeViolations(page);
  const slots = slotsAnswer(page);
  await host.getByRole('button', { name: 'Parhau' }).click();

  // The free slots from the next working day, in Welsh ("Dydd Iau 26 Tachwedd").
  await expectStep(host, 'Dewiswch apwyntiad');
  await expectAppointmentDays(host, await slots, 'cy');
  await expect(host.getByRole('radio', { name: 'Bore (8yb i ganol dydd)' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await host.locator('#slot-4').check();
  await host.getByRole('button', { name: 'Parhau' }).click();

  await expectStep(host, 'Gwiriwch eich atebion cyn anfon');
  await expect(host.locator('.summary-list')).toContainText('Mae sedd y toiled wedi torri');
  await expect(host.locator('.summary-list')).toContainText('Neges destun: 07700 900 123');
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Anfon yr adroddiad' }).click();

  await expectStep(host, 'Rhoddwyd gwybod am y gwaith trwsio');
  await confirmationReference(host);
  // The day softened after "ar", in lower case mid-sentence; the period after it too.
  await expect(host).toContainText(/Byddwn yn dod ar ddydd \S+ \d+ \S+ \d{4}, (bore|prynhawn|drwy’r dydd) \(/);
  await expect(host.getByRole('link', { name: 'Gwirio, symud neu ganslo eich apwyntiad' })).toHaveAttribute('href', /^\/cy\/repairs\/appointment\/#reference=[A-Z0-9]{8}&token=[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page);
});

test('Welsh: gas goes to the national gas emergency number', async ({ page }) => {
  // Then the council: the repairs line in office hours, else the out-of-hours line.
  const now = await phoneAt(page.request);
  const host = await openReport(page, 'cy');
  await choose(host, 'Gallwch arogli nwy, neu rydych chi’n meddwl bod nwy yn gollwng');
  await expectStep(host, 'Ffoniwch y Gwasanaeth Argyfwng Nwy Cenedlaethol nawr');
  await expect(host.locator('a.phone')).toHaveText([phones.gas, now.phone]);
  // The council softened after the verb: "Ffoniwch Gyngor…".
  await expect(host).toContainText('Ffoniwch Gyngor');
  await expect(host.getByText(closedText.cy)).toHaveCount(now.closed ? 1 : 0);
  await expectNoAxeViolations(page);
});

test('Welsh: without the link, a completed repair’s status, and how to do more', async ({ page }) => {
  const host = await openAppointment(page, 'cy');
  await expectNoAxeViolations(page);
  await host.getByLabel('Cyfeirnod y gwaith trwsio').fill(seedRepairs.completed);
  await host.getByLabel('Cod post yr eiddo').fill('AN1 1AA');
  await host.getByRole('button', { name: 'Dod o hyd i’r gwaith trwsio' }).click();
  await expectStep(host, `Gwaith trwsio ${seedRepairs.completed}`);
  await expect(host.locator('.status')).toHaveText('Wedi’i gwblhau');
  await expect(host).toContainText('I weld manylion y gwaith trwsio hwn, neu i’w symud neu ei ganslo, defnyddiwch y ddolen a roesom i chi pan roesoch wybod amdano.');
  await expect(host.locator('.summary-list')).toHaveCount(0);
  await expect(host.getByRole('link', { name: 'Cysylltu â ni' })).toHaveAttribute('href', '/cy/contact/');
  await expectNoAxeViolations(page);
});

test('Welsh: without the link, a one-time code opens the repair', async ({ page, request }) => {
  const repair = await reportWithLink(request, '10 High Street', 'tap-dripping', 'Mae’r tap dŵr poeth yn diferu.');
  const host = await openAppointment(page, 'cy');
  await host.getByLabel('Cyfeirnod y gwaith trwsio').fill(repair.reference);
  await host.getByLabel('Cod post yr eiddo').fill('AN1 1AA');
  await host.getByRole('button', { name: 'Dod o hyd i’r gwaith trwsio' }).click();
  await expectStep(host, `Gwaith trwsio ${repair.reference}`);
  await host.getByRole('button', { name: 'Cael cod i newid yr apwyntiad hwn' }).click();
  await expectStep(host, 'Gwiriwch eich e-bost');
  await expect(host).toContainText('Rydym wedi anfon cod i');
  await expectNoAxeViolations(page);
  await host.getByLabel('Rhowch y cod').fill(lastCodeFor(repair.reference));
  await host.getByRole('button', { name: 'Parhau' }).click();
  await expectStep(host, `Gwaith trwsio ${repair.reference}`);
  await expect(host.getByRole('button', { name: 'Newid yr apwyntiad' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('Welsh: moving and cancelling each stop at a check page first', async ({ page, request }) => {
  const repair = await reportWithLink(request, '10 High Street', 'tap-dripping', 'Mae’r tap yn diferu.');
  await page.goto(manageLinkFor(repair, 'cy'));
  const host = repairAppointment(page);
  await expectStep(host, `Gwaith trwsio ${repair.reference}`);

  await host.getByRole('button', { name: 'Newid yr apwyntiad' }).click();
  await expectStep(host, 'Dewiswch apwyntiad newydd');
  await host.locator('#slot-0').check();
  await host.getByRole('button', { name: 'Parhau' }).click();
  await expectStep(host, 'Gwiriwch eich apwyntiad newydd');
  await expect(host.locator('.summary-list')).toContainText('Apwyntiad newydd');
  await expect(host.getByRole('button', { name: 'Newid yr apwyntiad' })).toBeVisible();
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Yn ôl' }).click();
  await host.getByRole('button', { name: 'Yn ôl' }).click();

  await host.getByRole('button', { name: 'Canslo’r gwaith trwsio hwn' }).click();
  await host.getByRole('radio', { name: 'Mae’r broblem wedi’i datrys' }).check();
  await host.getByRole('button', { name: 'Parhau' }).click();
  await expectStep(host, 'Ydych chi’n siŵr eich bod eisiau canslo’r gwaith trwsio hwn?');
  await expect(host.locator('.summary-list')).toContainText('Mae’r broblem wedi’i datrys');
  await expect(host.getByRole('button', { name: 'Canslo’r gwaith trwsio', exact: true })).toHaveClass(/\bwarning\b/);
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Cadw’r gwaith trwsio' }).click();
  await expectStep(host, `Gwaith trwsio ${repair.reference}`);
  await expect(host.locator('.status')).toHaveText('Yn aros am apwyntiad');
});

test('Welsh: a photo is listed with its thumbnail and a Remove button naming it', async ({ page }) => {
  const host = await openReport(page, 'cy');
  await choose(host, 'Na, dim un o’r rhain');
  await choose(host, /^Tenant/);
  await expectStep(host, 'Dod o hyd i’r eiddo');
  await findHome(page, '10 High Street');
  await expectStep(host, 'Ble mae’r broblem?');
  await choose(host, 'Cegin');
  await choose(host, 'Tapiau neu sinc');
  await choose(host, 'Mae tap yn diferu');
  await expectStep(host, 'Disgrifiwch y broblem');
  await host.locator('#description').fill('Mae’r tap dŵr oer yn diferu.');
  await host.getByRole('button', { name: 'Parhau' }).click();

  await expectStep(host, 'Ychwanegu lluniau o’r broblem (dewisol)');
  await expect(host.getByLabel('Llwytho llun')).toHaveAttribute('type', 'file');
  await host.locator('#photo').setInputFiles({ name: 'tap-cegin.png', mimeType: 'image/png', buffer: tinyPng() });
  await expect(host.locator('.photos li')).toContainText('Llun 1: tap-cegin.png');
  await expect(host.getByRole('img', { name: 'Rhagolwg o tap-cegin.png' })).toHaveAttribute('src', /^blob:/);
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Dileu llun 1: tap-cegin.png' }).click();
  await expect(host.locator('.photos li')).toHaveCount(0);
  await expect(host.getByRole('img')).toHaveCount(0);
});
