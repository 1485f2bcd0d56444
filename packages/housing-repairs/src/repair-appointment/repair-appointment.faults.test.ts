import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi, type MockRoutes } from '@council-kit/core/testing';
import { manageTokenFixture, repairFixture, repairSlotsFixture, repairStatusFixture } from '@council-kit/contracts/fixtures';
import { expectInert, expectProblem, faults, faulty, hostileText, megabytes, tryAgain } from '../../../../scripts/faults.js';
import { repairAppointmentStrings as strings } from './repair-appointment.i18n.js';
import type { RepairAppointment } from './repair-appointment.js';
import './define.js';

const REPAIR = '/api/v1/repairs/RPX4T8WN';
const STATUS = 'GET /api/v1/repairs/RPX4T8WN/status';
const SLOTS = 'GET /api/v1/repairs/slots';
/** Opened from its manage link (reference and token); '' to find it by reference and postcode. */
const LINK = `reference="RPX4T8WN" token="${manageTokenFixture}"`;

async function appointment(routes: MockRoutes, lang: 'en' | 'cy' = 'en', attributes = LINK) {
  const api = mockApi({ [`GET ${REPAIR}`]: { body: repairFixture }, [STATUS]: { body: repairStatusFixture }, [SLOTS]: { body: repairSlotsFixture }, ...routes });
  await fixture(`<div lang="${lang}"><council-repair-appointment api-base="/api/v1" contact-url="/contact" ${attributes}></council-repair-appointment></div>`);
  return { ...api, el: document.querySelector('council-repair-appointment') as RepairAppointment };
}

const t = (key: string, lang: 'en' | 'cy' = 'en') => strings[lang][key as keyof (typeof strings)['en']] as string;
const button = (name: string) => userEvent.click(page.getByRole('button', { name, exact: true }));
const heading = (name: string) => expect.element(page.getByRole('heading', { name })).toBeVisible();

async function find(lang: 'en' | 'cy' = 'en'): Promise<void> {
  await page.getByLabelText(t('referenceLabel', lang)).fill('rpx4 t8wn');
  await page.getByLabelText(t('postcodeLabel', lang)).fill('an11aa');
  await button(t('find', lang));
}

async function cancelWithDetail(): Promise<void> {
  await heading('Repair RPX4T8WN');
  await button('Cancel this repair');
  await userEvent.click(page.getByLabelText('Another reason'));
  await page.getByLabelText('Tell us why').fill('Moving out on Friday');
  await button('Continue');
  await button('Cancel repair');
}

describe('<council-repair-appointment> when the API fails', () => {
  it.each(faults)('$name finding the repair: says so plainly, keeps what was typed, and Try again finds it', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { body: repairStatusFixture });
    const { calls, el } = await appointment({ [STATUS]: api.route }, 'en', '');
    await find();
    await expectProblem(el, fault);
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact');
    // Back to the question shows the answers as typed.
    await button('Back');
    await expect.element(page.getByLabelText('Repair reference')).toHaveValue('rpx4 t8wn');
    await expect.element(page.getByLabelText('Postcode of the property')).toHaveValue('an11aa');
    await button('Find repair');
    await expectProblem(el, fault);

    api.heal();
    await tryAgain();
    await heading('Repair RPX4T8WN');
    expect(calls.at(-1)!.url.searchParams.get('postcode')).toBe('AN1 1AA');
  });

  it.each(faults)('$name loading appointments, then moving: says so plainly each time, keeps the slot chosen, and Try again moves it once', async (fault) => {
    fault.before?.();
    const slots = faulty(fault.answer, { body: repairSlotsFixture });
    const move = faulty(fault.answer, { body: { ...repairFixture, appointment: { date: '2026-11-26', period: 'all-day' } } });
    const { calls, el } = await appointment({ [SLOTS]: slots.route, [`PATCH ${REPAIR}`]: move.route });
    await button('Change the appointment');
    await expectProblem(el, fault);
    slots.heal();
    await tryAgain();
    await userEvent.click(page.getByLabelText('All day (8am to 6pm)'));
    await button('Continue');
    await button('Change appointment');
    await expectProblem(el, fault);
    move.heal();
    await tryAgain();
    await heading('Appointment changed');
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches.map((c) => JSON.parse(c.body))).toEqual(patches.map(() => ({ slotId: 'slot-2026-11-26-all-day' })));
  });

  it.each(faults)('$name cancelling: says so plainly, keeps the reason typed, and Try again cancels', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { body: { ...repairFixture, status: 'cancelled' } });
    const { calls, el } = await appointment({ [`DELETE ${REPAIR}`]: api.route });
    await cancelWithDetail();
    await expectProblem(el, fault);
    api.heal();
    await tryAgain();
    await heading('Repair cancelled');
    expect(JSON.parse(calls.at(-1)!.body)).toEqual({ reason: 'other', detail: 'Moving out on Friday' });
  });

  it('keeps the reason typed when the resident goes back after a failed cancellation', async () => {
    const { el } = await appointment({ [`DELETE ${REPAIR}`]: { networkError: true } });
    await cancelWithDetail();
    await expectProblem(el, faults.find((f) => f.name === 'dropped connection')!);
    // Back to the are-you-sure page's question, the reason as typed.
    await button('Back');
    await expect.element(page.getByLabelText('Tell us why')).toHaveValue('Moving out on Friday');
  });

  it('says so in Welsh on a Welsh page', async () => {
    const fault = faults.find((f) => f.name.startsWith('valid JSON'))!;
    const { el } = await appointment({ [`GET ${REPAIR}`]: fault.answer }, 'cy');
    await expectProblem(el, fault, 'cy');
    await expect.element(page.getByRole('link', { name: t('contactLink', 'cy') })).toBeVisible();
  });

  it('stays usable with a multi-megabyte repair and thousands of appointments', async () => {
    const slots = Array.from({ length: 2000 }, (_, i) => ({ id: `slot-${i}`, date: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, period: 'am' as const }));
    const { el } = await appointment({
      [`GET ${REPAIR}`]: { body: { ...repairFixture, description: megabytes(0.1, 'Drips. '), padding: megabytes(2) } },
      [SLOTS]: { body: { ...repairSlotsFixture, slots } },
    });
    await heading('Repair RPX4T8WN');
    await button('Change the appointment');
    await expect.element(page.getByRole('group', { name: 'Choose a new appointment' }), { timeout: 10_000 }).toBeVisible();
    expectInert(el);
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the API as harmless text', async () => {
    const hostile = { ...repairFixture, label: hostileText('Tap'), description: hostileText('Described'), address: hostileText('Flat 1') };
    const { el } = await appointment({ [`GET ${REPAIR}`]: { body: hostile } });
    await expect.element(page.getByText(/^Tap <img src=x/)).toBeVisible();
    await expect.element(page.getByText(/^Described <img src=x/)).toBeVisible();
    expectInert(el);
  });
});
