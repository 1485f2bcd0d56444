import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { finishStrings } from './finish.i18n.js';
import { gardenWasteStrings } from './garden-waste.i18n.js';
import { paymentReturnStrings } from './payment-return.i18n.js';
import type { GardenWaste } from './garden-waste.js';
import { anytownGardenOffer as newOffer, anytownGardenRenewal as renewalOffer } from '@council-kit/contracts/fixtures';
import './define.js';

const OFFER = 'GET /api/v1/waste/properties/100000000001/garden';
const SUBSCRIBE = 'POST /api/v1/waste/garden-subscriptions';
const receipt = { reference: 'GW4H8N2W', amount: 1500, renewal: false, starts: '2026-12-03', expires: '2027-03-31', collectionsStart: '2026-12-15' };

async function garden(lang = 'en'): Promise<GardenWaste> {
  await fixture(`<div lang="${lang}"><council-garden-waste api-base="/api/v1" uprn="100000000001" contact-url="/contact"></council-garden-waste></div>`);
  return document.querySelector('council-garden-waste')!;
}

const click = (name: string) => userEvent.click(page.getByRole('button', { name }));
async function chooseAndContinue(label: string): Promise<void> {
  await userEvent.click(page.getByLabelText(label, { exact: true }));
  await click('Continue');
}

describe('<council-garden-waste>', () => {
  it('subscribes a late starter at the API’s prices, with the concession, and says a payment link will follow', async () => {
    const { calls } = mockApi({ [OFFER]: { body: newOffer }, [SUBSCRIBE]: { status: 201, body: { ...receipt, amount: 1500 } } });
    const el = await garden();
    const events: CustomEvent[] = [];
    el.addEventListener('council-garden-subscribed', (e) => events.push(e as CustomEvent));

    await expect.element(page.getByRole('heading', { name: 'Subscribe to garden waste collections' })).toBeVisible();
    await expect.element(page.getByText('This address does not have a garden waste subscription.')).toBeVisible();
    await expect.element(page.getByText(/from 3 December 2026 to 31 March 2027/)).toBeVisible();
    await expect.element(page.getByText(/the 4 months left/)).toBeVisible();
    await click('Continue');
    await expect.element(page.getByText('£30.00')).toBeVisible();
    await chooseAndContinue('2 bins');
    await chooseAndContinue('Yes');
    await click('Continue');
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('£15.00')).toBeVisible();
    await expect.element(page.getByText('You can cancel within 14 days of paying for a full refund.')).toBeVisible();
    await click('Send');

    await expect.element(page.getByRole('heading', { name: 'Garden waste subscription received' })).toBeVisible();
    await expect.element(page.getByText('We will send you a link to pay £15.00. Your subscription starts once you have paid.')).toBeVisible();
    await expect.element(page.getByText('Your first collection will be on 15 December 2026.')).toBeVisible();
    await expect.element(page.getByText('We will post you a green sticker for each bin.')).toBeVisible();
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body)).toEqual({ uprn: '100000000001', bins: 2, concession: true, contact: {} });
    expect(calls.find((c) => c.method === 'GET')!.url.searchParams.get('lang')).toBe('en');
    expect(events[0]!.detail).toEqual({ reference: 'GW4H8N2W', bins: 2, renewal: false, payment: false });
  });

  it('renews from “how many bins” with the bins held now filled in, and hands off to GOV.UK Pay', async () => {
    const token = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';
    mockApi({
      [OFFER]: { body: renewalOffer },
      [SUBSCRIBE]: { status: 201, body: { ...receipt, amount: 9000, renewal: true, paymentUrl: 'https://card.payments.example/secure/1', payment: { status: 'created', amount: 9000, token } } },
    });
    await garden();
    await expect.element(page.getByRole('heading', { name: 'Renew your garden waste subscription' })).toBeVisible();
    await expect.element(page.getByText('Your subscription for 2 bins runs until 31 March 2027.')).toBeVisible();
    await click('Continue');
    await expect.element(page.getByLabelText('2 bins', { exact: true })).toBeChecked();
    await click('Continue');
    await chooseAndContinue('No');
    await click('Continue');
    await expect.element(page.getByText('£90.00')).toBeVisible();
    await click('Send');
    await expect.element(page.getByRole('heading', { name: 'Garden waste renewal received' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Pay now' })).toHaveAttribute('href', 'https://card.payments.example/secure/1');
  });

  it('says when a property cannot have garden waste, or is subscribed and not yet due, with no way on but the contact link', async () => {
    mockApi({ [OFFER]: { body: { ...newOffer, eligible: false, canSubscribe: false, prices: [] } } });
    await garden();
    await expect.element(page.getByRole('heading', { name: 'We do not collect garden waste from this address' })).toBeVisible();
    expect(page.getByRole('button', { name: 'Continue' }).elements()).toHaveLength(0);
    document.querySelector('council-garden-waste')!.parentElement!.remove();
    sessionStorage.clear();

    mockApi({ [OFFER]: { body: { ...renewalOffer, canSubscribe: false, renewFrom: '2027-02-03', prices: [] } } });
    await garden();
    await expect.element(page.getByText('Your subscription for 2 bins runs until 31 March 2027. You can renew it from 3 February 2027.')).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact');
  });

  it('asks for each answer with GOV.UK error messages', async () => {
    mockApi({ [OFFER]: { body: newOffer } });
    await garden();
    await click('Continue');
    await click('Continue');
    await expect.element(page.getByRole('link', { name: 'Select how many bins' })).toBeVisible();
    await chooseAndContinue('1 bin');
    await click('Continue');
    await expect.element(page.getByRole('link', { name: 'Select yes if you qualify for the concession' })).toBeVisible();
  });

  it('skips the concession question when the council has none', async () => {
    const { concession: _none, ...terms } = newOffer.terms;
    mockApi({ [OFFER]: { body: { ...newOffer, terms, prices: newOffer.prices.map(({ bins, amount }) => ({ bins, amount })) } } });
    await garden();
    await click('Continue');
    await chooseAndContinue('1 bin');
    await expect.element(page.getByRole('heading', { name: 'How can we contact you about this?' })).toBeVisible();
  });

  it('works in Welsh, asking the API in Welsh', async () => {
    const { calls } = mockApi({ [OFFER]: { body: newOffer } });
    await garden('cy');
    await expect.element(page.getByRole('heading', { name: 'Tanysgrifio i gasgliadau gwastraff gardd' })).toBeVisible();
    expect(calls[0]!.url.searchParams.get('lang')).toBe('cy');
    await click('Parhau');
    await expect.element(page.getByLabelText('2 bin', { exact: true })).toBeVisible();
  });

  it('has Welsh for every message', () => {
    for (const catalogue of [gardenWasteStrings, finishStrings, paymentReturnStrings]) for (const key of Object.keys(catalogue.en)) expect(catalogue.cy, key).toHaveProperty(key);
  });
});
