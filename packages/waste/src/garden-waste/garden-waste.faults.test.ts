import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { expectInert, expectProblem, faults, faulty, hostileText, megabytes, tryAgain } from '../../../../scripts/faults.js';
import { gardenWasteStrings } from './garden-waste.i18n.js';
import type { GardenWaste } from './garden-waste.js';
import { anytownGardenOffer as newOffer } from '@council-kit/contracts/fixtures';
import './define.js';

const OFFER = 'GET /api/v1/waste/properties/100000000001/garden';
const SUBSCRIBE = 'POST /api/v1/waste/garden-subscriptions';
const DRAFT = `council-kit:garden-waste:${location.pathname}`;
const receipt = { status: 201, body: { reference: 'GW4H8N2W', amount: 3000, renewal: false, starts: '2026-12-03', expires: '2027-03-31' } };

/** A resident's answers, saved as the element saves them: the form opens at "Check your answers". */
function seedDraft(): void {
  sessionStorage.setItem(
    DRAFT,
    JSON.stringify({
      step: 'check',
      history: ['offer', 'bins', 'concession', 'contact'],
      answers: { property: { uprn: '100000000001', address: '1 High Street, Anytown, AN1 1AA' }, bins: '2', concession: 'no', contact: { email: '', phone: '07700 900982' } },
    }),
  );
}

async function garden(lang: 'en' | 'cy' = 'en', draft = true): Promise<GardenWaste> {
  if (draft) seedDraft();
  await fixture(`<div lang="${lang}"><council-garden-waste api-base="/api/v1" uprn="100000000001" contact-url="/contact"></council-garden-waste></div>`);
  return document.querySelector('council-garden-waste')!;
}

const send = (name = 'Send') => userEvent.click(page.getByRole('button', { name }));

describe('<council-garden-waste> when the API fails', () => {
  it.each(faults)('$name on Send: says so plainly, keeps every answer and the draft, and Try again sends the same request once', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, receipt);
    const { calls } = mockApi({ [OFFER]: { body: newOffer }, [SUBSCRIBE]: api.route });
    const el = await garden();
    await send();
    await expectProblem(el, fault);
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact');
    await expect.element(page.getByText('2 bins')).toBeVisible();
    await expect.element(page.getByText('07700 900982')).toBeVisible();
    expect(sessionStorage.getItem(DRAFT)).toContain('07700 900982');

    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: 'Garden waste subscription received' })).toBeVisible();
    const keys = new Set(calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('Idempotency-Key')));
    expect(keys.size).toBe(1);
    expect(sessionStorage.getItem(DRAFT)).toBeNull();
  });

  it.each(faults)('$name loading the offer: says so plainly, and Try again loads it', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { body: newOffer });
    mockApi({ [OFFER]: api.route });
    const el = await garden('en', false);
    await expectProblem(el, fault);
    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: 'Subscribe to garden waste collections' })).toBeVisible();
  });

  it('keeps the draft through a failed Send and a reload', async () => {
    mockApi({ [OFFER]: { body: newOffer }, [SUBSCRIBE]: { status: 503, headers: { 'Retry-After': '120' } } });
    await garden();
    await send();
    await expect.element(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    document.querySelector('council-garden-waste')!.parentElement!.remove();
    await fixture(`<council-garden-waste api-base="/api/v1" uprn="100000000001"></council-garden-waste>`);
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('2 bins')).toBeVisible();
  });

  it('explains a refusal in the element’s words (the property cannot have garden waste)', async () => {
    mockApi({
      [OFFER]: { body: newOffer },
      [SUBSCRIBE]: { status: 422, headers: { 'Content-Type': 'application/problem+json' }, body: { type: 'https://council-kit.dev/problems/garden-not-available', title: 'No garden waste collections here', status: 422 } },
    });
    await garden();
    await send();
    await expect.element(page.getByText('We do not collect garden waste from this address, so it cannot have a subscription.')).toBeVisible();
  });

  it('says so in Welsh on a Welsh page', async () => {
    const fault = faults.find((f) => f.name.startsWith('timeout'))!;
    fault.before?.();
    mockApi({ [OFFER]: { body: newOffer }, [SUBSCRIBE]: fault.answer });
    const el = await garden('cy');
    await send(gardenWasteStrings.cy.send as string);
    await expectProblem(el, fault, 'cy');
    await expect.element(page.getByText('2 bin', { exact: true })).toBeVisible();
  });

  it('stays usable with a multi-megabyte answer and a 100,000-character reference', async () => {
    mockApi({ [OFFER]: { body: newOffer }, [SUBSCRIBE]: { status: 201, body: { ...receipt.body, reference: megabytes(0.1), padding: megabytes(2) } } });
    const el = await garden();
    await send();
    await expect.element(page.getByRole('heading', { name: 'Garden waste subscription received' }), { timeout: 10_000 }).toBeVisible();
    expectInert(el);
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the API as harmless text, and never follows an unsafe payment link', async () => {
    const hostileTerms = { ...newOffer.terms, stickers: hostileText('Stickers'), cancellation: hostileText('Refunds') };
    mockApi({
      [OFFER]: { body: { ...newOffer, address: hostileText('1 High St'), terms: hostileTerms } },
      [SUBSCRIBE]: { status: 201, body: { ...receipt.body, reference: hostileText('GW4H'), paymentUrl: `javascript:${hostileText('x')}` } },
    });
    const el = await garden();
    await send();
    await expect.element(page.getByText(/^GW4H <img src=x/)).toBeVisible();
    expect(page.getByRole('link', { name: 'Pay now' }).elements()).toHaveLength(0);
    expectInert(el);
  });
});
