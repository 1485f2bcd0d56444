import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { finishStrings } from './finish.i18n.js';
import { containerRequestStrings } from './container-request.i18n.js';
import type { ContainerRequest } from './container-request.js';
import './define.js';

const REQUEST = 'POST /api/v1/waste/container-requests';

async function request(lang = 'en'): Promise<ContainerRequest> {
  await fixture(`<div lang="${lang}"><council-container-request api-base="/api/v1" uprn="100000000001"></council-container-request></div>`);
  const el = document.querySelector('council-container-request')!;
  el.containers = [
    { id: 'refuse', name: { en: 'Rubbish bin (black)', cy: 'Bin sbwriel (du)' }, charge: { en: 'A replacement bin costs £25, including delivery.', cy: 'Mae bin newydd yn costio £25, gan gynnwys ei ddanfon.' } },
    { id: 'garden', name: 'Garden waste bin', reasons: ['lost', 'damaged'] },
  ];
  await el.updateComplete;
  return el;
}

async function chooseAndContinue(label: string): Promise<void> {
  await userEvent.click(page.getByLabelText(label));
  await userEvent.click(page.getByRole('button', { name: 'Continue' }));
}

describe('<council-container-request>', () => {
  it('requests a replacement bin, shows the charge before sending, and hands off to payment', async () => {
    const { calls } = mockApi({ [REQUEST]: { status: 201, body: { reference: 'CR4H8N2W', paymentUrl: 'https://pay.anytown.example/cr4h8n2w' } } });
    const el = await request();
    const events: CustomEvent[] = [];
    el.addEventListener('council-container-requested', (e) => events.push(e as CustomEvent));

    await chooseAndContinue('Rubbish bin (black)');
    await chooseAndContinue('It is damaged');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('A replacement bin costs £25, including delivery.')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));

    await expect.element(page.getByRole('heading', { name: 'Request sent' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Pay now' })).toHaveAttribute('href', 'https://pay.anytown.example/cr4h8n2w');
    expect(JSON.parse(calls[0]!.body)).toEqual({ uprn: '100000000001', containerId: 'refuse', reason: 'damaged', contact: {} });
    expect(events[0]!.detail).toEqual({ reference: 'CR4H8N2W', containerId: 'refuse', reason: 'damaged', payment: true });
  });

  it('offers only the reasons a container allows, and no charge for a new property', async () => {
    mockApi({ [REQUEST]: { status: 201, body: { reference: 'CR4H8N2W' } } });
    await request();
    await chooseAndContinue('Garden waste bin');
    expect(page.getByRole('radio').elements()).toHaveLength(2);
    await userEvent.click(page.getByRole('button', { name: 'Back' }));
    await chooseAndContinue('Rubbish bin (black)');
    await chooseAndContinue('I have moved into a new property');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    expect(document.querySelector('council-container-request')!.shadowRoot!.querySelector('.warning')).toBeNull();
  });

  it('never follows a payment URL with an unsafe scheme', async () => {
    mockApi({ [REQUEST]: { status: 201, body: { reference: 'CR4H8N2W', paymentUrl: 'javascript:alert(1)' } } });
    await request();
    await chooseAndContinue('Rubbish bin (black)');
    await chooseAndContinue('It is lost');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('heading', { name: 'Request sent' })).toBeVisible();
    expect(page.getByRole('link', { name: 'Pay now' }).elements()).toHaveLength(0);
  });

  it('asks for each answer with GOV.UK error messages', async () => {
    await request();
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('link', { name: 'Select the bin or container you need' })).toBeVisible();
    await chooseAndContinue('Rubbish bin (black)');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('link', { name: 'Select why you need it' })).toBeVisible();
  });

  it('keeps answers when sending fails', async () => {
    mockApi({ [REQUEST]: { networkError: true } });
    await request();
    await chooseAndContinue('Rubbish bin (black)');
    await chooseAndContinue('It was stolen');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByText('We could not connect to the service. Check your connection and try again.')).toBeVisible();
    await expect.element(page.getByText('It was stolen')).toBeVisible();
  });

  it('works in Welsh, with the council’s Welsh names', async () => {
    await request('cy');
    await expect.element(page.getByRole('group', { name: 'Pa fin neu gynhwysydd sydd ei angen arnoch?' })).toBeVisible();
    await expect.element(page.getByLabelText('Bin sbwriel (du)')).toBeVisible();
  });

  it('has Welsh for every message', () => {
    for (const catalogue of [containerRequestStrings, finishStrings]) for (const key of Object.keys(catalogue.en)) expect(catalogue.cy, key).toHaveProperty(key);
  });
});
