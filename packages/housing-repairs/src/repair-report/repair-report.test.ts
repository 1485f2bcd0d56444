import { describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { coreStrings } from '@council-kit/core';
import { fixture, mockApi, shadow, type MockRoutes } from '@council-kit/core/testing';
import { osPlacesSource } from '@council-kit/address-lookup';
import { leafOutcome, type RepairCatalogue } from '@council-kit/contracts';
import { manageTokenFixture, osPlacesResponse, repairCatalogueFixture, repairPropertyFixture, repairSlotsFixture, reportedRepairFixture as repairFixture } from '@council-kit/contracts/fixtures';
import { repairReportStrings } from './repair-report.i18n.js';
import { callStrings } from './call.i18n.js';
import { journeyStrings } from './journey.i18n.js';
import { alreadyReported, visibleLocations } from './triage.js';
import { phoneNow } from './phone-now.js';
import type { RepairReport } from './repair-report.js';
import './define.js';

const CATALOGUE = 'GET /api/v1/repairs/catalogue';
const PROPERTY = 'GET /api/v1/repairs/properties/100000000001';
const SLOTS = 'GET /api/v1/repairs/slots';
const REPAIRS = 'POST /api/v1/repairs';
const PHOTOS = 'POST /api/v1/repairs/photos';
// Tuesday 24 November 2026, 10am in London: office hours. Saturday 28 November: closed.
const OFFICE = new Date('2026-11-24T10:00:00Z');
const CLOSED = new Date('2026-11-28T10:00:00Z');

function api(extra: MockRoutes = {}) {
  return mockApi({
    [CATALOGUE]: { body: repairCatalogueFixture },
    [PROPERTY]: { body: repairPropertyFixture },
    [SLOTS]: { body: repairSlotsFixture },
    [REPAIRS]: { status: 201, body: repairFixture },
    ...extra,
  });
}

async function report(attrs = 'uprn="100000000001"', lang = 'en'): Promise<RepairReport> {
  await fixture(`<div lang="${lang}"><council-repair-report api-base="/api/v1" contact-url="/contact" ${attrs}>
    <a href="/repairs">Report a repair by phone</a></council-repair-report></div>`);
  const el = document.querySelector('council-repair-report')!;
  el.now = OFFICE;
  return el;
}

const button = (name: string) => userEvent.click(page.getByRole('button', { name, exact: true }));
const next = () => button('Continue');
const choose = (label: string | RegExp) => userEvent.click(page.getByLabelText(label));
const heading = (name: string) => expect.element(page.getByRole('heading', { name })).toBeVisible();
const group = (name: string) => expect.element(page.getByRole('group', { name })).toBeVisible();

/** No emergency, a tenant, then where → what → which. */
async function triage(location: string, problem: string, leaf: string, reporter = 'Tenant'): Promise<void> {
  await group('Is this an emergency?');
  await choose('No, none of these');
  await next();
  await choose(reporter);
  await next();
  await group('Where is the problem?');
  await choose(location);
  await next();
  await choose(problem);
  await next();
  await choose(leaf);
  await next();
}

/** The dripping tap, described, no photo, contact by text, the first slot: at check answers. */
async function upToCheck(): Promise<void> {
  await triage('Kitchen', 'Taps or sink', 'A tap is dripping');
  await page.getByLabelText('Describe the problem').fill('The cold tap drips all the time.');
  await next();
  await heading('Add photos of the problem (optional)');
  await next();
  await choose('Text message');
  await page.getByLabelText('UK mobile number').fill('07700 900982');
  await next();
  await group('Choose an appointment');
  await userEvent.click(page.getByRole('group', { name: 'Wednesday 25 November' }).getByLabelText('Morning (8am to midday)'));
  await next();
  await heading('Check your answers before sending');
}

describe('the repairs catalogue engine', () => {
  it('gives each leaf its outcome for each reporter', () => {
    const leaves = Object.fromEntries(repairCatalogueFixture.locations.flatMap((l) => l.problems.flatMap((p) => p.leaves.map((leaf) => [leaf.id, leaf]))));
    expect(leafOutcome(leaves['tap-dripping']!, 'tenant')).toBe('book');
    expect(leafOutcome(leaves['tap-dripping']!, 'leaseholder')).toBe('not-eligible');
    expect(leafOutcome(leaves['sink-blocked']!, 'tenant')).toBe('we-will-contact');
    expect(leafOutcome(leaves['toilet-only-one-blocked']!, 'tenant')).toBe('call-us');
    expect(leafOutcome(leaves['worktop-damaged']!, 'tenant')).toBe('contact-us');
    expect(leafOutcome(leaves['communal-light-out']!, 'leaseholder')).toBe('book');
  });

  it('shows leaseholders only what they may report, and tenants everything', () => {
    expect(visibleLocations(repairCatalogueFixture, 'tenant').map((l) => l.id)).toEqual(['kitchen', 'bathroom', 'communal']);
    const leaseholder = visibleLocations(repairCatalogueFixture, 'leaseholder');
    expect(leaseholder.map((l) => l.id)).toEqual(['communal']);
    expect(leaseholder[0]!.problems.flatMap((p) => p.leaves).every((leaf) => leaf.eligibility.leaseholder)).toBe(true);
  });

  it('lists open communal repairs for the shared area chosen, not closed ones', () => {
    const property = structuredClone(repairPropertyFixture);
    property.communalRepairs.push({ ...property.communalRepairs[0]!, reportedOn: '2026-11-02', status: 'completed' });
    expect(alreadyReported(repairCatalogueFixture, property, 'communal').map((r) => r.reportedOn)).toEqual(['2026-11-20']);
    const twoAreas: RepairCatalogue = structuredClone(repairCatalogueFixture);
    twoAreas.locations.push({ ...twoAreas.locations[2]!, id: 'lifts', problems: [{ id: 'lift', label: { en: 'Lift', cy: 'Lifft' }, leaves: [{ ...twoAreas.locations[2]!.problems[0]!.leaves[0]!, id: 'lift-broken' }] }] });
    expect(alreadyReported(twoAreas, property, 'lifts')).toEqual([]);
  });

  it('chooses the out-of-hours number when the office is closed', () => {
    expect(phoneNow(repairCatalogueFixture, OFFICE)).toBe('01632 960 456');
    expect(phoneNow(repairCatalogueFixture, CLOSED)).toBe('01632 960 789');
  });
});

describe('<council-repair-report>: emergencies and triage', () => {
  it('shows its fallback until the catalogue arrives, then the emergency question first', async () => {
    api({ [CATALOGUE]: { body: repairCatalogueFixture, delay: 300 } });
    await report();
    await expect.element(page.getByRole('link', { name: 'Report a repair by phone' })).toBeVisible();
    await group('Is this an emergency?');
    for (const question of repairCatalogueFixture.emergencies) await expect.element(page.getByLabelText(question.label.en)).toBeVisible();
  });

  it('sends a gas smell to the national gas emergency number first, with no form', async () => {
    api();
    await report();
    await choose('You can smell gas');
    await next();
    await heading('Call the National Gas Emergency Service now');
    const numbers = page.getByRole('link').elements().map((a) => a.getAttribute('href'));
    expect(numbers).toEqual(['tel:08001119999'.replace('9999', '999'), 'tel:01632960456']);
    expect(page.getByRole('textbox').elements()).toHaveLength(0);
  });

  it('gives the out-of-hours number for other emergencies when the office is closed', async () => {
    api();
    const el = await report();
    el.now = CLOSED;
    await choose('Water is flooding in or coming through a ceiling light');
    await next();
    await heading('Call us now');
    await expect.element(page.getByRole('link', { name: '01632 960 789' })).toBeVisible();
    await expect.element(page.getByText('Our offices are closed.', { exact: false })).toBeVisible();
    await button('Back');
    await group('Is this an emergency?');
  });

  it('asks one question per page, with errors in the summary and inline, and focus on each heading', async () => {
    api();
    const el = await report();
    const steps: unknown[] = [];
    el.addEventListener('council-step-change', (e) => steps.push(e.detail));
    await next();
    await expect.element(page.getByRole('link', { name: 'Select whether this is an emergency' })).toBeVisible();
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).toBe(true);
    await choose('No, none of these');
    await next();
    await group('Are you a tenant or a leaseholder?');
    await expect.poll(() => el.shadowRoot!.activeElement?.textContent).toBe('Are you a tenant or a leaseholder?');
    // The page hears where the resident is, never what they answered.
    expect(steps).toEqual([{ step: 'reporter', index: 1, first: false, done: false }]);
    await next();
    await expect.element(page.getByRole('link', { name: 'Select whether you are a tenant or a leaseholder' })).toBeVisible();
  });

  it('lists every location for a tenant and only the shared areas for a leaseholder', async () => {
    api();
    await report();
    await choose('No, none of these');
    await next();
    await choose('Tenant');
    await next();
    await group('Where is the problem?');
    expect(page.getByRole('radio').elements()).toHaveLength(3);
    await button('Back');
    await choose('Leaseholder');
    await next();
    await group('Where is the problem?');
    expect(page.getByRole('radio').elements()).toHaveLength(1);
    await expect.element(page.getByLabelText('A shared area (stairs, corridors, lifts, bin stores)')).toBeVisible();
  });

  it('lists repairs already reported in the block before a communal one, so it is not reported twice', async () => {
    api();
    await report();
    await choose('No, none of these');
    await next();
    await choose('Leaseholder');
    await next();
    await choose('A shared area (stairs, corridors, lifts, bin stores)');
    await next();
    await heading('Has it already been reported?');
    await expect.element(page.getByText('This repair has already been reported in your building:')).toBeVisible();
    await expect.element(page.getByText('A light on the stairs or in a corridor is not working')).toBeVisible();
    await expect.element(page.getByText(/Reported Friday 20 November\. Waiting for an appointment/)).toBeVisible();
    await next();
    await expect.element(page.getByRole('link', { name: 'Select yes if your repair is already listed' })).toBeVisible();
    await choose('Yes');
    await next();
    await heading('You do not need to report it again');
  });

  it('explains kindly when the council is not the landlord, with a way forward', async () => {
    api({ [PROPERTY]: { body: { ...repairPropertyFixture, councilOwned: false } } });
    await report();
    await choose('No, none of these');
    await next();
    await choose('Tenant');
    await next();
    await heading('We are not the landlord of this property');
    await expect.element(page.getByText(/homes that Anytown Borough Council owns/)).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toBeVisible();
    await button('Try another address');
    await heading('Find the property');
    await expect.element(page.getByLabelText('Postcode')).toBeVisible();
  });

  it('passes its addressSource and httpOptions to the embedded address lookup', async () => {
    const { calls } = api({ 'GET /api/v1/postcode': { body: osPlacesResponse } });
    const el = await report('');
    el.addressSource = osPlacesSource;
    el.httpOptions = { headers: { 'x-api-key': 'gateway' } };
    await choose('No, none of these');
    await next();
    await choose('Tenant');
    await next();
    await heading('Find the property');
    await userEvent.fill(page.getByLabelText('Postcode'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Find address' }));
    await expect.element(page.getByRole('option', { name: /1 High Street, Anytown/i })).toBeInTheDocument();
    const lookup = calls.find((c) => c.url.pathname === '/api/v1/postcode')!;
    expect(lookup.url.searchParams.get('dataset')).toBe('DPA');
    expect(lookup.headers.get('x-api-key')).toBe('gateway');
  });

  it('lets the page style the embedded address lookup through ::part(address-lookup-input)', async () => {
    const style = document.createElement('style');
    style.textContent = 'council-repair-report::part(address-lookup-input) { background-color: rgb(255, 0, 255); }';
    document.head.append(style);
    onTestFinished(() => style.remove());
    api();
    const el = await report('');
    await choose('No, none of these');
    await next();
    await choose('Tenant');
    await next();
    await expect.element(page.getByLabelText('Postcode')).toBeVisible();
    const input = shadow(shadow(el).querySelector('council-address-lookup')!).querySelector('#postcode')!;
    expect(getComputedStyle(input).backgroundColor).toBe('rgb(255, 0, 255)');
  });

  it('routes leaves that cannot be booked to the right end page', async () => {
    api();
    await report();
    await triage('Bathroom or toilet', 'Toilet', 'The only toilet is blocked');
    await heading('Call us now');
    await expect.element(page.getByRole('link', { name: '01632 960 456' })).toBeVisible();
    await button('Back');
    await button('Back');
    await button('Back');
    await choose('Kitchen');
    await next();
    await choose('Cupboards or worktops');
    await next();
    await choose('A worktop is damaged');
    await next();
    await heading('Contact us about this repair');
    await expect.element(page.getByText('We need to see the damage before we order a new worktop.')).toBeVisible();
  });

  it('shows the catalogue and every question in Welsh on a Welsh page', async () => {
    api();
    await report('uprn="100000000001"', 'cy');
    await group('A yw hwn yn argyfwng?');
    await expect.element(page.getByLabelText('Gallwch arogli nwy')).toBeVisible();
    await button('Parhau');
    await expect.element(page.getByRole('link', { name: 'Dewiswch a yw hwn yn argyfwng' })).toBeVisible();
    await choose('Na, dim un o’r rhain');
    await button('Parhau');
    await choose('Tenant');
    await button('Parhau');
    await group('Ble mae’r broblem?');
    await expect.element(page.getByLabelText('Cegin')).toBeVisible();
  });

  it('has Welsh for every message, and hides none of the shared panels’ messages', () => {
    for (const catalogue of [repairReportStrings, callStrings, journeyStrings]) {
      for (const key of Object.keys(catalogue.en)) expect(catalogue.cy, key).toHaveProperty(key);
      // The flow translates the problem panel and error summary with the element's catalogue first.
      for (const key of Object.keys(coreStrings.en)) expect(catalogue.en, key).not.toHaveProperty(key);
    }
  });
});

/** A PNG of `width` × `height`, drawn on a canvas as a phone would save it. */
async function png(width: number, height: number, name = 'tap.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#1d70b8';
  context.fillRect(0, 0, width, height);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

async function pick(el: RepairReport, ...files: File[]): Promise<void> {
  const input = await expect.poll(() => el.shadowRoot!.querySelector<HTMLInputElement>('#photo')).toBeTruthy().then(() => el.shadowRoot!.querySelector<HTMLInputElement>('#photo')!);
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<council-repair-report>: describe, photos, contact, appointment, send', () => {
  it('reports a routine repair with an appointment, idempotently, and confirms with the reference', async () => {
    const { calls } = api();
    const el = await report();
    const events: CustomEvent[] = [];
    el.addEventListener('council-repair-reported', (e) => events.push(e));
    await upToCheck();
    await expect.element(page.getByText('The cold tap drips all the time.')).toBeVisible();
    await expect.element(page.getByText('Text message: 07700 900982')).toBeVisible();
    await expect.element(page.getByText('Wednesday 25 November, morning (8am to midday)')).toBeVisible();
    await button('Send report');
    await heading('Repair reported');
    // In the element, not the page: the live region may still be saying the reference too.
    await expect.element(page.elementLocator(el).getByText('RPX4T8WN', { exact: true })).toBeVisible();
    await expect.element(page.getByText('We will come on Wednesday 25 November 2026, morning (8am to midday).')).toBeVisible();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(post.body)).toEqual({
      uprn: '100000000001',
      reporter: 'tenant',
      leafId: 'tap-dripping',
      description: 'The cold tap drips all the time.',
      photoIds: [],
      contact: { preference: 'text', mobile: '07700900982' },
      slotId: 'slot-2026-11-25-am',
    });
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(calls.find((c) => c.url.pathname.endsWith('/slots'))!.url.search).toBe('?sor=20110&uprn=100000000001');
    expect(events[0]!.detail).toEqual({ reference: 'RPX4T8WN', outcome: 'book' });
    expect(sessionStorage.getItem(`council-kit:repair-report:${location.pathname}`)).toBeNull();
    // No appointment-url: no manage link, and the token goes nowhere.
    expect(page.getByRole('link', { name: 'Check, move or cancel your appointment' }).elements()).toHaveLength(0);
    expect(JSON.stringify(events[0]!.detail)).not.toContain(manageTokenFixture);
  });

  it('links the confirmation to the appointment page with the manage token in the fragment, once', async () => {
    api();
    const el = await report('uprn="100000000001" appointment-url="/repairs/appointment/#old"');
    const events: CustomEvent[] = [];
    el.addEventListener('council-repair-reported', (e) => events.push(e));
    await upToCheck();
    await button('Send report');
    await heading('Repair reported');
    const link = page.getByRole('link', { name: 'Check, move or cancel your appointment' });
    await expect.element(link).toHaveAttribute('href', `/repairs/appointment/#reference=RPX4T8WN&token=${manageTokenFixture}`);
    await expect.element(page.getByText(/it is the only way to see, move or cancel this repair online/)).toBeVisible();
    expect(JSON.stringify(events[0]!.detail)).not.toContain(manageTokenFixture);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(manageTokenFixture);
  });

  it('counts characters as GOV.UK does and refuses a description that is too long', async () => {
    const catalogue = { ...repairCatalogueFixture, maxDescription: 20 };
    api({ [CATALOGUE]: { body: catalogue } });
    await report();
    await triage('Kitchen', 'Taps or sink', 'A tap is dripping');
    await expect.element(page.getByText('You can enter up to 20 characters').last()).toBeVisible();
    await expect.element(page.getByRole('textbox', { name: 'Describe the problem' })).toHaveAccessibleDescription(/You can enter up to 20 characters/);
    await next();
    await expect.element(page.getByRole('link', { name: 'Describe the problem' })).toBeVisible();
    await page.getByLabelText('Describe the problem').fill('Dripping tap');
    await expect.element(page.getByText('You have 8 characters remaining')).toBeVisible();
    await page.getByLabelText('Describe the problem').fill('The tap drips all night');
    await expect.element(page.getByText('You have 3 characters too many')).toBeVisible();
    await next();
    await expect.element(page.getByRole('link', { name: 'The description must be 20 characters or fewer' })).toBeVisible();
  });

  it('refuses a photo that is not a JPG or PNG, or is too large, and downsizes the rest before upload', async () => {
    const uploads: Request[] = [];
    api({
      [CATALOGUE]: { body: { ...repairCatalogueFixture, maxPhotoBytes: 200_000 } },
      [PHOTOS]: (request) => (uploads.push(request), { status: 201, body: { photoId: `photo-${uploads.length}` } }),
    });
    const el = await report();
    await triage('Kitchen', 'Taps or sink', 'A tap is dripping');
    await page.getByLabelText('Describe the problem').fill('Dripping');
    await next();
    await heading('Add photos of the problem (optional)');

    await pick(el, new File(['GIF89a'], 'tap.gif', { type: 'image/gif' }));
    await expect.element(page.getByRole('link', { name: 'The selected file must be a JPG or PNG' })).toBeVisible();
    await pick(el, new File([new Uint8Array(300_000)], 'huge.jpg', { type: 'image/jpeg' }));
    await expect.element(page.getByRole('link', { name: 'The selected file must be smaller than 195KB' })).toBeVisible();
    expect(uploads).toHaveLength(0);

    await pick(el, await png(3000, 2000));
    await expect.element(page.getByText('Photo 1: tap.png', { exact: true })).toBeVisible();
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.headers.get('Content-Type')).toBe('image/png');
    const uploaded = await createImageBitmap(await uploads[0]!.blob());
    expect([uploaded.width, uploaded.height]).toEqual([1600, 1067]);

    await pick(el, await png(10, 10, 'a.png'), await png(10, 10, 'b.png'), await png(10, 10, 'c.png'));
    await expect.element(page.getByRole('link', { name: 'You can add up to 3 photos' })).toBeVisible();
    await button('Remove photo 1: tap.png');
    expect(page.getByText('Photo 1: tap.png', { exact: true }).elements()).toHaveLength(0);
  });

  it('lists each photo with a thumbnail and a Remove button naming it, under a labelled file upload', async () => {
    api({ [PHOTOS]: { status: 201, body: { photoId: 'photo-1' } } });
    const el = await report();
    await triage('Kitchen', 'Taps or sink', 'A tap is dripping');
    await page.getByLabelText('Describe the problem').fill('Dripping');
    await next();
    await heading('Add photos of the problem (optional)');
    // GOV.UK's file upload: a label, a hint, the control described by the hint.
    const input = page.getByLabelText('Upload a photo');
    await expect.element(input).toHaveAttribute('type', 'file');
    await expect.element(input).toHaveAccessibleDescription(/Photos help us bring the right parts/);
    const revoked: string[] = [];
    const revoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string) => (revoked.push(url), revoke.call(URL, url));
    try {
      await pick(el, await png(40, 30, 'kitchen.png'));
      const thumb = page.getByRole('img', { name: 'Preview of kitchen.png' });
      await expect.element(thumb).toBeVisible();
      const src = thumb.element().getAttribute('src')!;
      expect(src).toMatch(/^blob:/);
      await expect.poll(() => (thumb.element() as HTMLImageElement).naturalWidth).toBe(40);
      await button('Remove photo 1: kitchen.png');
      expect(page.getByRole('img').elements()).toHaveLength(0);
      expect(revoked).toEqual([src]);

      // Revoked too when the element leaves the page.
      await pick(el, await png(10, 10, 'hall.png'));
      const again = page.getByRole('img', { name: 'Preview of hall.png' });
      await expect.element(again).toBeVisible();
      const src2 = again.element().getAttribute('src')!;
      el.remove();
      expect(revoked).toEqual([src, src2]);
    } finally {
      URL.revokeObjectURL = revoke;
    }
  });

  it('names the photos and their Remove buttons in Welsh', async () => {
    api({ [PHOTOS]: { status: 201, body: { photoId: 'photo-1' } } });
    const el = await report('uprn="100000000001"', 'cy');
    await choose('Na, dim un o’r rhain');
    await button('Parhau');
    await choose('Tenant');
    await button('Parhau');
    await choose('Cegin');
    await button('Parhau');
    await choose('Tapiau neu sinc');
    await button('Parhau');
    await choose('Mae tap yn diferu');
    await button('Parhau');
    await page.getByLabelText('Disgrifiwch y broblem').fill('Diferu');
    await button('Parhau');
    await expect.element(page.getByLabelText('Llwytho llun')).toHaveAttribute('type', 'file');
    await pick(el, await png(20, 20, 'cegin.png'));
    await expect.element(page.getByRole('img', { name: 'Rhagolwg o cegin.png' })).toBeVisible();
    await expect.element(page.getByText('Llun 1: cegin.png', { exact: true })).toBeVisible();
    await button('Dileu llun 1: cegin.png');
    expect(page.getByRole('img').elements()).toHaveLength(0);
  });

  it('validates the contact details for the way the resident chose', async () => {
    api();
    await report();
    await triage('Bathroom or toilet', 'Toilet', 'The toilet seat is broken');
    await page.getByLabelText('Describe the problem').fill('Cracked seat');
    await next();
    await next();
    await expect.element(page.getByRole('link', { name: 'Select how we should contact you' })).toBeVisible();
    await choose('Text message');
    await page.getByLabelText('UK mobile number').fill('01632 960001');
    await next();
    await expect.element(page.getByRole('link', { name: 'Enter a UK mobile number, like 07700 900 982' })).toBeVisible();
    await userEvent.click(page.getByRole('radio', { name: 'Email', exact: true }));
    await page.getByLabelText('Email address').fill('not-an-email');
    await next();
    await expect.element(page.getByRole('link', { name: 'Enter an email address in the correct format, like name@example.com' })).toBeVisible();
    await choose('Phone call');
    await page.getByLabelText('UK phone number').fill('12');
    await next();
    await expect.element(page.getByRole('link', { name: 'Enter a UK phone number, like 01632 960 001' })).toBeVisible();
    await page.getByLabelText('UK phone number').fill('01632 960001');
    await next();
    await group('Choose an appointment');
    await next();
    await expect.element(page.getByRole('link', { name: 'Select an appointment' })).toBeVisible();
  });

  it('says the council will call when there are no slots, and books nothing', async () => {
    const { calls } = api({ [SLOTS]: { body: { ...repairSlotsFixture, callBack: true, slots: [] } }, [REPAIRS]: { status: 201, body: { ...repairFixture, status: 'awaiting-appointment', appointment: undefined } } });
    const el = await report();
    const events: CustomEvent[] = [];
    el.addEventListener('council-repair-reported', (e) => events.push(e));
    await triage('Kitchen', 'Taps or sink', 'A tap is dripping');
    await page.getByLabelText('Describe the problem').fill('Drips');
    await next();
    await next();
    await userEvent.click(page.getByRole('radio', { name: 'Email', exact: true }));
    await page.getByLabelText('Email address').fill('resident@example.org');
    await next();
    await heading('We will call you to arrange a time');
    await next();
    await heading('Check your answers before sending');
    await expect.element(page.getByText('We will contact you to arrange a time')).toBeVisible();
    await button('Send report');
    await expect.element(page.getByText('We will contact you to arrange a time.')).toBeVisible();
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body).slotId).toBeUndefined();
    expect(events[0]!.detail).toEqual({ reference: 'RPX4T8WN', outcome: 'we-will-contact' });
  });

  it('skips the appointment for an urgent repair the council arranges itself', async () => {
    const { calls } = api();
    await report();
    await triage('Kitchen', 'Taps or sink', 'The sink is blocked');
    await page.getByLabelText('Describe the problem').fill('Water will not drain');
    await next();
    await choose('Phone call');
    await page.getByLabelText('UK phone number').fill('01632 960001');
    await next();
    await heading('Check your answers before sending');
    expect(page.getByRole('button', { name: 'Change Appointment' }).elements()).toHaveLength(0);
    expect(calls.some((c) => c.url.pathname.endsWith('/slots'))).toBe(false);
  });

  it('comes back to check answers after a Change link', async () => {
    api();
    await report();
    await upToCheck();
    await button('Change Description');
    await page.getByLabelText('Describe the problem').fill('The hot tap drips too.');
    await next();
    await heading('Check your answers before sending');
    await expect.element(page.getByText('The hot tap drips too.')).toBeVisible();
    await button('Change Appointment');
    await userEvent.click(page.getByLabelText('All day (8am to 6pm)'));
    await next();
    await expect.element(page.getByText('Thursday 26 November, all day (8am to 6pm)')).toBeVisible();
  });

  it('keeps every answer when sending fails, and tries again with the same idempotency key', async () => {
    const { calls } = api({ [REPAIRS]: [{ status: 503 }, { status: 201, body: repairFixture }] });
    await report();
    await upToCheck();
    await button('Send report');
    await expect.element(page.getByText('Sorry, there is a problem with the service')).toBeVisible();
    await expect.element(page.getByText('The cold tap drips all the time.')).toBeVisible();
    await button('Try again');
    await heading('Repair reported');
    const keys = calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('sends the resident back to choose another slot when theirs was taken', async () => {
    const taken = { status: 409, body: { type: 'https://council-kit.dev/problems/slot-taken', title: 'Slot taken', status: 409 } };
    const { calls } = api({ [REPAIRS]: [taken, { status: 201, body: repairFixture }] });
    await report();
    await upToCheck();
    await button('Send report');
    await group('Choose an appointment');
    await expect.element(page.getByRole('link', { name: 'That appointment has just been booked by someone else. Choose another.' })).toBeVisible();
    await userEvent.click(page.getByLabelText('Afternoon (midday to 6pm)'));
    await next();
    await heading('Check your answers before sending');
    await expect.element(page.getByText('The cold tap drips all the time.')).toBeVisible();
    await button('Send report');
    await heading('Repair reported');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(JSON.parse(posts[1]!.body).slotId).toBe('slot-2026-11-25-pm');
    expect(posts[0]!.headers.get('Idempotency-Key')).not.toBe(posts[1]!.headers.get('Idempotency-Key'));
  });

  it('explains a refusal the resident can act on', async () => {
    api({ [REPAIRS]: { status: 422, body: { type: 'https://council-kit.dev/problems/not-eligible', title: 'Not eligible', status: 422 } } });
    await report();
    await upToCheck();
    await button('Send report');
    await expect.element(page.getByText('This repair cannot be reported online by a leaseholder.', { exact: false })).toBeVisible();
    expect(page.getByRole('button', { name: 'Try again' }).elements()).toHaveLength(0);
  });

  it('restores the draft after a reload', async () => {
    api();
    await report();
    await upToCheck();
    document.querySelector('council-repair-report')!.parentElement!.remove();
    await report();
    await heading('Check your answers before sending');
    await expect.element(page.getByText('Text message: 07700 900982')).toBeVisible();
    await button('Back');
    await group('Choose an appointment');
  });

  it('works in Welsh through to check answers', async () => {
    api();
    await report('uprn="100000000001"', 'cy');
    await choose('Na, dim un o’r rhain');
    await button('Parhau');
    await choose('Tenant');
    await button('Parhau');
    await choose('Cegin');
    await button('Parhau');
    await choose('Tapiau neu sinc');
    await button('Parhau');
    await choose('Mae tap yn diferu');
    await button('Parhau');
    await page.getByLabelText('Disgrifiwch y broblem').fill('Diferu');
    await expect.element(page.getByText('Mae gennych 494 nod ar ôl')).toBeVisible();
    await button('Parhau');
    await button('Parhau');
    await button('Parhau');
    await expect.element(page.getByRole('link', { name: 'Dewiswch sut dylen ni gysylltu â chi' })).toBeVisible();
  });
});
