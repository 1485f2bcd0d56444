import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, focused, hasVisibleFocus, watchForProblems } from './support.ts';
import { chooseAddress, confirmationReference, expectFocusOnStepHeading, findPostcode, findProperty, fixClock, openWastePage, problem, stepHeading, uprnOf, type An11aaAddress } from './waste-support.ts';

// Whole journeys with axe on every page: on a shared two-core machine one can take more than
// the default 30 s without anything being wrong (each step still waits only for its state).
test.describe.configure({ timeout: 90_000 });

// <council-bulky-waste> through the real council API (COUNCIL_TODAY, with the browser's clock on
// the same day): book a collection, then open it from the confirmation's link and move it and
// cancel it; in Welsh; by keyboard alone; at 320px; and when the API fails. Dates are the
// API's: whatever it offers first for the property's collection day.

const pages = { en: '/bins/bulky-waste/', cy: '/cy/bins/bulky-waste/' } as const;
const bulky = (page: Page): Locator => page.locator('council-bulky-waste');
const datesUrl = /\/api\/v1\/waste\/properties\/\d+\/bulky-dates(\?|$)/;
const bookingsUrl = /\/api\/v1\/waste\/bulky-bookings(\?|$)/;

// Long journeys with axe at every step, on a machine shared with other work (as repairs-journeys).
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

/** Books straight through the API (sofa, front garden, the first date offered) and answers the manage link. */
async function bookByApi(request: APIRequestContext, address: An11aaAddress): Promise<{ reference: string; link: string }> {
  const uprn = await uprnOf(request, address);
  const dates = (await (await request.get(`/api/v1/waste/properties/${uprn}/bulky-dates?items=sofa:1`)).json()) as { dates: string[] };
  const response = await request.post('/api/v1/waste/bulky-bookings', {
    headers: { 'Idempotency-Key': randomUUID() },
    data: { uprn, items: [{ id: 'sofa', quantity: 1 }], location: 'front-garden', collectionDate: dates.dates[0], contact: {} },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { reference, manageToken } = (await response.json()) as { reference: string; manageToken: string };
  return { reference, link: `/bins/bulky-waste/manage/#reference=${reference}&token=${manageToken}` };
}

/** Ticks the items (with how many), says where, and takes the first date offered; answers the date's label. */
async function itemsWhereAndDate(el: Locator, items: [label: string, quantity?: string][], where: string, lang: 'en' | 'cy' = 'en'): Promise<string> {
  for (const [label, quantity] of items) {
    await el.getByRole('checkbox', { name: label, exact: true }).check();
    if (quantity) await el.getByLabel(lang === 'en' ? `How many? (${label})` : `Faint? (${label})`).fill(quantity);
  }
  await el.getByRole('button', { name: lang === 'en' ? 'Continue' : 'Parhau' }).click();
  await el.getByRole('radio', { name: where }).check();
  await el.getByRole('button', { name: lang === 'en' ? 'Continue' : 'Parhau' }).click();
  const first = el.getByRole('radio').first();
  await expect(first).toBeVisible();
  const label = (await first.getAttribute('id'))!;
  const text = (await el.locator(`label[for="${label}"]`).textContent())!.trim();
  await first.check();
  await el.getByRole('button', { name: lang === 'en' ? 'Continue' : 'Parhau' }).click();
  return text;
}

test('book a bulky waste collection: items, where, a date, check answers with the total, and a confirmation with its manage link', async ({ page }) => {
  const problems = await watchForProblems(page);
  const el = bulky(page);
  await openWastePage(page, pages.en);
  await expectNoAxeViolations(page);
  await findProperty(page, '9 High Street');

  await expect(stepHeading(el)).toHaveText('What do you need collected?');
  await expect(el.getByText('Items we cannot collect')).toBeVisible();
  await expect(el.getByText(/^Tyres/)).toBeVisible();
  await expectNoAxeViolations(page);
  await el.getByRole('checkbox', { name: 'Sofa', exact: true }).check();
  await expect(el.getByLabel('How many? (Sofa)')).toHaveValue('1');
  await expectNoAxeViolations(page);
  const date = await itemsWhereAndDate(el, [['Dining chair', '2']], 'In the front garden');

  await expect(stepHeading(el)).toHaveText('How can we contact you about this?');
  await el.getByLabel('Email address (optional)').fill('resident@example.com');
  await el.getByRole('button', { name: 'Continue' }).click();

  await expect(stepHeading(el)).toHaveText('Check your answers before sending');
  await expect(el.getByText('1 × Sofa, 2 × Dining chair')).toBeVisible();
  await expect(el.getByText('Total to pay: £30.00')).toBeVisible();
  await expect(el.getByText(date)).toBeVisible();
  await expectNoAxeViolations(page);
  await el.getByRole('button', { name: 'Send' }).click();

  await expect(stepHeading(el)).toHaveText('Collection booked');
  await expectFocusOnStepHeading(page, 'Collection booked');
  const reference = await confirmationReference(el);
  await expect(el.getByRole('link', { name: 'Pay now' })).toHaveAttribute('href', `https://pay.anytown.example/waste/${reference}`);
  await expect(el.getByText(`Put the items out by 7am on ${date}`)).toBeVisible();
  await expectNoAxeViolations(page);

  // The manage link: the reference and token in the fragment, never sent to a server.
  const manage = el.getByRole('link', { name: 'Change or cancel this booking' });
  await expect(manage).toHaveAttribute('href', new RegExp(`/bins/bulky-waste/manage/#reference=${reference}&token=[\\w-]{43}$`));
  expect(problems).toEqual([]);
});

test('from the manage link: change the date, then cancel, then the link has expired', async ({ page }) => {
  const problems = await watchForProblems(page);
  const el = bulky(page);
  const { link } = await bookByApi(page.request, '11 High Street');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change or cancel a bulky waste collection');
  await expect(stepHeading(el)).toHaveText('Your bulky waste collection');
  await expect(el.getByText('1 × Sofa')).toBeVisible();
  await expectNoAxeViolations(page);

  await el.getByRole('button', { name: 'Change the date' }).click();
  await expect(stepHeading(el)).toHaveText('Choose a new collection date');
  await expectNoAxeViolations(page);
  await el.getByRole('radio').first().check();
  await el.getByRole('button', { name: 'Continue' }).click();
  await expect(stepHeading(el)).toHaveText('Check your answers before sending');
  await el.getByRole('button', { name: 'Send' }).click();
  await expect(stepHeading(el)).toHaveText('Collection date changed');
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(stepHeading(el)).toHaveText('Your bulky waste collection');
  await el.getByRole('button', { name: 'Cancel this collection' }).click();
  await expect(stepHeading(el)).toHaveText('Are you sure you want to cancel this collection?');
  await expectNoAxeViolations(page);
  await el.getByRole('button', { name: 'Yes, cancel this collection' }).click();
  await expect(stepHeading(el)).toHaveText('Collection cancelled');
  await expectNoAxeViolations(page);

  expect(problems).toEqual([]);

  // The link has expired with the booking (the browser logs the API's 403 itself).
  await page.reload();
  await expect(stepHeading(el)).toHaveText('We could not find this booking');
  await expect(el.getByText('This booking has been cancelled or has already been collected')).toBeVisible();
});

test('in Welsh: Welsh items, places, dates and confirmation', async ({ page }) => {
  const el = bulky(page);
  await openWastePage(page, pages.cy);
  await findProperty(page, '5 High Street');
  await expect(stepHeading(el)).toHaveText('Beth sydd angen i ni ei gasglu?');
  await expect(el.getByRole('checkbox', { name: 'Oergell neu rewgell', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await itemsWhereAndDate(el, [['Matres']], 'Ar y dreif', 'cy');
  await el.getByRole('button', { name: 'Parhau' }).click();
  await expect(stepHeading(el)).toHaveText('Gwiriwch eich atebion cyn anfon');
  await expect(el.getByText('1 × Matres')).toBeVisible();
  await expectNoAxeViolations(page);
  await el.getByRole('button', { name: 'Anfon' }).click();
  await expect(stepHeading(el)).toHaveText('Casgliad wedi’i drefnu');
  await confirmationReference(el);
  await expect(el.getByRole('link', { name: 'Newid neu ganslo’r casgliad hwn' })).toHaveAttribute('href', /\/cy\/bins\/bulky-waste\/manage\/#reference=/);
  await expectNoAxeViolations(page);
});

test('by keyboard alone, with visible focus, to the confirmation', async ({ page }) => {
  const el = bulky(page);
  await openWastePage(page, pages.en);
  await findPostcode(page);
  await chooseAddress(page, '3 High Street, Anytown, AN1 1AA');
  await expect(stepHeading(el)).toHaveText('What do you need collected?');
  // Tab to the first item and tick it with Space; every stop shows its focus.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const info = await focused(page);
    if (info?.tag === 'input' && info.id.startsWith('item-')) break;
  }
  const info = await focused(page);
  expect(info && hasVisibleFocus(info)).toBe(true);
  await page.keyboard.press('Space');
  await expect(el.getByRole('checkbox').first()).toBeChecked();
  await el.getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');
  await expect(stepHeading(el)).toHaveText('Where will you leave the items?');
  await el.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(stepHeading(el)).toHaveText('Choose a collection date');
  await el.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(stepHeading(el)).toHaveText('How can we contact you about this?');
  await el.getByLabel('Email address (optional)').focus();
  await page.keyboard.press('Enter');
  await expect(stepHeading(el)).toHaveText('Check your answers before sending');
  await el.getByRole('button', { name: 'Send' }).focus();
  await page.keyboard.press('Enter');
  await expect(stepHeading(el)).toHaveText('Collection booked');
});

test('at 320px wide, every page reflows without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const el = bulky(page);
  const noSideways = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await openWastePage(page, pages.en);
  await noSideways();
  await findProperty(page, '10 High Street');
  await expect(stepHeading(el)).toHaveText('What do you need collected?');
  await el.getByRole('checkbox', { name: 'Wardrobe', exact: true }).check();
  await noSideways();
  await itemsWhereAndDate(el, [], 'At the kerbside, without blocking the pavement');
  await el.getByRole('button', { name: 'Continue' }).click();
  await expect(stepHeading(el)).toHaveText('Check your answers before sending');
  await noSideways();
});

test('when the API fails: the dates, then the booking, each with a clear message and a way forward', async ({ page }) => {
  const el = bulky(page);
  let failDates = true;
  await page.route(datesUrl, (route) => (failDates ? problem(route, 500, 'Internal Server Error') : route.fallback()));
  await openWastePage(page, pages.en);
  await findProperty(page, '1 High Street');
  await el.getByRole('checkbox', { name: 'Armchair', exact: true }).check();
  await el.getByRole('button', { name: 'Continue' }).click();
  await el.getByRole('radio', { name: 'On the driveway' }).check();
  await el.getByRole('button', { name: 'Continue' }).click();
  await expect(el.getByRole('alert')).toContainText('Sorry, there is a problem with the service');
  await expect(el.getByRole('link', { name: 'Contact us' })).toBeVisible();
  failDates = false;
  await el.getByRole('button', { name: 'Try again' }).click();
  await el.getByRole('radio').first().check();
  await el.getByRole('button', { name: 'Continue' }).click();
  await el.getByRole('button', { name: 'Continue' }).click();

  await page.route(bookingsUrl, (route) => route.fulfill({ status: 409, contentType: 'application/problem+json', body: JSON.stringify({ type: 'https://council-kit.dev/problems/date-full', title: 'This date has just filled up', status: 409 }) }));
  await el.getByRole('button', { name: 'Send' }).click();
  await expect(stepHeading(el)).toHaveText('Choose a collection date');
  await expect(el.getByRole('link', { name: 'That date has just been filled. Choose another date.' })).toBeVisible();
  await expectNoAxeViolations(page);
});
