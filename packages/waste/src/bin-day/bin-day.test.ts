import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addDays } from '@council-kit/contracts';
import { formatDate } from '@council-kit/core';
import { fixture, lastAnnouncement, mockApi, testToday } from '@council-kit/core/testing';
import { anytownAddresses, anytownCollectionsOn, communalCollections } from '@council-kit/contracts/fixtures';
import { binDayStrings } from './bin-day.i18n.js';
import type { BinDay } from './bin-day.js';
import { rememberedProperty } from '../shared/property-store.js';
import './define.js';

const COLLECTIONS = 'GET /api/v1/waste/properties/100000000001/collections';
// Everything is dated from the suite's clock (COUNCIL_TEST_TODAY, else the real date).
const today = testToday();
const anytownCollections = anytownCollectionsOn(today);
/** A date `offset` days from today as the element shows it ("Tuesday 24 November"). */
const shown = (offset: number, locale: 'en' | 'cy' = 'en') => formatDate(addDays(today, offset), locale, { year: false });
const weekday = (offset: number, locale: 'en' | 'cy' = 'en') => shown(offset, locale).replace(/ \d.*$/, '');

async function binDay(attrs = 'uprn="100000000001"', lang = 'en'): Promise<BinDay> {
  const wrapper = await fixture<HTMLElement>(`<div lang="${lang}"><council-bin-day api-base="/api/v1" report-url="/report-missed-bin" contact-url="/contact" ${attrs}></council-bin-day></div>`);
  return wrapper.localName === 'council-bin-day' ? (wrapper as BinDay) : document.querySelector('council-bin-day')!;
}

describe('<council-bin-day>', () => {
  it('shows each service with container, frequency, next date and relative day', async () => {
    const { calls } = mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await binDay();
    await expect.element(page.getByRole('heading', { name: 'Bin collections for 1 High Street, Anytown, AN1 1AA' })).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();
    await expect.element(page.getByText('Black wheelie bin')).toBeVisible();
    await expect.element(page.getByText(`Every other ${weekday(1)}`)).toBeVisible();
    await expect.element(page.getByText(`${shown(1)} (tomorrow)`)).toBeVisible();
    await expect.element(page.getByText('Green wheelie bin with a blue lid')).toBeVisible();
    await expect.element(page.getByText(`${shown(11)} (in 11 days)`)).toBeVisible();
    await expect.element(page.getByText(`${shown(0)} (today)`)).toBeVisible();
    await expect.element(page.getByText('Crews are collecting in your area today')).toBeVisible();
    // A week back (a missed collection is still news) to eight weeks ahead, from the clock.
    expect(calls[0]!.url.searchParams.get('from')).toBe(addDays(today, -7));
    expect(calls[0]!.url.searchParams.get('to')).toBe(addDays(today, 56));
    await expect.poll(lastAnnouncement).toContain('4 collection services found');
  });

  it('takes "today" from its today attribute, before its first fetch, over the page clock', async () => {
    const { calls } = mockApi({ [COLLECTIONS]: { body: anytownCollectionsOn('2028-02-29') } });
    await binDay('uprn="100000000001" today="2028-02-29"');
    await expect.element(page.getByText('Wednesday 1 March (tomorrow)')).toBeVisible();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.searchParams.get('from')).toBe('2028-02-22');
    expect(calls[0]!.url.searchParams.get('to')).toBe('2028-04-25');
  });

  it('shows a changed date with the usual day struck through and the reason', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    const el = await binDay();
    await expect.element(page.getByText('Bank holiday', { exact: false })).toBeVisible();
    const del = el.shadowRoot!.querySelector('del')!;
    expect(del.textContent).toContain(shown(39));
    expect(el.shadowRoot!.querySelector('ins')!.textContent).toContain(shown(40));
  });

  it('offers a missed-collection report only while the window is open', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await binDay();
    const links = page.getByRole('link', { name: 'Report a missed collection' });
    await expect.element(links).toHaveAttribute('href', '/report-missed-bin?service=recycling');
    expect(links.elements()).toHaveLength(1);
    await expect.element(page.getByText(`You can report a missed collection until the end of ${shown(1)}.`)).toBeVisible();
  });

  it('shows the garden waste subscription with a renew link', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await binDay();
    await expect.element(page.getByText('Your subscription has expired.')).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Renew your subscription' })).toHaveAttribute('href', '/garden-waste');
  });

  it('links to the council’s garden waste journey (garden-url) rather than the API’s renewUrl when given', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await binDay('uprn="100000000001" garden-url="/bins/garden-waste/"');
    await expect.element(page.getByRole('link', { name: 'Renew your subscription' })).toHaveAttribute('href', '/bins/garden-waste/');
  });

  it('links to the calendar feed and a webcal subscription', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await binDay();
    const download = page.getByRole('link', { name: 'Download calendar (.ics)' });
    await expect.element(download).toHaveAttribute('href', `${location.origin}/api/v1/waste/properties/100000000001/collections.ics?lang=en`);
    await expect.element(page.getByRole('link', { name: 'Add to your calendar app' })).toHaveAttribute('href', expect.stringMatching(/^webcal:\/\//));
  });

  it('links to the council’s bulky waste page when given one, and not otherwise', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await binDay('uprn="100000000001" bulky-url="/bins/bulky-waste/"');
    await expect.element(page.getByRole('link', { name: 'Book a bulky waste collection' })).toHaveAttribute('href', '/bins/bulky-waste/');
    document.querySelector('council-bin-day')!.parentElement!.remove();
    await binDay();
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();
    expect(page.getByRole('link', { name: 'Book a bulky waste collection' }).elements()).toHaveLength(0);
  });

  it('speaks Welsh, including frequency and relative days', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await binDay('uprn="100000000001"', 'cy');
    // "ar ddydd Mawrth": the day name mutates after "ail".
    await expect.element(page.getByText(`Bob yn ail d${weekday(1, 'cy').replace('Dydd', 'dydd')}`)).toBeVisible();
    await expect.element(page.getByText(`${shown(1, 'cy')} (yfory)`)).toBeVisible();
    await expect.element(page.getByText('Bin olwynion gwyrdd gyda chaead glas')).toBeVisible();
    // Mid-sentence, "dydd" is a common noun: lower case after "tan ddiwedd".
    await expect.element(page.getByText(`tan ddiwedd ${shown(1, 'cy').replace('Dydd', 'dydd')}.`)).toBeVisible();
    // The calendar is written in the page's language too.
    await expect.element(page.getByRole('link', { name: 'Lawrlwytho calendr (.ics)' })).toHaveAttribute('href', expect.stringMatching(/collections\.ics\?lang=cy$/));
  });

  it('explains communal collections when a property has no services', async () => {
    mockApi({ 'GET /api/v1/waste/properties/100000000099/collections': { body: communalCollections } });
    await binDay('uprn="100000000099"');
    await expect.element(page.getByText('We have no collections for this property')).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Contact us about your bins' })).toHaveAttribute('href', '/contact');
  });

  it('keeps the resident moving when the API fails, and recovers', async () => {
    mockApi({ [COLLECTIONS]: [{ status: 500 }, { status: 500 }, { status: 500 }, { body: anytownCollections }] });
    await binDay();
    await expect.element(page.getByText('Sorry, there is a problem with the service'), { timeout: 8000 }).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Contact us about your bins' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();
  });

  it('treats a response of the wrong shape as a service problem', async () => {
    mockApi({ [COLLECTIONS]: { body: { uprn: '100000000001', services: 'lots' } } });
    await binDay();
    await expect.element(page.getByText('Sorry, there is a problem with the service')).toBeVisible();
  });

  it('finds the address first, then remembers the property for the session only', async () => {
    mockApi({ 'GET /api/v1/addresses': { body: anytownAddresses }, [COLLECTIONS]: { body: anytownCollections } });
    await binDay('');
    await userEvent.fill(page.getByLabelText('Postcode'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Find address' }));
    await userEvent.selectOptions(page.getByLabelText('Select an address'), 'Flat 1, 2 High Street, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();
    expect(rememberedProperty()).toEqual({ uprn: '100000000001', address: anytownCollections.address });
    expect(location.href).not.toContain('100000000001');

    await userEvent.click(page.getByRole('button', { name: 'Change address' }));
    await expect.element(page.getByLabelText('Postcode')).toBeVisible();
    expect(rememberedProperty()).toBeUndefined();
  });

  it('does not remember the property when asked not to', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await binDay('uprn="100000000001" no-remember');
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();
    expect(rememberedProperty()).toBeUndefined();
  });

  it('renders hostile strings from the API as text', async () => {
    const hostile = structuredClone(anytownCollections);
    hostile.services[0]!.name = '<img src=x onerror="window.pwned=1">Rubbish';
    hostile.services[1]!.changedDates![0]!.reason = '<script>alert(1)</script>';
    mockApi({ [COLLECTIONS]: { body: hostile } });
    const el = await binDay();
    await expect.element(page.getByRole('heading', { name: '<img src=x onerror="window.pwned=1">Rubbish' })).toBeVisible();
    expect(el.shadowRoot!.querySelector('img, script')).toBeNull();
  });

  it('has Welsh for every message', () => {
    for (const key of Object.keys(binDayStrings.en)) expect(binDayStrings.cy, key).toHaveProperty(key);
  });
});
