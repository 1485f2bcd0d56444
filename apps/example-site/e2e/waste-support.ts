import { expect, test, type APIRequestContext, type Locator, type Page, type Route } from '@playwright/test';
import { addDays, dayNumber, reportWindowEnd, weekdayOf, weekdays, type CollectionsResult, type Frequency, type WasteService } from '@council-kit/contracts';
import { formatDate } from '@council-kit/core';
import { generateSeedAddresses } from '../../council-api/src/addresses/seed-data.ts';
import { councilNow, councilToday } from './today.ts';
import { focused, hasVisibleFocus, type FocusInfo } from './support.ts';

export { councilNow, councilToday } from './today.ts';

/** The three waste pages, in each language. */
export const wastePages = {
  binDay: { en: '/bins/collection-days/', cy: '/cy/bins/collection-days/' },
  missed: { en: '/bins/report-missed/', cy: '/cy/bins/report-missed/' },
  newBin: { en: '/bins/new-bin/', cy: '/cy/bins/new-bin/' },
  garden: { en: '/bins/garden-waste/', cy: '/cy/bins/garden-waste/' },
} as const;

/**
 * AN1 1AA's addresses as the lookup lists them (natural order), for the tests whose outcome does
 * not depend on the day. Tests that report a missed bin ask `reportableProperty` instead.
 */
export const an11aa = [
  '1 High Street',
  '2 High Street',
  '3 High Street',
  'Anytown Pharmacy, 4 High Street',
  '5 High Street',
  '9 High Street',
  '9A High Street',
  '10 High Street',
  '11 High Street',
  'Flat 1, Mill Court, 12 High Street',
  'Flat 2, Mill Court, 12 High Street',
  'Flat 3, Mill Court, 12 High Street',
  'Flat 4, Mill Court, 12 High Street',
  'The Old Bakery, High Street',
] as const;

export type An11aaAddress = (typeof an11aa)[number];

/** The one-line address the API gives, e.g. "1 High Street, Anytown, AN1 1AA". */
export function fullAddress(address: An11aaAddress): string {
  return `${address}, Anytown, AN1 1AA`;
}

/**
 * Fixes the browser's clock to 10:30 on the API's "today" (e2e/today.ts). The elements label
 * dates from the browser's clock ("in 6 days"), so both must agree. Timers keep running, so
 * timeouts and retries behave as usual.
 */
export async function fixClock(page: Page): Promise<void> {
  await page.clock.setFixedTime(councilNow);
}

// ----- dates, as the elements write them ---------------------------------------------------

export type Lang = 'en' | 'cy';

/** A date as the waste and repairs elements show it: "Tuesday 24 November" / "Dydd Mawrth 24 Tachwedd". */
export function day(iso: string, lang: Lang = 'en'): string {
  return formatDate(iso, lang, { year: false });
}

/** `days` after the test day (before it when negative), `YYYY-MM-DD`. */
export function fromToday(days: number): string {
  return addDays(councilToday, days);
}

/** How far off a collection is, from the test day: "tomorrow", "in 6 days" / "yfory", "ymhen 6 diwrnod". */
export function relativeDay(iso: string, lang: Lang = 'en'): string {
  const days = dayNumber(iso) - dayNumber(councilToday);
  if (days < 0) throw new Error(`${iso} is before the test day ${councilToday}`);
  if (lang === 'en') return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  // Welsh mutates "diwrnod" after two: "ymhen 2 ddiwrnod", "ymhen 6 diwrnod".
  return days === 0 ? 'heddiw' : days === 1 ? 'yfory' : `ymhen ${days} ${new Intl.PluralRules('cy').select(days) === 'two' ? 'ddiwrnod' : 'diwrnod'}`;
}

/** The name of a weekday as the dates write it: "Tuesday" / "Mawrth" (after "dydd"). */
function weekdayName(weekday: Frequency['day'], lang: Lang): string {
  const index = weekdays.indexOf(weekday);
  const date = fromToday((index - weekdayOf(councilToday) + 7) % 7);
  const words = formatDate(date, lang, { year: false }).split(' ');
  return lang === 'en' ? words[0]! : words[1]!;
}

/** "Every Tuesday", "Every other Tuesday" / "Bob dydd Mawrth", "Bob yn ail ddydd Mawrth". */
export function frequencyText(frequency: Frequency, lang: Lang = 'en'): string {
  const name = weekdayName(frequency.day, lang);
  if (frequency.everyWeeks !== 1 && frequency.everyWeeks !== 2) throw new Error(`no wording here for every ${frequency.everyWeeks} weeks`);
  if (lang === 'en') return frequency.everyWeeks === 1 ? `Every ${name}` : `Every other ${name}`;
  return frequency.everyWeeks === 1 ? `Bob dydd ${name}` : `Bob yn ail ddydd ${name}`;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches exactly "Tuesday 1 December (in 6 days)", with any white space before the bracket. */
export function nextCollectionText(iso: string, lang: Lang = 'en'): RegExp {
  return new RegExp(`^${escapeRegExp(day(iso, lang))}\\s+\\(${escapeRegExp(relativeDay(iso, lang))}\\)$`);
}

// ----- what the council API says about a property ------------------------------------------

/**
 * `GET /waste/properties/{uprn}/collections` through the site's proxy, for the range the bin
 * day element asks for (a week back, eight weeks ahead), in `lang`: what the page must show.
 */
export async function collectionsOf(request: APIRequestContext, uprn: string, lang: Lang = 'en'): Promise<CollectionsResult> {
  const response = await request.get(`/api/v1/waste/properties/${uprn}/collections`, { params: { from: fromToday(-7), to: fromToday(56), lang } });
  expect(response.status(), `collections of ${uprn}: ${await response.text()}`).toBe(200);
  return (await response.json()) as CollectionsResult;
}

/** A postcode's addresses, in the lookup's order, from the API. */
export async function addressesAt(request: APIRequestContext, postcode: string): Promise<{ uprn: string; address: string }[]> {
  const response = await request.get('/api/v1/addresses', { params: { postcode } });
  expect(response.status(), `addresses at ${postcode}`).toBe(200);
  return ((await response.json()) as { addresses: { uprn: string; address: string }[] }).addresses;
}

/** A collection that can be reported missed today. */
export interface OpenCollection {
  /** The service's id, e.g. `refuse`. */
  id: string;
  /** Its English name, e.g. "Rubbish". */
  name: string;
  /** The collection being reported: the last one, or today's once the crew marked it not collected. */
  date: string;
  /** The last day it can be reported. */
  until: string;
}

/** The collections of a service list that can be reported missed today (the API's answer). */
export function openCollections(services: WasteService[]): OpenCollection[] {
  return services
    .filter((service) => service.reportMissed.open)
    .map((service) => {
      const date = service.todayState === 'not_collected' ? service.nextCollection : service.previousCollection;
      if (!date || !service.reportMissed.until) throw new Error(`the API says ${service.id} can be reported but gives no collection or end: ${JSON.stringify(service)}`);
      // The API's window is the rule's: the end of the second working day after the collection.
      expect(service.reportMissed.until, `${service.id}: report window of ${date}`).toBe(reportWindowEnd(date));
      return { id: service.id, name: service.name, date, until: service.reportMissed.until };
    });
}

/** A property with at least one collection that can be reported missed on the test day. */
export interface ReportableProperty {
  postcode: string;
  /** The one-line address, as the lookup lists it and the API gives it. */
  address: string;
  uprn: string;
  /** Its place in the lookup's list (0 for the first address) and how many addresses the postcode has. */
  index: number;
  count: number;
  /** The collections that can be reported missed today, in the API's order (English names). */
  open: OpenCollection[];
}

/**
 * The tests that need a collection that can be reported missed on the test day, each with a
 * property of its own: the run shares one API database, and a second report of the same
 * collection is (rightly) answered as a duplicate.
 */
export const reporters = [
  'bin day then report',
  'report journey',
  'not out in time',
  'Welsh report',
  'draft reload',
  'duplicate report',
  'keyboard bin day',
  'keyboard report',
  'keyboard focus',
  'load failure',
  'send failure',
  'slow send',
  'narrow screen',
] as const;
export type Reporter = (typeof reporters)[number];

/** Household postcodes in the seed (the council collects from houses and flats not in blocks), AN1 1AA first. */
function seedPostcodes(): string[] {
  const households = generateSeedAddresses()
    .filter((row) => row.property_type !== 'business' && row.block_id === null)
    .map((row) => row.postcode);
  return [...new Set(['AN1 1AA', ...households])];
}

let reportable: Promise<ReportableProperty[]> | undefined;

/**
 * Finds, through the API, properties with a collection that can be reported missed today: AN1
 * 1AA's first (the README's street; collected on Tuesdays, so open from Wednesday to the end of
 * Thursday, and for 2 High Street, whose crew marks it not collected, on Tuesdays), then the
 * seed's other postcodes in order. Rounds run Monday to Friday, one weekday per postcode, food
 * every week, so some postcode always has a window open; everyone at a postcode other than AN1
 * 1AA shares the same rounds, so one household with nothing to report rules out its neighbours.
 * The same answer in every worker (the API and the seed are deterministic for a day).
 */
function reportableProperties(request: APIRequestContext): Promise<ReportableProperty[]> {
  reportable ??= (async () => {
    const found: ReportableProperty[] = [];
    const asked: string[] = [];
    for (const postcode of seedPostcodes()) {
      const addresses = await addressesAt(request, postcode);
      asked.push(postcode);
      for (const [index, { uprn, address }] of addresses.entries()) {
        const { services } = await collectionsOf(request, uprn);
        if (!services.length) continue; // a business or a flat with communal bins
        const open = openCollections(services);
        if (open.length) found.push({ postcode, address, uprn, index, count: addresses.length, open });
        else if (postcode !== 'AN1 1AA') break;
      }
      if (found.length >= reporters.length) return found;
    }
    throw new Error(
      `Only ${found.length} of the ${reporters.length} properties the missed-bin tests need have a collection that can be reported missed on ${councilToday} ` +
        `(asked the API about ${asked.length} postcodes). Is the seed's schedule (apps/council-api/src/waste/seed-data.ts) or the report window rule broken for this day?`,
    );
  })();
  return reportable;
}

/**
 * A property with a collection that can be reported missed on the test day, for `reporter`
 * alone (no other test reports at it). Fails, never skips, when there is none.
 */
export async function reportableProperty(request: APIRequestContext, reporter: Reporter): Promise<ReportableProperty> {
  const property = (await reportableProperties(request))[reporters.indexOf(reporter)]!;
  const open = property.open.map((collection) => `${collection.name} of ${collection.date} until ${collection.until}`).join('; ');
  test.info().annotations.push({ type: 'missed-bin property', description: `${property.address} on ${councilToday}: ${open}` });
  return property;
}

export const binDay = (page: Page): Locator => page.locator('council-bin-day');
export const missedReport = (page: Page): Locator => page.locator('council-missed-bin-report');
export const containerRequest = (page: Page): Locator => page.locator('council-container-request');

/** An AN1 1AA address as a place in the lookup's list (for the keyboard tests' arrow keys). */
export function an11aaPlace(address: An11aaAddress): { postcode: string; address: string; index: number; count: number } {
  return { postcode: 'AN1 1AA', address: fullAddress(address), index: an11aa.indexOf(address), count: an11aa.length };
}

/** The UPRN of an AN1 1AA address, from the API (through the site's proxy). */
export async function uprnOf(request: APIRequestContext, address: An11aaAddress): Promise<string> {
  const found = (await addressesAt(request, 'AN1 1AA')).find((a) => a.address === fullAddress(address));
  expect(found, `${address} in AN1 1AA`).toBeTruthy();
  return found!.uprn;
}

const cardWords = {
  en: {
    last: 'Last collection',
    reportMissed: 'Report a missed collection',
    until: (date: string) => `You can report a missed collection until the end of ${date}.`,
    usualDay: 'Usual day:',
    newDay: 'New day:',
    renew: 'Renew your subscription',
    subscribe: 'Subscribe',
    upcoming: 'Collections in the next 8 weeks',
    states: { scheduled: 'Collection due today', in_progress: 'Crews are collecting in your area today', collected: 'Collected today', not_collected: 'Not collected today' },
  },
  cy: {
    last: 'Casgliad diwethaf',
    reportMissed: 'Rhoi gwybod am gasgliad a fethwyd',
    // Mid-sentence, "dydd" is lower case.
    until: (date: string) => `Gallwch roi gwybod am gasgliad a fethwyd tan ddiwedd ${date.replace(/^Dydd/, 'dydd')}.`,
    usualDay: 'Diwrnod arferol:',
    newDay: 'Diwrnod newydd:',
    renew: 'Adnewyddu eich tanysgrifiad',
    subscribe: 'Tanysgrifio',
    upcoming: 'Casgliadau yn ystod y 8 wythnos nesaf',
    states: { scheduled: 'Casgliad i fod heddiw', in_progress: 'Mae criwiau’n casglu yn eich ardal heddiw', collected: 'Wedi’i gasglu heddiw', not_collected: 'Heb ei gasglu heddiw' },
  },
} as const;

/** The bin day element's card for a service, by its name in the page's language. */
export function serviceCard(page: Page, name: string): Locator {
  return binDay(page).locator('[part="service"]').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/**
 * The bin day element shows exactly what the API says about the property today
 * (`collectionsOf`, same language): the services in order and, for each, how often it comes,
 * the crews' state today, the next collection with how far off it is ("Tuesday 1 December (in
 * 6 days)"), moved collections, the last collection, and a report link with its deadline where,
 * and only where, the report window is open.
 */
export async function expectCollectionsShown(page: Page, collections: CollectionsResult, lang: Lang = 'en'): Promise<void> {
  const words = cardWords[lang];
  const cards = binDay(page).locator('[part="service"]');
  await expect(cards.getByRole('heading')).toHaveText(collections.services.map((service) => service.name));
  for (const [index, service] of collections.services.entries()) {
    const card = cards.nth(index);
    const what = `${service.id} on ${councilToday}`;
    if (service.frequency) await expect(card, what).toContainText(frequencyText(service.frequency, lang));
    await expect(card.locator('.state'), what).toHaveText(service.todayState ? [words.states[service.todayState]] : []);
    if (service.nextCollection) await expect(card.locator('.next'), what).toHaveText(nextCollectionText(service.nextCollection, lang));
    else await expect(card.locator('.next'), what).toHaveCount(0);
    const changes = service.changedDates ?? [];
    await expect(card.locator('del'), what).toHaveText(changes.map((change) => `${words.usualDay} ${day(change.was, lang)}`));
    await expect(card.locator('ins'), what).toHaveText(changes.map((change) => `${words.newDay} ${day(change.now, lang)}`));
    if (service.previousCollection) await expect(card, what).toContainText(`${words.last}: ${day(service.previousCollection, lang)}`);
    else await expect(card, what).not.toContainText(words.last);
    const report = card.getByRole('link', { name: words.reportMissed });
    if (service.reportMissed.open) {
      await expect(report, what).toHaveCount(1);
      await expect(card, what).toContainText(words.until(day(service.reportMissed.until!, lang)));
    } else {
      await expect(report, what).toHaveCount(0);
    }
  }
}

/**
 * The bin day element's keyboard stops after "Change address", in order, as the API's answer
 * lays them out: in each card the report link (window open), the subscription link (garden
 * waste not subscribed) and the "Collections in the next 8 weeks" toggle (more dates to show).
 */
export function binDayStops(collections: CollectionsResult, lang: Lang = 'en'): { tag: string; text: string }[] {
  const words = cardWords[lang];
  return collections.services.flatMap((service) => {
    const stops: { tag: string; text: string }[] = [];
    if (service.reportMissed.open) stops.push({ tag: 'a', text: words.reportMissed });
    const subscription = service.subscription;
    if (subscription && subscription.status !== 'active' && subscription.renewUrl && /^https?:|^\//.test(subscription.renewUrl)) {
      stops.push({ tag: 'a', text: subscription.status === 'expired' ? words.renew : words.subscribe });
    }
    if (service.upcoming.some((date) => date !== service.nextCollection)) stops.push({ tag: 'summary', text: words.upcoming });
    return stops;
  });
}

/**
 * The missed-bin element's first question offers exactly the collections the API says can be
 * reported today, each named and described by its date ("Due Tuesday 24 November").
 */
export async function expectReportChoices(host: Locator, open: OpenCollection[], lang: Lang = 'en', names: string[] = open.map((collection) => collection.name)): Promise<void> {
  const radios = host.getByRole('radio');
  await expect(radios).toHaveCount(open.length);
  for (const [index, collection] of open.entries()) {
    await expect(radios.nth(index)).toHaveAccessibleName(names[index]!);
    await expect(radios.nth(index)).toHaveAccessibleDescription(lang === 'en' ? `Due ${day(collection.date)}` : `Dyddiad casglu: ${day(collection.date, 'cy').replace(/^Dydd/, 'dydd')}`);
  }
}

/** Opens a waste page and waits until its element has upgraded and shows the postcode question. */
export async function openWastePage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('council-address-lookup #postcode')).toBeVisible();
}

/** Finds AN1 1AA (or another postcode) in the embedded address lookup, English or Welsh. */
export async function findPostcode(page: Page, postcode = 'AN1 1AA'): Promise<void> {
  const lookup = page.locator('council-address-lookup');
  await lookup.locator('#postcode').fill(postcode);
  await lookup.getByRole('button', { name: /^(Find address|Dod o hyd i gyfeiriad)$/ }).click();
  await expect(lookup.locator('#address')).toBeVisible();
}

/** Chooses an address from the lookup's list and presses "Use this address". */
export async function chooseAddress(page: Page, address: string): Promise<void> {
  const lookup = page.locator('council-address-lookup');
  await lookup.locator('#address').selectOption({ label: address });
  await lookup.getByRole('button', { name: /^(Use this address|Defnyddio’r cyfeiriad hwn)$/ }).click();
}

/**
 * Postcode, then address: the property step every waste element starts with. An AN1 1AA
 * address by its first lines, or any property by postcode and one-line address.
 */
export async function findProperty(page: Page, property: An11aaAddress | { postcode: string; address: string }): Promise<void> {
  if (typeof property === 'string') {
    await findPostcode(page);
    await chooseAddress(page, fullAddress(property));
  } else {
    await findPostcode(page, property.postcode);
    await chooseAddress(page, property.address);
  }
}

/** Chooses a radio by its label and presses the question page's Continue. */
export async function answer(host: Locator, label: string | RegExp, continueName: string | RegExp = /^(Continue|Parhau)$/): Promise<void> {
  await host.getByRole('radio', { name: label, exact: typeof label === 'string' }).check();
  await host.getByRole('button', { name: continueName }).click();
}

/** The heading of the element's current step (question legend, page heading or panel title). */
export function stepHeading(host: Locator): Locator {
  return host.locator('[data-step-heading]');
}

/** Waits until focus is on the current step's heading, and returns its text. */
export async function expectFocusOnStepHeading(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(async () => (await focused(page))?.isStepHeading, { message: `focus on the heading “${String(text)}”` }).toBe(true);
  const info = await focused(page);
  if (typeof text === 'string') expect(info!.text).toBe(text);
  else expect(info!.text).toMatch(text);
}

/** The reference shown on a confirmation panel (8 characters, unambiguous alphabet). */
export async function confirmationReference(host: Locator): Promise<string> {
  const strong = host.locator('.panel strong');
  await expect(strong).toHaveText(/^[2-9A-HJKMNP-Z]{8}$/);
  return (await strong.textContent())!.trim();
}

/** A problem-details answer for `page.route`. */
export function problem(route: Route, status: number, title: string): Promise<void> {
  return route.fulfill({ status, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title, status }) });
}

/** Matches the collections GET (not the .ics feed). */
export const collectionsUrl = /\/api\/v1\/waste\/properties\/\d+\/collections(\?|$)/;
/** Match the waste forms' POSTs, with the page language they carry (`?lang=cy`) or without. */
export const missedUrl = /\/api\/v1\/waste\/missed-collections(\?|$)/;
export const containerUrl = /\/api\/v1\/waste\/container-requests(\?|$)/;

/** Asserts that no request went out with a postcode or UPRN in the page's own URL. */
export function expectNoPersonalDataInUrl(page: Page): void {
  const url = new URL(page.url());
  expect(url.search + url.hash, `no postcode or UPRN in ${page.url()}`).not.toMatch(/\d{6,}|AN1|an1|postcode|uprn/i);
}

/** Presses Tab (or Shift+Tab) and returns the new focus stop, which must show a visible focus indicator. */
export async function tab(page: Page, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<FocusInfo> {
  await page.keyboard.press(key);
  const info = await focused(page);
  expect(info, `focus after ${key}`).not.toBeNull();
  expect(hasVisibleFocus(info!), `no visible focus indicator on ${info!.tag}#${info!.id} “${info!.text}”: ${JSON.stringify(info)}`).toBe(true);
  return info!;
}

/** Tabs (every stop visibly focused) until `found` matches, at most `max` times. */
export async function tabTo(page: Page, found: (stop: FocusInfo) => boolean, max = 15, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<FocusInfo> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    const stop = await tab(page, key);
    stops.push(`${stop.tag}#${stop.id} “${stop.text.slice(0, 40)}”`);
    if (found(stop)) return stop;
  }
  throw new Error(`not reached after ${max} × ${key}: ${stops.join(' → ')}`);
}

/** Waits until the error summary has focus. */
export async function expectFocusOnErrorSummary(page: Page): Promise<void> {
  await expect.poll(async () => (await focused(page))?.classes ?? '', { message: 'focus on the error summary' }).toContain('error-summary');
}
