import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from './driver.ts';
import type { Engine } from './engines.ts';
import { waitFor } from './wait.ts';

/** A property whose missed-collection window is open on the test day (found by global-setup.ts). */
export interface ReportableProperty {
  postcode: string;
  /** The one-line address, as the lookup lists it. */
  address: string;
  uprn: string;
  /** The English name of a service that can be reported missed today, e.g. "Food waste". */
  service: string;
}

const failures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reports/engines');
const journeyTimeout = 60_000;

/** The reference on a confirmation panel: 8 characters from the unambiguous alphabet. */
const reference = /^[2-9A-HJKMNP-Z]{8}$/;
const flat1 = 'Flat 1, Mill Court, 12 High Street, Anytown, AN1 1AA';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Days from `from` to `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** The reference shown in the element's confirmation panel (waits for it). */
async function panelReference(driver: Driver, host: string): Promise<string> {
  const { text } = await driver.state({ role: 'css', css: '.panel strong', within: host });
  expect(text).toMatch(reference);
  return text;
}

/** Postcode, Find, the address, Use this address: the lookup step, in either language. */
async function findAddress(driver: Driver, postcode: string, address: string, lang: 'en' | 'cy' = 'en'): Promise<void> {
  const words =
    lang === 'en'
      ? { postcode: 'Postcode', find: 'Find address', select: 'Select an address', use: 'Use this address' }
      : { postcode: 'Cod post', find: 'Dod o hyd i gyfeiriad', select: 'Dewiswch gyfeiriad', use: 'Defnyddio’r cyfeiriad hwn' };
  // Inside the lookup: a page may also hold a no-JavaScript form with its own "Postcode" field
  // (bin day's fallback, still in the light DOM once the element has taken over).
  const within = 'council-address-lookup';
  await driver.fill(words.postcode, postcode, { within });
  await driver.click(words.find, { role: 'button', within });
  await driver.select(words.select, address, { within });
  await driver.click(words.use, { role: 'button', within });
}

/**
 * Reports a repair straight to the API (from Node, beside the page) and returns the link that
 * manages it: only the report's answer carries the manage token, and the appointment page opens a
 * repair from that link alone. `slot` keeps each engine's repair its own.
 */
async function manageLinkFor(d: Driver, slot: number): Promise<string> {
  const { origin } = new URL(await d.url());
  const found = (await (await fetch(`${origin}/api/v1/addresses?postcode=AN1%201AA`)).json()) as { addresses: { uprn: string; address: string }[] };
  const { uprn } = found.addresses.find((a) => a.address.startsWith('Flat 1, Mill Court'))!;
  const response = await fetch(`${origin}/api/v1/repairs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `engines-${d.engine}-${slot}-${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify({ uprn, reporter: 'tenant', leafId: 'tap-dripping', description: 'The cold tap drips into the sink.', photoIds: [], contact: { preference: 'email', email: 'tenant@example.com' } }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const { reference, manageToken } = (await response.json()) as { reference: string; manageToken: string };
  return `/repairs/appointment/#reference=${reference}&token=${manageToken}`;
}

/**
 * Finds the first slot on the "Choose a new appointment" page that is not the repair's
 * current appointment (runs in the page: self-contained).
 */
function otherSlot(current: string): { id: string; day: string; period: string } | null {
  const root = document.querySelector('council-repair-appointment')?.shadowRoot;
  if (!root) return null;
  const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  for (const day of Array.from(root.querySelectorAll('fieldset.day'))) {
    const date = norm(day.querySelector('legend')?.textContent);
    for (const input of Array.from(day.querySelectorAll('input[type="radio"]'))) {
      const period = norm(root.querySelector(`label[for="${input.id}"]`)?.textContent);
      if (!(current.includes(date) && current.toLowerCase().includes(period.toLowerCase()))) return { id: input.id, day: date, period };
    }
  }
  return null;
}

/**
 * Every pattern's main journey, and the Welsh bin-day and missed-bin journeys, in one engine.
 * `slot` (0, 1, 2) gives each engine its own properties for missed-bin reports, since the API
 * (rightly) answers a second report of the same collection as a duplicate.
 */
export function journeySuite(engine: Engine, slot: number): void {
  describe(engine.name, () => {
    const siteUrl = inject('siteUrl');
    const today = inject('testToday');
    const reportable = inject('reportable');
    let driver: Driver | undefined;

    if (engine.missing) {
      const message = `${engine.name}: ${engine.missing}`;
      if (process.env.CI) {
        // In CI every engine must run: fail every journey with the reason.
        beforeAll(() => {
          throw new Error(`${message}. CI must run all three engines.`);
        });
      } else {
        console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING ${engine.name.toUpperCase()}: ${engine.missing}\n!! Its journeys are NOT checked on this machine (CI fails instead of skipping).\n${'!'.repeat(78)}\n`);
      }
    } else {
      beforeAll(async () => {
        driver = await engine.launch(siteUrl);
      }, 90_000);
      afterAll(async () => {
        await driver?.close();
      }, 30_000);
    }

    const journey = (name: string, run: (d: Driver) => Promise<void>) => {
      if (engine.missing && !process.env.CI) return it.skip(name);
      it(name, async () => {
        const d = driver!;
        await d.newJourney();
        try {
          await run(d);
        } catch (error) {
          await mkdir(failures, { recursive: true }).catch(() => undefined);
          const shot = path.join(failures, `${engine.name}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
          const where = await d.diagnose(shot);
          if (error instanceof Error) error.message += `\n\n[${engine.name} on ${today}]\n${where}`;
          throw error;
        }
      }, journeyTimeout);
    };

    journey('finds an address in a form and submits its UPRN', async (d) => {
      await d.goto('/find-your-address/');
      await d.fill('Postcode', 'an11aa');
      await d.click('Find address', { role: 'button' });
      await d.waitForStep('14 addresses found for AN1 1AA');
      await d.select('Select an address', '3 High Street, Anytown, AN1 1AA');
      const { value: uprn } = await d.state({ role: 'field', name: { exact: 'Select an address' } });
      expect(uprn).toMatch(/^\d{1,12}$/);
      await d.click('Use this address', { role: 'button' });
      await d.waitForStep('Address');
      await d.waitForText('3 High Street');
      // The page's own submit button: the element is form-associated and submits the UPRN.
      await d.click('Continue', { role: 'button' });
      await d.waitForUrl(`/find-your-address/submitted.html?address=${uprn}`);
      await d.waitForText('What you submitted');
      await waitFor('the UPRN on the submitted page', 15_000, async () => (await d.state({ role: 'css', css: '[data-value="uprn"]' })).text === uprn);
    });

    journey('shows the bin collection days for an address', async (d) => {
      const { addresses } = await getJson<{ addresses: { uprn: string; address: string }[] }>(`${siteUrl}/api/v1/addresses?postcode=AN1%201AA`);
      const uprn = addresses.find((a) => a.address === flat1)!.uprn;
      const { services } = await getJson<{ services: { id: string; nextCollection?: string }[] }>(`${siteUrl}/api/v1/waste/properties/${uprn}/collections`);
      const food = services.find((s) => s.id === 'food')!.nextCollection!;

      await d.goto('/bins/collection-days/');
      await findAddress(d, 'AN1 1AA', flat1);
      await d.waitForStep(`Bin collections for ${flat1}`);
      await waitFor('the four services', 15_000, async () => {
        const names = await d.texts({ role: 'css', css: '[part="service"] [role="heading"]', within: 'council-bin-day' });
        return names.join(', ') === 'Rubbish, Recycling, Food waste, Garden waste' || undefined;
      });
      await d.waitForText('Every Tuesday');
      await d.waitForText('Every other Tuesday');
      await d.waitForText('Brown caddy');
      // "in 6 days" is counted by the page's clock (<meta name="council-today">) from the API's
      // date: the two agree on today in this engine.
      const days = daysBetween(today, food);
      const relative = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
      const foodText = (await d.texts({ role: 'css', css: '[part="service"]', within: 'council-bin-day' })).find((t) => t.startsWith('Food waste'));
      expect(foodText).toContain(`(${relative})`);
      await d.state({ role: 'link', name: { exact: 'Download calendar (.ics)' }, within: 'council-bin-day' });
    });

    journey('reports a missed bin to confirmation', async (d) => {
      const property = reportable[slot * 2]!;
      await d.goto('/bins/report-missed/');
      await d.waitForStep('Find the property');
      await findAddress(d, property.postcode, property.address);
      await d.waitForStep('Which collection was missed?');
      await d.check(new RegExp(`^${escape(property.service)}`));
      await d.click('Continue', { role: 'button' });
      await d.waitForStep(/^Was your bin out by 7am on \w+day \d{1,2} \w+\?$/);
      await d.check('Yes');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('How can we contact you about this?');
      await d.fill('Email address (optional)', 'resident@example.com');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Check your answers before sending');
      await d.waitForText(property.address);
      await d.waitForText('resident@example.com');
      await d.click('Send', { role: 'button' });
      await d.waitForStep('Missed collection reported');
      await panelReference(d, 'council-missed-bin-report');
      await d.waitForText('We will return to collect it within 2 working days.');
    });

    journey('orders a new bin to confirmation, with the charge shown first', async (d) => {
      await d.goto('/bins/new-bin/');
      await findAddress(d, 'AN1 1AA', '2 High Street, Anytown, AN1 1AA');
      await d.waitForStep('Which bin or container do you need?');
      await d.check('Rubbish bin (black)');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Why do you need it?');
      await d.check('It was stolen');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('How can we contact you about this?');
      await d.fill('UK phone number (optional)', '07700 900 982');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Check your answers before sending');
      await d.waitForText('£25, including delivery');
      await d.click('Send', { role: 'button' });
      await d.waitForStep('Request sent');
      const ref = await panelReference(d, 'council-container-request');
      await d.waitForText('Your request will be processed once you have paid.');
      const pay = await d.state({ role: 'link', name: { exact: 'Pay now' }, within: 'council-container-request' });
      expect(pay.text).toBe('Pay now');
      expect(await d.evaluate((host: string) => document.querySelector(host)?.shadowRoot?.querySelector('a[href*="pay."]')?.getAttribute('href') ?? '', 'council-container-request')).toBe(
        `https://pay.anytown.example/waste/${ref}`,
      );
    });

    journey('books a bulky waste collection to confirmation, with the total shown first', async (d) => {
      await d.goto('/bins/bulky-waste/');
      await findAddress(d, 'AN1 1AA', '9A High Street, Anytown, AN1 1AA');
      await d.waitForStep('What do you need collected?');
      await d.check('Mattress');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Where will you leave the items?');
      await d.check('On the driveway');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Choose a collection date');
      await d.check(/^(Monday|Tuesday|Wednesday|Thursday|Friday) \d/);
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('How can we contact you about this?');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Check your answers before sending');
      await d.waitForText('Total to pay: £15.00');
      await d.click('Send', { role: 'button' });
      await d.waitForStep('Collection booked');
      await panelReference(d, 'council-bulky-waste');
      await d.waitForText('Change or cancel this booking');
    });

    journey('reports a repair as a tenant, books an appointment and gets a reference', async (d) => {
      await d.goto('/repairs/report/');
      await d.waitForStep('Is this an emergency?');
      await d.check('No, none of these');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Are you a tenant or a leaseholder?');
      await d.check(/^Tenant/);
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Find the property');
      await findAddress(d, 'AN1 1AA', flat1);
      await d.waitForStep('Where is the problem?');
      await d.check('Kitchen');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('What is the problem?');
      await d.check('Taps or sink');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Which best describes it?');
      await d.check('A tap is dripping');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Describe the problem');
      await d.fill('Describe the problem', 'The hot tap in the kitchen drips all night.');
      await d.waitForText('You have 457 characters remaining');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Add photos of the problem (optional)');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('How should we contact you about this repair?');
      await d.check('Email');
      await d.fill('Email address', 'tenant.flat1@example.com');
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Choose an appointment');
      const day = (await d.state({ role: 'css', css: 'fieldset.day legend', within: 'council-repair-report' })).text;
      await d.check({ role: 'css', css: 'label[for="slot-0"]', within: 'council-repair-report' });
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Check your answers before sending');
      await d.waitForText('A tap is dripping');
      await d.waitForText('Email: tenant.flat1@example.com');
      await d.click('Send report', { role: 'button' });
      await d.waitForStep('Repair reported');
      await panelReference(d, 'council-repair-report');
      await d.waitForText(`We will come on ${day}`);
    });

    journey('opens a repair from its manage link and moves the appointment to another slot', async (d) => {
      // Any page first: the link is made from its origin (a fragment change alone would not reload).
      await d.goto('/');
      await d.goto(await manageLinkFor(d, slot));
      const heading = await d.waitForStep(/^Repair [A-Z0-9]{8}$/);
      const reference = heading.replace('Repair ', '');
      expect((await d.state({ role: 'css', css: '.status', within: 'council-repair-appointment' })).text).toBe('Waiting for an appointment');
      const summary = (await d.state({ role: 'css', css: '.summary-list', within: 'council-repair-appointment' })).text;
      expect(summary).toContain('A tap is dripping');
      await d.click('Change the appointment', { role: 'button' });
      await d.waitForStep('Choose a new appointment');
      const target = await waitFor('a slot other than the current appointment', 15_000, () => d.evaluate(otherSlot, summary));
      await d.check({ role: 'css', css: `label[for="${target.id}"]`, within: 'council-repair-appointment' });
      await d.click('Continue', { role: 'button' });
      await d.waitForStep('Check your new appointment');
      await d.click('Change appointment', { role: 'button' });
      await d.waitForStep('Appointment changed');
      expect((await d.state({ role: 'css', css: '.panel strong', within: 'council-repair-appointment' })).text).toBe(reference);
      await d.waitForText(new RegExp(`We will come on ${escape(target.day)}( \\d{4})?, ${escape(target.period)}\\.`, 'i'));
    });

    journey('searches the directory and opens a service', async (d) => {
      await d.goto('/local-services/');
      // Inside the element: the page's no-JavaScript form, with the same labels, stays in the light DOM.
      await d.fill('Search for a service', 'food bank', { within: 'council-directory-search' });
      await d.click('Search', { role: 'button', within: 'council-directory-search' });
      await d.waitForStep(/^\d+ services found$/);
      await d.waitForUrl('/local-services/?q=food+bank');
      const first = await d.state({ role: 'css', css: '[part="result"] a[href]', within: 'council-directory-search' });
      await d.click({ role: 'css', css: '[part="result"] a[href]', within: 'council-directory-search' });
      await d.waitForUrl(/^\/local-services\/service\/\?id=[0-9a-f-]{36}$/);
      await waitFor(`the service “${first.text}” as a heading`, 15_000, async () =>
        (await d.texts({ role: 'heading', within: 'council-service-detail' })).includes(first.text),
      );
      await d.waitForText('How to contact');
      await d.waitForText(/Information last checked \d{1,2} [A-Z][a-z]+ \d{4}/);
    });

    // Garden waste: a new subscriber (Flat 4 Mill Court has none in the Anytown demo data) to
    // a reference, at the price the council API offers; without GOV.UK Pay, a link follows.
    journey('subscribes to garden waste to confirmation, at the API’s price', async (d) => {
      const host = 'council-garden-waste';
      const address = 'Flat 4, Mill Court, 12 High Street, Anytown, AN1 1AA';
      const { addresses } = await getJson<{ addresses: { uprn: string; address: string }[] }>(`${siteUrl}/api/v1/addresses?postcode=AN1%201AA`);
      const uprn = addresses.find((a) => a.address === address)!.uprn;
      const offer = await getJson<{ prices: { bins: number; amount: number }[]; terms: { concession?: { question: string } } }>(`${siteUrl}/api/v1/waste/properties/${uprn}/garden`);
      const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(offer.prices.find((p) => p.bins === 2)!.amount / 100);

      await d.goto('/bins/garden-waste/');
      await findAddress(d, 'AN1 1AA', address);
      await d.waitForStep('Subscribe to garden waste collections');
      await d.waitForText('This address does not have a garden waste subscription.');
      await d.click('Continue', { role: 'button', within: host });
      await d.waitForStep('How many garden waste bins do you want to subscribe for?');
      await d.check('2 bins', { within: host });
      await d.click('Continue', { role: 'button', within: host });
      await d.waitForStep(offer.terms.concession!.question);
      await d.check('No', { within: host });
      await d.click('Continue', { role: 'button', within: host });
      await d.waitForStep('How can we contact you about this?');
      await d.fill('Email address (optional)', 'gardener@example.com', { within: host });
      await d.click('Continue', { role: 'button', within: host });
      await d.waitForStep('Check your answers before sending');
      await d.waitForText(pounds);
      await d.waitForText('gardener@example.com');
      await d.click('Send', { role: 'button', within: host });
      await d.waitForStep('Garden waste subscription received');
      await panelReference(d, host);
      await d.waitForText(`We will send you a link to pay ${pounds}. Your subscription starts once you have paid.`);
    });

    journey('Cymraeg: diwrnod bin, then reports the missed collection to confirmation', async (d) => {
      const property = reportable[slot * 2 + 1]!;
      await d.goto('/cy/bins/collection-days/');
      await d.waitForText('Cod post');
      await findAddress(d, property.postcode, property.address, 'cy');
      await d.waitForStep(`Casgliadau biniau ar gyfer ${property.address}`);
      await d.waitForText('Casgliad nesaf');
      await d.waitForText('Gwastraff bwyd');
      await d.waitForText(/Bob dydd (Llun|Mawrth|Mercher|Iau|Gwener)/);
      await d.click('Rhoi gwybod am gasgliad a fethwyd', { role: 'link' });
      await d.waitForUrl(/^\/cy\/bins\/report-missed\/\?service=[a-z]+$/);
      await d.waitForStep('Pa gasgliad a fethwyd?');
      // The service chosen on the bin-day page comes checked.
      await d.state({ role: 'css', css: 'input[type="radio"]:checked', within: 'council-missed-bin-report' });
      await d.click('Parhau', { role: 'button' });
      // The time in Welsh and the day softened mid-sentence: "erbyn 7yb ar ddydd Mawrth 1 Rhagfyr?".
      await d.waitForStep(/^Oedd eich bin allan erbyn 7yb ar ddydd .+\?$/);
      await d.check('Ydy');
      await d.click('Parhau', { role: 'button' });
      await d.waitForStep('Sut gallwn ni gysylltu â chi am hyn?');
      await d.click('Parhau', { role: 'button' });
      await d.waitForStep('Gwiriwch eich atebion cyn anfon');
      await d.waitForText('Heb ei roi');
      await d.click('Anfon', { role: 'button' });
      await d.waitForStep('Rhoddwyd gwybod am gasgliad a fethwyd');
      await d.waitForText('Eich cyfeirnod');
      await panelReference(d, 'council-missed-bin-report');
      await d.waitForText('Byddwn yn dychwelyd i’w gasglu o fewn 2 ddiwrnod gwaith.');
    });
  });
}
