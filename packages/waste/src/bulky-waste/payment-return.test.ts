import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { paymentReturnStrings } from './payment-return.i18n.js';
import { BOOK, CATALOGUE, catalogue, DATES, dates, receipt, REFERENCE, UPRN } from './test-fixtures.js';
import './define.js';

// The page GOV.UK Pay sends the resident back to (`?payment=<reference>&token=<token>`), and a
// booking whose payment GOV.UK Pay could not start: the shared return page (shared/payment-return.ts).
const PAY_TOKEN = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';
const PAYMENT = `/api/v1/waste/bulky-bookings/${REFERENCE}/payment`;
const here = location.pathname + location.search;

afterEach(() => history.replaceState(null, '', here));

const state = (status: string, extra: object = {}) => ({ status: 200, body: { reference: REFERENCE, status, amount: 3500, ...extra } });

describe('<council-bulky-waste> and GOV.UK Pay', () => {
  it('back from Pay: says the collection is paid for, asking with the token in a header; in Welsh a failed one can be paid again', async () => {
    const { calls } = mockApi({ [`GET ${PAYMENT}`]: state('paid') });
    history.replaceState(null, '', `${location.pathname}?payment=${REFERENCE.toLowerCase()}&token=${PAY_TOKEN}`);
    await fixture('<div lang="en"><council-bulky-waste api-base="/api/v1"></council-bulky-waste></div>');
    await expect.element(page.getByRole('heading', { name: 'Payment received' })).toBeVisible();
    await expect.element(page.getByText('Your bulky waste collection is confirmed.', { exact: false })).toBeVisible();
    const read = calls.find((c) => c.url.pathname === PAYMENT)!;
    expect(read.headers.get('Authorization')).toBe(`Bearer ${PAY_TOKEN}`);
    expect(read.url.search).toBe('');
    document.querySelector('council-bulky-waste')!.parentElement!.remove();

    const welsh = mockApi({ [`GET ${PAYMENT}`]: state('failed'), [`POST ${PAYMENT}`]: { status: 201, body: { reference: REFERENCE, status: 'created', amount: 3500, paymentUrl: 'https://card.payments.service.gov.uk/secure/abc' } } });
    await fixture('<div lang="cy"><council-bulky-waste api-base="/api/v1"></council-bulky-waste></div>');
    await expect.element(page.getByRole('heading', { name: 'Nid oedd eich taliad yn llwyddiannus' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Rhoi cynnig arall ar dalu' }));
    await expect.element(page.getByRole('link', { name: 'Talu nawr' })).toHaveAttribute('href', 'https://card.payments.service.gov.uk/secure/abc');
    expect(welsh.calls.find((c) => c.method === 'POST')!.url.searchParams.get('lang')).toBe('cy');
  });

  it('a booking whose payment Pay could not start says so, with "Try paying again"', async () => {
    mockApi({ [CATALOGUE]: { body: catalogue }, [DATES]: { body: dates }, [BOOK]: { status: 201, body: { ...receipt, paymentUrl: undefined, payment: { status: 'not-started', amount: 3500, token: PAY_TOKEN } } } });
    await fixture(`<div lang="en"><council-bulky-waste api-base="/api/v1" uprn="${UPRN}" no-remember></council-bulky-waste></div>`);
    await userEvent.click(page.getByLabelText('Sofa', { exact: true }));
    await userEvent.click(page.getByLabelText('Mattress', { exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByLabelText('In the front garden'));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByLabelText('Tuesday 15 December'));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('heading', { name: 'We could not take your payment' })).toBeVisible();
    await expect.element(page.getByText(`No money has been taken. Your booking ${REFERENCE} is saved, but the collection is not confirmed until you have paid £35.00.`)).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Try paying again' })).toBeVisible();
  });

  it('has Welsh for every message of the return page', () => {
    for (const key of Object.keys(paymentReturnStrings.en)) expect(paymentReturnStrings.cy, key).toHaveProperty(key);
  });
});
