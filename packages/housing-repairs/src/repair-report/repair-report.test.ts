import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi, type MockRoutes } from '@council-kit/core/testing';
import { leafOutcome, type RepairCatalogue } from '@council-kit/contracts';
import { repairCatalogueFixture, repairFixture, repairPropertyFixture, repairSlotsFixture } from '@council-kit/contracts/fixtures';
import { repairReportStrings, strings } from './repair-report.i18n.js';
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
  await userEvent.click(page.getByRole('group', { name: 'Wednesday 25 November' }).getByLabelText('Morning (8am to 12pm)'));
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
    property.communalRepairs.push({ ...property.communalRepairs[0]!, reference: 'RPDONE22', status: 'completed' });
    expect(alreadyReported(repairCatalogueFixture, property, 'communal').map((r) => r.reference)).toEqual(['RP7K2M9Q']);
    const twoAreas: RepairCatalogue = structuredClone(repairCatalogueFixture);
    twoAreas.locations.push({ ...twoAreas.locations[2]!, id: 'lifts', problems: [{ id: 'lift', label: { en: 'Lift', cy: 'Lifft' }, leaves: [{ ...twoAreas.locations[2]!.problems[0]!.leaves[0]!, id: 'lift-broken' }] }] });
    expect(alreadyReported(twoAreas, property, 'lifts')).toEqual([]);
  });

  it('chooses the out-of-hours number when the office is closed', () => {
    expect(phoneNow(repairCatalogueFixture, OFFICE)).toBe('01234 567890');
    expect(phoneNow(repairCatalogueFixture, CLOSED)).toBe('01234 999999');
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
    expect(numbers).toEqual(['tel:08001119999'.replace('9999', '999'), 'tel:01234567890']);
    expect(page.getByRole('textbox').elements()).toHaveLength(0);
  });

  it('gives the out-of-hours number for other emergencies when the office is closed', async () => {
    api();
    const el = await report();
    el.now = CLOSED;
    await choose('Water is flooding in or coming through a ceiling light');
    await next();
    await heading('Call us now');
    await expect.element(page.getByRole('link', { name: '01234 999999' })).toBeVisible();
    await expect.element(page.getByText('Our offices are closed.', { exact: false })).toBeVisible();
    await button('Back');
    await group('Is this an emergency?');
  });

  it('asks one question per page, with errors in the summary and inline, and focus on each heading', async () => {
    api();
    const el = await report();
    await next();
    await expect.element(page.getByRole('link', { name: 'Select whether this is an emergency' })).toBeVisible();
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).toBe(true);
    await choose('No, none of these');
    await next();
    await group('Are you a tenant or a leaseholder?');
    await expect.poll(() => el.shadowRoot!.activeElement?.textContent).toBe('Are you a tenant or a leaseholder?');
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

  it('routes leaves that cannot be booked to the right end page', async () => {
    api();
    await report();
    await triage('Bathroom or toilet', 'Toilet', 'The only toilet is blocked');
    await heading('Call us now');
    await expect.element(page.getByRole('link', { name: '01234 567890' })).toBeVisible();
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

  it('has Welsh for every message', () => {
    for (const catalogue of [strings, journeyStrings, repairReportStrings]) {
      for (const key of Object.keys(catalogue.en)) expect(catalogue.cy, key).toHaveProperty(key);
    }
  });
});
