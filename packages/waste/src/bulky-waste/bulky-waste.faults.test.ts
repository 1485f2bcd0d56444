import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { expectInert, expectProblem, faults, faulty, hostileText, tryAgain } from '../../../../scripts/faults.js';
import type { BulkyWaste } from './bulky-waste.js';
import { BOOK, catalogue, CATALOGUE, DATES, dates, receipt, UPRN } from './test-fixtures.js';
import './define.js';

const DRAFT = `council-kit:bulky-waste:${location.pathname}`;
const answers = {
  property: { uprn: UPRN, address: '1 High Street, Anytown, AN1 1AA' },
  items: { sofa: '1' },
  location: 'kerbside',
  locationDetail: '',
  collectionDate: '2026-12-15',
  contact: { email: '', phone: '07700 900982' },
};

/** A resident's answers, saved as the element saves them, on `step`. */
function seedDraft(step: 'check' | 'date'): void {
  const history = step === 'check' ? ['items', 'location', 'date', 'contact'] : ['items', 'location'];
  sessionStorage.setItem(DRAFT, JSON.stringify({ step, history, answers: step === 'check' ? answers : { ...answers, collectionDate: '' } }));
}

async function form(lang: 'en' | 'cy' = 'en', attrs = `uprn="${UPRN}"`): Promise<BulkyWaste> {
  await fixture(`<div lang="${lang}"><council-bulky-waste api-base="/api/v1" ${attrs} contact-url="/contact"></council-bulky-waste></div>`);
  return document.querySelector('council-bulky-waste')!;
}

const send = (name = 'Send') => userEvent.click(page.getByRole('button', { name }));

describe('<council-bulky-waste> when the API fails', () => {
  it.each(faults)('$name on Send: says so plainly, keeps every answer and the draft, and Try again sends the same booking once', async (fault) => {
    fault.before?.();
    seedDraft('check');
    const api = faulty(fault.answer, { status: 201, body: receipt });
    const { calls } = mockApi({ [CATALOGUE]: { body: catalogue }, [BOOK]: api.route });
    const el = await form();
    await send();
    await expectProblem(el, fault);
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact');
    await expect.element(page.getByText('1 × Sofa')).toBeVisible();
    expect(sessionStorage.getItem(DRAFT)).toContain('07700 900982');
    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: 'Collection booked' })).toBeVisible();
    const keys = new Set(calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('Idempotency-Key')));
    expect(keys.size).toBe(1);
    expect(sessionStorage.getItem(DRAFT)).toBeNull();
  });

  it.each(faults)('$name loading the catalogue: says so, and Try again loads the items', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { body: catalogue });
    mockApi({ [CATALOGUE]: api.route });
    const el = await form();
    await expectProblem(el, fault);
    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('group', { name: 'What do you need collected?' })).toBeVisible();
  });

  it.each(faults.filter((f) => !f.name.startsWith('429')))('$name loading the dates: says so, and Try again loads them', async (fault) => {
    fault.before?.();
    seedDraft('date');
    const api = faulty(fault.answer, { body: dates });
    mockApi({ [CATALOGUE]: { body: catalogue }, [DATES]: api.route });
    const el = await form();
    await expectProblem(el, fault);
    api.heal();
    await tryAgain();
    await expect.element(page.getByLabelText('Tuesday 15 December')).toBeVisible();
  });

  it('no dates left: says so, in Welsh too, with the contact link', async () => {
    seedDraft('date');
    mockApi({ [CATALOGUE]: { body: catalogue }, [DATES]: { body: { ...dates, dates: [] } } });
    await form('cy');
    await expect.element(page.getByRole('heading', { name: 'Nid oes dyddiadau casglu ar ôl' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Cysylltu â ni' })).toBeVisible();
  });

  it('a property with communal bins: explains there are no bulky collections, never a blank box', async () => {
    seedDraft('date');
    mockApi({ [CATALOGUE]: { body: catalogue }, [DATES]: { status: 422, body: { type: 'https://council-kit.dev/problems/bulky-not-served', title: 'No bulky waste collections here', status: 422 } } });
    await form();
    await expect.element(page.getByRole('heading', { name: 'We do not collect bulky waste from this property' })).toBeVisible();
  });

  it('an invalid postcode: the address lookup says what to enter', async () => {
    mockApi({ [CATALOGUE]: { body: catalogue } });
    await form('en', 'no-remember');
    await userEvent.fill(page.getByLabelText('Postcode'), 'NOT A POSTCODE');
    await userEvent.click(page.getByRole('button', { name: 'Find address' }));
    await expect.element(page.getByRole('link', { name: 'Enter a full UK postcode, like AN1 1AA' })).toBeVisible();
  });

  it('keeps the draft through a failed Send and a reload', async () => {
    seedDraft('check');
    mockApi({ [CATALOGUE]: { body: catalogue }, [BOOK]: { status: 503, headers: { 'Retry-After': '120' } } });
    await form();
    await send();
    await expect.element(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    document.querySelector('council-bulky-waste')!.parentElement!.remove();
    await fixture(`<council-bulky-waste api-base="/api/v1" uprn="${UPRN}"></council-bulky-waste>`);
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('1 × Sofa')).toBeVisible();
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the API as harmless text, and never follows an unsafe payment link', async () => {
    const hostileCatalogue = { ...catalogue, items: [{ ...catalogue.items[0]!, label: { en: hostileText('Sofa'), cy: hostileText('Soffa') } }], refused: [{ ...catalogue.refused[0]!, instead: { en: hostileText('Tip'), cy: hostileText('Tip') } }] };
    seedDraft('check');
    mockApi({ [CATALOGUE]: { body: hostileCatalogue }, [BOOK]: { status: 201, body: { ...receipt, reference: hostileText('BK4H'), paymentUrl: `javascript:${hostileText('x')}` } } });
    const el = await form();
    await expect.element(page.getByText(/^1 × Sofa <img src=x/)).toBeVisible();
    await send();
    await expect.element(page.getByText(/^BK4H <img src=x/)).toBeVisible();
    expect(page.getByRole('link', { name: 'Pay now' }).elements()).toHaveLength(0);
    expectInert(el);
  });
});
