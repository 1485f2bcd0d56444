import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { paymentReturnStrings } from './payment-return.i18n.js';
import type { ContainerRequest } from './container-request.js';
import './define.js';

// The page GOV.UK Pay sends the resident back to: `?payment=<reference>&token=<token>`.
const REFERENCE = 'CR4H8N2W';
const TOKEN = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';
const PAYMENT = `/api/v1/waste/container-requests/${REFERENCE}/payment`;
const here = location.pathname + location.search;

afterEach(() => history.replaceState(null, '', here));

async function backFromPay(lang = 'en'): Promise<ContainerRequest> {
  history.replaceState(null, '', `${location.pathname}?payment=${REFERENCE.toLowerCase()}&token=${TOKEN}`);
  await fixture(`<div lang="${lang}"><council-container-request api-base="/api/v1"></council-container-request></div>`);
  return document.querySelector('council-container-request')!;
}

const state = (status: string, extra: object = {}) => ({ status: 200, body: { reference: REFERENCE, status, amount: 3500, ...extra } });

describe('<council-container-request> back from GOV.UK Pay', () => {
  it('says the payment was received, with the amount and what happens next, asking with the token in a header', async () => {
    const { calls } = mockApi({ [`GET ${PAYMENT}`]: state('paid') });
    const el = await backFromPay();
    await expect.element(page.getByRole('heading', { name: 'Payment received' })).toBeVisible();
    await expect.element(page.getByText('You paid £35.00.')).toBeVisible();
    await expect.element(page.getByText(REFERENCE)).toBeVisible();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(calls[0]!.url.search).toBe('');
    // Focus moves to the outcome, so a screen reader reads it first.
    expect(el.shadowRoot!.activeElement?.textContent).toBe('Payment received');
  });

  it('says a payment failed, took no money, and makes a fresh one on "Try paying again"', async () => {
    const { calls } = mockApi({
      [`GET ${PAYMENT}`]: state('failed'),
      [`POST ${PAYMENT}`]: { status: 201, body: { reference: REFERENCE, status: 'created', amount: 3500, paymentUrl: 'https://card.payments.service.gov.uk/secure/abc' } },
    });
    await backFromPay();
    await expect.element(page.getByRole('heading', { name: 'Your payment was not successful' })).toBeVisible();
    await expect.element(page.getByText(`No money has been taken. Your request ${REFERENCE} is saved, but we cannot deliver your container until you have paid £35.00.`)).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Try paying again' }));
    await expect.element(page.getByRole('heading', { name: 'Pay for your container' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Pay now' })).toHaveAttribute('href', 'https://card.payments.service.gov.uk/secure/abc');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url.searchParams.get('lang')).toBe('en');
    expect(post.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('in Welsh: a cancelled payment, with a Welsh button, and Pay’s Welsh pages asked for', async () => {
    const { calls } = mockApi({ [`GET ${PAYMENT}`]: state('cancelled'), [`POST ${PAYMENT}`]: { status: 201, body: { reference: REFERENCE, status: 'created', amount: 3500 } } });
    await backFromPay('cy');
    await expect.element(page.getByRole('heading', { name: 'Rydych wedi canslo eich taliad' })).toBeVisible();
    await expect.element(page.getByText(/ni allwn ddanfon eich cynhwysydd nes i chi dalu £35\.00/)).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Rhoi cynnig arall ar dalu' }));
    await expect.element(page.getByRole('heading', { name: 'Talu am eich cynhwysydd' })).toBeVisible();
    expect(calls.find((c) => c.method === 'POST')!.url.searchParams.get('lang')).toBe('cy');
  });

  it('says a payment still being processed is, and checks again when asked', async () => {
    mockApi({ [`GET ${PAYMENT}`]: [state('created', { paymentUrl: 'https://card.payments.service.gov.uk/secure/abc' }), state('paid')] });
    await backFromPay();
    await expect.element(page.getByRole('heading', { name: 'Your payment is being processed' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Continue to payment' })).toHaveAttribute('href', 'https://card.payments.service.gov.uk/secure/abc');
    await userEvent.click(page.getByRole('button', { name: 'Check again' }));
    await expect.element(page.getByRole('heading', { name: 'Payment received' })).toBeVisible();
  });

  it('shows a problem with "Try again" when the API cannot be reached', async () => {
    mockApi({ [`GET ${PAYMENT}`]: [{ networkError: true }, { networkError: true }, { networkError: true }, state('error')] });
    await backFromPay();
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(page.getByRole('heading', { name: 'We could not take your payment' })).toBeVisible();
  });

  it('leaves a page without a valid return query to the form', async () => {
    history.replaceState(null, '', `${location.pathname}?payment=${REFERENCE}&token=short`);
    const { calls } = mockApi({});
    await fixture(`<council-container-request api-base="/api/v1"></council-container-request>`);
    await expect.element(page.getByText('Loading').or(page.getByRole('textbox').first())).toBeVisible();
    expect(calls.filter((c) => c.url.pathname.endsWith('/payment'))).toHaveLength(0);
  });

  it('offers "Try paying again" on the confirmation when Pay could not start the payment', async () => {
    const { calls } = mockApi({
      'POST /api/v1/waste/container-requests': { status: 201, body: { reference: REFERENCE, payment: { status: 'not-started', amount: 3500, token: TOKEN } } },
      [`POST ${PAYMENT}`]: { status: 201, body: { reference: REFERENCE, status: 'created', amount: 3500, paymentUrl: 'https://card.payments.service.gov.uk/secure/def' } },
    });
    await fixture(`<council-container-request api-base="/api/v1" uprn="100000000001"></council-container-request>`);
    const choose = async (label: string) => {
      await userEvent.click(page.getByLabelText(label));
      await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    };
    await choose('Rubbish bin (black)');
    await choose('It is damaged');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('heading', { name: 'We could not take your payment' })).toBeVisible();
    await expect.element(page.getByText(`No money has been taken. Your request ${REFERENCE} is saved`, { exact: false })).toBeVisible();
    expect(page.getByRole('link', { name: 'Pay now' }).elements()).toHaveLength(0);
    expect(calls.filter((c) => c.url.pathname === PAYMENT)).toHaveLength(0);
    await userEvent.click(page.getByRole('button', { name: 'Try paying again' }));
    await expect.element(page.getByRole('link', { name: 'Pay now' })).toHaveAttribute('href', 'https://card.payments.service.gov.uk/secure/def');
    expect(calls.find((c) => c.url.pathname === PAYMENT)!.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('has every message in Welsh', () => {
    expect(Object.keys(paymentReturnStrings.cy).sort()).toEqual(Object.keys(paymentReturnStrings.en).sort());
  });
});
