import { expect, test, type Locator, type Page, type Request, type Route } from '@playwright/test';
import type { GardenOffer } from '@council-kit/contracts';
import { expectNoAxeViolations, focused, watchForProblems } from './support.ts';
import { addressesAt, answer, binDay, chooseAddress, confirmationReference, expectFocusOnErrorSummary, expectFocusOnStepHeading, expectNoPersonalDataInUrl, findPostcode, findProperty, fixClock, fullAddress, openWastePage, problem, serviceCard, stepHeading, tab, wastePages } from './waste-support.ts';
import {
  binCount,
  findByKeyboard,
  gardenDate,
  gardenOfferOf,
  gardenOfferUrl,
  gardenProperties,
  gardenSubscriptionsUrl,
  gardenWaste,
  ineligibleProperty,
  money,
  pressButton,
  priceOf,
} from './garden-support.ts';

// Whole journeys with axe on every page: on a shared two-core machine one can take more than
// the default 30 s without anything being wrong (each step still waits only for its state).
test.describe.configure({ timeout: 90_000 });

// <council-garden-waste> on the example site, through the real council API (the Anytown demo
// data on the test day, without GOV.UK Pay, so a subscription ends with "we will send you a
// link"): every price and date on the page is the API's offer for the property. Axe over the
// page, shadow roots included, at every step of the journeys; keyboard only; 320px (the Welsh
// journey); the API failing (faked with page.route); drafts surviving a reload and a failed send.

const problemTitle = 'Sorry, there is a problem with the service';
const malformed = { status: 200, contentType: 'text/html', body: '<html><body>502 Bad Gateway</body></html>' };

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

/** The `detail`s of `council-garden-subscribed` the page hears. */
async function subscribedEvents(page: Page): Promise<unknown[]> {
  const events: unknown[] = [];
  await page.exposeFunction('__gardenSubscribed', (detail: unknown) => events.push(detail));
  await page.addInitScript(() => {
    document.addEventListener('council-garden-subscribed', (event) => {
      (window as unknown as { __gardenSubscribed: (d: unknown) => void }).__gardenSubscribed((event as CustomEvent).detail);
    });
  });
  return events;
}

/**
 * The confirmation's first collection: the API's date, or no sentence when no collection falls
 * before the subscription ends (a late March test day: the stickers take longer than is left).
 */
async function expectFirstCollection(host: Locator, offer: GardenOffer, lang: 'en' | 'cy' = 'en'): Promise<void> {
  const words = lang === 'en' ? 'Your first collection will be on' : 'Bydd eich casgliad cyntaf ar';
  if (offer.collectionsStart) await expect(host).toContainText(`${words} ${gardenDate(offer.collectionsStart, lang)}.`);
  else await expect(host).not.toContainText(words);
}

/** The draft keys the element keeps in sessionStorage. */
const gardenDrafts = (page: Page) => page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes('garden-waste')));

test('a new subscriber: the property, how many bins at the API’s price, the concession, contact, check answers with the total, a reference', async ({ page }) => {
  const problems = await watchForProblems(page);
  const events = await subscribedEvents(page);
  const offer = await gardenOfferOf(page.request, gardenProperties.newSubscriber);
  expect(offer).toMatchObject({ eligible: true, canSubscribe: true, renewal: false, subscription: { status: 'none' } });
  const host = gardenWaste(page);
  const sent: Request[] = [];
  page.on('request', (request) => {
    if (gardenSubscriptionsUrl.test(request.url()) && request.method() === 'POST') sent.push(request);
  });

  await openWastePage(page, wastePages.garden.en);
  await expectNoAxeViolations(page);
  // (The embedded lookup's address list is the same on every waste page: the bin day journey checks it.)
  await findPostcode(page);
  await chooseAddress(page, fullAddress(gardenProperties.newSubscriber));

  // The property's position and what a subscription today buys, all from the API's offer.
  await expectFocusOnStepHeading(page, 'Subscribe to garden waste collections');
  await expect(host).toContainText('This address does not have a garden waste subscription.');
  await expect(host).toContainText(`A subscription now runs from ${gardenDate(offer.starts!)} to ${gardenDate(offer.expires!)}.`);
  if (offer.months! < 12) await expect(host).toContainText(`You pay for the ${offer.months} months left of the subscription year, counting this one.`);
  await expect(host).toContainText(`The full-year price is ${money(offer.terms.pricePerBin)} a bin.`);
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Continue' }).click();

  await expectFocusOnStepHeading(page, 'How many garden waste bins do you want to subscribe for?');
  await expect(host.getByRole('radio')).toHaveCount(offer.terms.maxBins);
  for (const price of offer.prices) await expect(host.getByRole('radio', { name: binCount(price.bins), exact: true })).toHaveAccessibleDescription(money(price.amount));
  // No answer: the GOV.UK error summary, focused, linking to the question.
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectFocusOnErrorSummary(page);
  await expect(host.locator('.error-summary')).toContainText('There is a problem');
  await expect(host.locator('.error-summary').getByRole('link', { name: 'Select how many bins' })).toBeVisible();
  await expectNoAxeViolations(page);
  await answer(host, binCount(2));

  const concession = offer.terms.concession!;
  await expectFocusOnStepHeading(page, concession.question);
  await expect(host).toContainText(`If yes, you pay the concession price: ${concession.description}.`);
  await host.getByRole('button', { name: 'Continue' }).click();
  await expectFocusOnErrorSummary(page);
  await expect(host.locator('.error-summary')).toContainText('Select yes if you qualify for the concession');
  await expectNoAxeViolations(page);
  await answer(host, 'Yes');

  await expectFocusOnStepHeading(page, 'How can we contact you about this?');
  await expectNoAxeViolations(page);
  await host.getByLabel('Email address (optional)').fill('gardener@example.com');
  await host.getByRole('button', { name: 'Continue' }).click();

  await expectFocusOnStepHeading(page, 'Check your answers before sending');
  const total = money(priceOf(offer, 2, true));
  const rows = host.locator('.summary-row');
  await expect(rows.nth(0)).toContainText(new RegExp(`Bins\\s+${binCount(2)}`));
  await expect(rows.nth(1)).toContainText(/Concession\s+Yes/);
  await expect(rows.nth(2)).toContainText(`${gardenDate(offer.starts!)} to ${gardenDate(offer.expires!)}`);
  await expect(rows.nth(3)).toContainText(new RegExp(`Total to pay\\s+${total}`));
  await expect(rows.nth(4)).toContainText(fullAddress(gardenProperties.newSubscriber));
  await expect(rows.nth(5)).toContainText('gardener@example.com');
  await expect(rows.nth(6)).toContainText('Not given');
  // The cancellation and refund rules, shown before sending.
  await expect(host.getByRole('heading', { name: 'Cancelling and refunds' })).toBeVisible();
  await expect(host).toContainText(offer.terms.cancellation);
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Send' }).click();

  await expectFocusOnStepHeading(page, 'Garden waste subscription received');
  const reference = await confirmationReference(host);
  // The e2e API runs without GOV.UK Pay: a link follows, and there is no Pay now button.
  await expect(host).toContainText(`We will send you a link to pay ${total}. Your subscription starts once you have paid.`);
  await expect(host.getByRole('link', { name: 'Pay now' })).toHaveCount(0);
  await expectFirstCollection(host, offer);
  await expect(host.getByRole('heading', { name: 'Before your first collection' })).toBeVisible();
  await expect(host).toContainText(offer.terms.stickers);
  await expectNoAxeViolations(page);

  // What went to the API is what the resident chose; the API priced it the same.
  expect(sent).toHaveLength(1);
  expect(sent[0]!.postDataJSON()).toEqual({ uprn: offer.uprn, bins: 2, concession: true, contact: { email: 'gardener@example.com' } });
  const receipt = await (await sent[0]!.response())!.json();
  expect(receipt).toMatchObject({ reference, amount: priceOf(offer, 2, true), renewal: false });
  expect(receipt.collectionsStart).toBe(offer.collectionsStart);
  // The event tells the page what it needs and nothing the resident typed; the draft is gone.
  expect(events).toEqual([{ reference, bins: 2, renewal: false, payment: false }]);
  expect(await gardenDrafts(page)).toEqual([]);
  expect(problems).toEqual([]);
});

// The Welsh journey runs on a 320px-wide screen (a phone at 400% zoom): each page, axe clean,
// must never scroll sideways (WCAG 1.4.10), as waste-layout.spec.ts checks for the other forms.
test('Cymraeg, 320px: tanysgrifiad newydd, in Welsh from the API’s offer, to a reference, never scrolling sideways', async ({ page }) => {
  const offer = await gardenOfferOf(page.request, gardenProperties.newSubscriber, 'cy');
  const host = gardenWaste(page);
  await page.setViewportSize({ width: 320, height: 640 });
  const noSideways = () => expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await openWastePage(page, wastePages.garden.cy);
  await expect(page.locator('council-address-lookup').getByText('Cod post', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await findProperty(page, gardenProperties.newSubscriber);

  await expectFocusOnStepHeading(page, 'Tanysgrifio i gasgliadau gwastraff gardd');
  await noSideways();
  await expect(host).toContainText('Nid oes gan y cyfeiriad hwn danysgrifiad gwastraff gardd.');
  await expect(host).toContainText(`Mae tanysgrifiad nawr yn para o ${gardenDate(offer.starts!, 'cy')} tan ${gardenDate(offer.expires!, 'cy')}.`);
  await expect(host).toContainText(`Pris blwyddyn lawn yw ${money(offer.terms.pricePerBin, 'cy')} y bin.`);
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Parhau' }).click();

  await expectFocusOnStepHeading(page, 'Ar gyfer faint o finiau gwastraff gardd ydych chi eisiau tanysgrifio?');
  for (const price of offer.prices) await expect(host.getByRole('radio', { name: binCount(price.bins, 'cy'), exact: true })).toHaveAccessibleDescription(money(price.amount, 'cy'));
  await host.getByRole('button', { name: 'Parhau' }).click();
  await expectFocusOnErrorSummary(page);
  await expect(host.locator('.error-summary')).toContainText('Mae problem wedi codi');
  await expect(host.locator('.error-summary')).toContainText('Dewiswch faint o finiau');
  await noSideways();
  await expectNoAxeViolations(page);
  await answer(host, binCount(1, 'cy'), 'Parhau');

  // The concession question comes from the API in Welsh (`lang=cy`).
  await expectFocusOnStepHeading(page, offer.terms.concession!.question);
  await noSideways();
  await expectNoAxeViolations(page);
  await answer(host, 'Nac ydy', 'Parhau');

  await expectFocusOnStepHeading(page, 'Sut gallwn ni gysylltu â chi am hyn?');
  await expectNoAxeViolations(page);
  await host.getByLabel('Cyfeiriad e-bost (dewisol)').fill('cyfeiriad.hir.iawn.ar.gyfer.sgrin.gul@enghraifft.com');
  await host.getByRole('button', { name: 'Parhau' }).click();

  await expectFocusOnStepHeading(page, 'Gwiriwch eich atebion cyn anfon');
  const total = money(priceOf(offer, 1, false), 'cy');
  await expect(host.locator('.summary-row').nth(0)).toContainText(new RegExp(`Biniau\\s+${binCount(1, 'cy')}`));
  await expect(host.locator('.summary-row').nth(1)).toContainText(/Consesiwn\s+Nac ydy/);
  await expect(host.locator('.summary-row').nth(3)).toContainText(new RegExp(`Cyfanswm i’w dalu\\s+${total}`));
  await expect(host.locator('.summary-row').nth(5)).toContainText('cyfeiriad.hir.iawn.ar.gyfer.sgrin.gul@enghraifft.com');
  await expect(host.locator('.summary-row').nth(6)).toContainText('Heb ei roi');
  await expect(host.getByRole('heading', { name: 'Canslo ac ad-daliadau' })).toBeVisible();
  await expect(host).toContainText(offer.terms.cancellation);
  await noSideways();
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Anfon' }).click();

  await expectFocusOnStepHeading(page, 'Tanysgrifiad gwastraff gardd wedi dod i law');
  await expect(host.locator('.panel')).toContainText('Eich cyfeirnod');
  await confirmationReference(host);
  await expect(host).toContainText(`Byddwn yn anfon dolen atoch i dalu ${total}.`);
  await expectFirstCollection(host, offer, 'cy');
  await expect(host.getByRole('heading', { name: 'Cyn eich casgliad cyntaf' })).toBeVisible();
  await expect(host).toContainText(offer.terms.stickers);
  await noSideways();
  await expectNoAxeViolations(page);
});

test('renewal: from the bin day page’s Renew link, a lapsed subscriber renews with the bins they had chosen already', async ({ page }) => {
  const offer = await gardenOfferOf(page.request, gardenProperties.renewal);
  expect(offer).toMatchObject({ eligible: true, canSubscribe: true, renewal: true, subscription: { status: 'expired' } });
  const held = offer.subscription!.bins!;
  const events = await subscribedEvents(page);
  const host = gardenWaste(page);
  await openWastePage(page, wastePages.binDay.en);
  await findProperty(page, gardenProperties.renewal);
  await expect(stepHeading(binDay(page))).toHaveText(`Bin collections for ${fullAddress(gardenProperties.renewal)}`);
  const renew = serviceCard(page, 'Garden waste').getByRole('link', { name: 'Renew your subscription' });
  await expect(renew).toHaveAttribute('href', wastePages.garden.en);
  await renew.click();
  await expect(page).toHaveURL(wastePages.garden.en);
  expectNoPersonalDataInUrl(page);

  // The property travels in the session: no address question, straight to its subscription.
  await expect(stepHeading(host)).toHaveText('Renew your garden waste subscription');
  await expect(host.locator('council-address-lookup')).toHaveCount(0);
  await expect(host).toContainText(`Your subscription ended on ${gardenDate(offer.subscription!.expires!)}.`);
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Continue' }).click();

  await expectFocusOnStepHeading(page, 'How many garden waste bins do you want to subscribe for?');
  await expect(host.getByRole('radio', { name: binCount(held), exact: true })).toBeChecked();
  await expectNoAxeViolations(page);
  await host.getByRole('button', { name: 'Continue' }).click();
  await answer(host, 'No');
  await host.getByRole('button', { name: 'Continue' }).click();

  await expectFocusOnStepHeading(page, 'Check your answers before sending');
  await expect(host.locator('.summary-row').nth(0)).toContainText(binCount(held));
  await expect(host.locator('.summary-row').nth(3)).toContainText(money(priceOf(offer, held, false)));
  await host.getByRole('button', { name: 'Send' }).click();

  await expectFocusOnStepHeading(page, 'Garden waste renewal received');
  const reference = await confirmationReference(host);
  await expectFirstCollection(host, offer);
  await expectNoAxeViolations(page);
  expect(events).toEqual([{ reference, bins: held, renewal: true, payment: false }]);
});

test('a subscription that runs on, and a property without garden waste: told why, with a way forward', async ({ page }) => {
  const active = await gardenOfferOf(page.request, gardenProperties.active);
  expect(active).toMatchObject({ eligible: true, canSubscribe: false, subscription: { status: 'active' } });
  const host = gardenWaste(page);
  await openWastePage(page, wastePages.garden.en);
  await findProperty(page, gardenProperties.active);
  await expectFocusOnStepHeading(page, 'You already have a garden waste subscription');
  await expect(host).toContainText(
    `Your subscription for ${binCount(active.subscription!.bins!)} runs until ${gardenDate(active.subscription!.expires!)}. You can renew it from ${gardenDate(active.renewFrom!)}.`,
  );
  await expect(host.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact/');
  await expect(host.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Another browser session: the property is remembered per session.
  await page.context().clearCookies();
  await page.evaluate(() => sessionStorage.clear());
  await openWastePage(page, wastePages.garden.en);
  await findProperty(page, ineligibleProperty);
  await expectFocusOnStepHeading(page, 'We do not collect garden waste from this address');
  await expect(host).toContainText('You can take garden waste to a household waste recycling centre for free.');
  await expect(host.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact/');
  await expect(host.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('keyboard only: the whole journey, with the error summary and Change from check answers', async ({ page }) => {
  const addresses = (await addressesAt(page.request, 'AN1 1AA')).map((a) => a.address);
  const offer = await gardenOfferOf(page.request, gardenProperties.newSubscriber);
  const host = gardenWaste(page);
  await openWastePage(page, wastePages.garden.en);
  await findByKeyboard(page, gardenProperties.newSubscriber, addresses);

  await expectFocusOnStepHeading(page, 'Subscribe to garden waste collections');
  await pressButton(page, 'Continue');
  await expectFocusOnStepHeading(page, 'How many garden waste bins do you want to subscribe for?');
  // Continue with nothing chosen: the error summary takes focus, its link leads to the radios.
  await pressButton(page, 'Continue');
  await expectFocusOnErrorSummary(page);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Select how many bins' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('bins-0');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(host.getByRole('radio', { name: binCount(2), exact: true })).toBeChecked();
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, offer.terms.concession!.question);
  await tab(page);
  await page.keyboard.press('Space'); // Yes
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'How can we contact you about this?');
  expect(await tab(page)).toMatchObject({ tag: 'input', id: 'email' });
  await page.keyboard.type('gardener@example');
  await pressButton(page, 'Continue');
  await expectFocusOnErrorSummary(page);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Enter an email address in the correct format, like name@example.com' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('email');
  await page.keyboard.type('.com');
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Check your answers before sending');
  await expect(host.locator('.summary-row').nth(3)).toContainText(money(priceOf(offer, 2, true)));
  // Change the bins from the summary list, then straight back to it.
  await pressButton(page, 'Change Bins');
  await expectFocusOnStepHeading(page, 'How many garden waste bins do you want to subscribe for?');
  await tab(page);
  await page.keyboard.press('ArrowDown');
  await expect(host.getByRole('radio', { name: binCount(3), exact: true })).toBeChecked();
  await pressButton(page, 'Continue');
  await expectFocusOnStepHeading(page, 'Check your answers before sending');
  await expect(host.locator('.summary-row').nth(0)).toContainText(binCount(3));
  await expect(host.locator('.summary-row').nth(3)).toContainText(money(priceOf(offer, 3, true)));
  await pressButton(page, 'Send');
  await expectFocusOnStepHeading(page, 'Garden waste subscription received');
  await confirmationReference(host);
});

for (const [path, words] of [
  [wastePages.garden.en, { needs: 'needs JavaScript, which is turned off or has not loaded', contact: 'contact us another way', href: '/contact/' }],
  [wastePages.garden.cy, { needs: 'Mae angen JavaScript', contact: 'cysylltwch â ni mewn ffordd arall', href: '/cy/contact/' }],
] as const) {
  test(`${path}: the fallback and the upgraded element take the same space (CLS 0), and without JavaScript say what to do`, async ({ browser }) => {
    for (const width of [320, 1280]) {
      const heights: number[] = [];
      for (const javaScriptEnabled of [false, true]) {
        const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 800 } });
        const page = await context.newPage();
        await page.goto(path);
        const host = gardenWaste(page);
        if (javaScriptEnabled) {
          await expect(host.locator('#postcode')).toBeVisible();
        } else {
          const fallback = host.locator('[data-fallback]');
          await expect(fallback).toBeVisible();
          await expect(fallback).toContainText(words.needs);
          await expect(fallback.getByRole('link', { name: '01632 960 000' })).toHaveAttribute('href', 'tel:+441632960000');
          await expect(fallback.getByRole('link', { name: words.contact })).toHaveAttribute('href', words.href);
        }
        heights.push((await host.boundingBox())!.height);
        await context.close();
      }
      expect(heights[1], `${path} at ${width}px: upgraded ${heights[1]}px, fallback ${heights[0]}px`).toBeCloseTo(heights[0]!, 0);
    }
  });
}

test('the offer failing to load: a 500, a dropped connection, then malformed JSON; the property is kept and Try again works', async ({ page }) => {
  const failures: ((route: Route) => Promise<void>)[] = [
    (route) => problem(route, 500, 'Internal Server Error'),
    (route) => route.abort('timedout'),
    (route) => route.fulfill(malformed),
  ];
  let failure = 0;
  let failing = true;
  await page.route(gardenOfferUrl, (route) => (failing ? failures[failure]!(route) : route.continue()));
  const host = gardenWaste(page);
  const panel = host.locator('[part="problem"]');
  await openWastePage(page, wastePages.garden.en);
  await findProperty(page, gardenProperties.renewal);

  for (failure = 0; failure < failures.length; failure++) {
    if (failure > 0) await panel.getByRole('button', { name: 'Try again' }).click();
    await expect(panel.getByRole('heading', { name: problemTitle }), `failure ${failure + 1}`).toBeVisible({ timeout: 10_000 });
    await expect(panel).toContainText(failure === 1 ? 'We could not connect to the service. Check your connection and try again.' : 'Try again. If it still does not work, try again later.');
    await expect(panel.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact/');
    if (failure === 0) await expectNoAxeViolations(page);
  }
  failure = 0;
  failing = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  // The same property: no need to find it again.
  await expect(stepHeading(host)).toHaveText('Renew your garden waste subscription');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expect(stepHeading(host)).toHaveText('How many garden waste bins do you want to subscribe for?');
});

// Drafts live in sessionStorage: a reload mid-form keeps the step and every answer, and so does
// a failed send; a confirmed subscription clears them.
test('drafts and sending failing (a 500, a dropped connection, malformed JSON): every answer kept through reloads, and the retry is the same submission', async ({ page }) => {
  const offer = await gardenOfferOf(page.request, gardenProperties.newSubscriber);
  const host = gardenWaste(page);
  const panel = host.locator('[part="problem"]');
  const sent: Request[] = [];
  const answers: ((route: Route) => Promise<void>)[] = [
    (route) => problem(route, 500, 'Internal Server Error'),
    (route) => route.abort('timedout'),
    (route) => route.fulfill(malformed),
    (route) => route.continue(),
  ];
  await page.route(gardenSubscriptionsUrl, (route) => {
    sent.push(route.request());
    return answers[Math.min(sent.length - 1, answers.length - 1)]!(route);
  });
  await openWastePage(page, wastePages.garden.en);
  await findProperty(page, gardenProperties.newSubscriber);
  await host.getByRole('button', { name: 'Continue' }).click();
  await answer(host, binCount(1));
  await answer(host, 'No');
  await host.getByLabel('UK phone number (optional)').fill('07700 900 982');

  // A reload mid-form: the same page, what was typed, and Back still knows the way.
  await page.reload();
  await expect(stepHeading(host)).toHaveText('How can we contact you about this?');
  await expect(host.getByLabel('UK phone number (optional)')).toHaveValue('07700 900 982');
  await host.getByRole('button', { name: 'Back' }).click();
  await expect(stepHeading(host)).toHaveText(offer.terms.concession!.question);
  await expect(host.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  await host.getByRole('button', { name: 'Back' }).click();
  await expect(host.getByRole('radio', { name: binCount(1), exact: true })).toBeChecked();
  await host.getByRole('button', { name: 'Continue' }).click();
  await host.getByRole('button', { name: 'Continue' }).click();
  await host.getByRole('button', { name: 'Continue' }).click();

  const expectAnswersKept = async () => {
    await expect(stepHeading(host)).toHaveText('Check your answers before sending');
    await expect(host.locator('.summary-row').nth(0)).toContainText(binCount(1));
    await expect(host.locator('.summary-row').nth(1)).toContainText('No');
    await expect(host.locator('.summary-row').nth(3)).toContainText(money(priceOf(offer, 1, false)));
    await expect(host.locator('.summary-row').nth(6)).toContainText('07700 900 982');
  };
  for (let attempt = 1; attempt <= 3; attempt++) {
    await host.getByRole('button', { name: 'Send' }).click();
    await expect(panel.getByRole('heading', { name: problemTitle }), `attempt ${attempt}`).toBeFocused();
    await expect(panel.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact/');
    await expectAnswersKept();
    // POSTs are never retried behind the resident's back.
    expect(sent).toHaveLength(attempt);
    if (attempt === 1) {
      await expectNoAxeViolations(page);
      // A reload after the failure: still on check answers, nothing lost.
      await page.reload();
      await expectAnswersKept();
    }
  }
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(stepHeading(host)).toHaveText('Garden waste subscription received');
  await confirmationReference(host);
  expect(sent).toHaveLength(4);
  const keys = await Promise.all(sent.map((request) => request.headerValue('idempotency-key')));
  expect(keys[0]).toBeTruthy();
  expect(new Set(keys)).toEqual(new Set([keys[0]]));
  expect(await gardenDrafts(page)).toEqual([]);
});
