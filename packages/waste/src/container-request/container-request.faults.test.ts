import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { expectInert, expectProblem, faults, faulty, hostileText, megabytes, tryAgain } from '../../../../scripts/faults.js';
import { containerRequestStrings } from './container-request.i18n.js';
import type { ContainerRequest } from './container-request.js';
import './define.js';

const REQUEST = 'POST /api/v1/waste/container-requests';
const DRAFT = `council-kit:container-request:${location.pathname}`;
const receipt = { status: 201, body: { reference: 'CR4H8N2W' } };

/** A resident's answers, saved as the element saves them: the form opens at "Check your answers". */
function seedDraft(): void {
  sessionStorage.setItem(
    DRAFT,
    JSON.stringify({
      step: 'check',
      history: ['container', 'reason', 'contact'],
      answers: {
        property: { uprn: '100000000001', address: '1 High Street, Anytown, AN1 1AA' },
        containerId: 'refuse',
        reason: 'stolen',
        contact: { email: '', phone: '07700 900982' },
      },
    }),
  );
}

async function request(lang: 'en' | 'cy' = 'en'): Promise<ContainerRequest> {
  seedDraft();
  await fixture(`<div lang="${lang}"><council-container-request api-base="/api/v1" uprn="100000000001" contact-url="/contact"></council-container-request></div>`);
  return document.querySelector('council-container-request')!;
}

const send = (name = 'Send') => userEvent.click(page.getByRole('button', { name }));

describe('<council-container-request> when the API fails', () => {
  it.each(faults)('$name on Send: says so plainly, keeps every answer and the draft, and Try again sends the same request once', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, receipt);
    const { calls } = mockApi({ [REQUEST]: api.route });
    const el = await request();
    await send();
    await expectProblem(el, fault);
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact');
    await expect.element(page.getByText('It was stolen')).toBeVisible();
    await expect.element(page.getByText('07700 900982')).toBeVisible();
    expect(sessionStorage.getItem(DRAFT)).toContain('07700 900982');

    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: 'Request sent' })).toBeVisible();
    const keys = new Set(calls.map((c) => c.headers.get('Idempotency-Key')));
    expect(keys.size).toBe(1);
    expect(sessionStorage.getItem(DRAFT)).toBeNull();
  });

  it('keeps the draft through a failed Send and a reload', async () => {
    mockApi({ [REQUEST]: { status: 503, headers: { 'Retry-After': '120' } } });
    await request();
    await send();
    await expect.element(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    document.querySelector('council-container-request')!.parentElement!.remove();
    await fixture(`<council-container-request api-base="/api/v1" uprn="100000000001"></council-container-request>`);
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('It was stolen')).toBeVisible();
  });

  it('says so in Welsh on a Welsh page', async () => {
    const fault = faults.find((f) => f.name.startsWith('timeout'))!;
    fault.before?.();
    mockApi({ [REQUEST]: fault.answer });
    const el = await request('cy');
    await send(containerRequestStrings.cy.send as string);
    await expectProblem(el, fault, 'cy');
    await expect.element(page.getByText('Bin sbwriel (du)')).toBeVisible();
  });

  it('stays usable with a multi-megabyte answer and a 100,000-character reference', async () => {
    mockApi({ [REQUEST]: { status: 201, body: { reference: megabytes(0.1), padding: megabytes(2) } } });
    const el = await request();
    await send();
    await expect.element(page.getByRole('heading', { name: 'Request sent' }), { timeout: 10_000 }).toBeVisible();
    expectInert(el);
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the API as harmless text, and never follows an unsafe payment link', async () => {
    mockApi({ [REQUEST]: { status: 201, body: { reference: hostileText('CR4H'), paymentUrl: `javascript:${hostileText('x')}` } } });
    const el = await request();
    await send();
    await expect.element(page.getByText(/^CR4H <img src=x/)).toBeVisible();
    expect(page.getByRole('link', { name: 'Pay now' }).elements()).toHaveLength(0);
    expectInert(el);
  });
});
