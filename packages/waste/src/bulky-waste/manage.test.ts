import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { BOOKING, booking, DATES, dates, REFERENCE, TOKEN, UPRN } from './test-fixtures.js';
import './define.js';

async function open(lang = 'en'): Promise<HTMLElement> {
  history.replaceState(null, '', `#reference=${REFERENCE}&token=${TOKEN}`);
  await fixture(`<div lang="${lang}"><council-bulky-waste api-base="/api/v1" contact-url="/contact"></council-bulky-waste></div>`);
  return document.querySelector('council-bulky-waste')!;
}

afterEach(() => history.replaceState(null, '', location.pathname));

describe('<council-bulky-waste> from its manage link', () => {
  it('shows the booking, moves it to another date with the token in the Authorization header, and says so', async () => {
    const { calls } = mockApi({ [`GET ${BOOKING}`]: { body: booking }, [DATES]: { body: dates }, [`PATCH ${BOOKING}`]: { body: { ...booking, collectionDate: '2026-12-22' } } });
    const el = await open();
    const events: CustomEvent[] = [];
    el.addEventListener('council-bulky-changed', (e) => events.push(e as CustomEvent));
    await expect.element(page.getByRole('heading', { name: 'Your bulky waste collection' })).toBeVisible();
    await expect.element(page.getByText('1 × Sofa')).toBeVisible();
    await expect.element(page.getByText(/You can change the date or cancel until 12:00, Monday 14 December 2026/)).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Change the date' }));
    // Its own date is not offered again.
    await expect.element(page.getByLabelText('Tuesday 22 December 2026')).toBeVisible();
    expect(page.getByRole('radio').elements()).toHaveLength(2);
    await userEvent.click(page.getByLabelText('Tuesday 22 December 2026'));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('heading', { name: 'Collection date changed' })).toBeVisible();
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(JSON.parse(patch.body)).toEqual({ collectionDate: '2026-12-22' });
    expect(patch.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(calls.every((c) => !c.url.href.includes(TOKEN))).toBe(true);
    expect(calls.find((c) => c.url.pathname.endsWith('/bulky-dates'))!.url.pathname).toBe(`/api/v1/waste/properties/${UPRN}/bulky-dates`);
    expect(events[0]!.detail).toEqual({ reference: REFERENCE, action: 'moved' });
  });

  it('cancels after asking if they are sure', async () => {
    const { calls } = mockApi({ [`GET ${BOOKING}`]: { body: booking }, [`DELETE ${BOOKING}`]: { body: { ...booking, status: 'cancelled', changeable: false } } });
    await open();
    await userEvent.click(page.getByRole('button', { name: 'Cancel this collection' }));
    await expect.element(page.getByRole('heading', { name: 'Are you sure you want to cancel this collection?' })).toBeVisible();
    expect(page.getByRole('heading').elements()).toHaveLength(1);
    await userEvent.click(page.getByRole('button', { name: 'Yes, cancel this collection' }));
    await expect.element(page.getByRole('heading', { name: 'Collection cancelled' })).toBeVisible();
    expect(calls.some((c) => c.method === 'DELETE' && c.headers.get('Authorization') === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('after the cut-off: explains it is too late online, with the contact link, and offers no change', async () => {
    mockApi({ [`GET ${BOOKING}`]: { body: { ...booking, changeable: false } } });
    await open();
    await expect.element(page.getByText('It is too late to change or cancel this collection online. Contact us if you need to.')).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact');
    expect(page.getByRole('button', { name: 'Change the date' }).elements()).toHaveLength(0);
  });

  it('explains a cut-off that passed while the resident was choosing', async () => {
    mockApi({
      [`GET ${BOOKING}`]: { body: booking },
      [`DELETE ${BOOKING}`]: { status: 422, body: { type: 'https://council-kit.dev/problems/change-closed', title: 'This booking can no longer be changed', status: 422 } },
    });
    await open();
    await userEvent.click(page.getByRole('button', { name: 'Cancel this collection' }));
    await userEvent.click(page.getByRole('button', { name: 'Yes, cancel this collection' }));
    await expect.element(page.getByText('It is now too late to change or cancel this collection online. Contact us if you need to.')).toBeVisible();
  });

  it('a wrong or expired link: says so in Welsh, never a blank box', async () => {
    mockApi({ [`GET ${BOOKING}`]: { status: 404, body: { type: 'https://council-kit.dev/problems/not-found', title: 'Booking not found', status: 404 } } });
    await open('cy');
    await expect.element(page.getByRole('heading', { name: 'Nid oeddem yn gallu dod o hyd i’r archeb hon' })).toBeVisible();
  });
});
