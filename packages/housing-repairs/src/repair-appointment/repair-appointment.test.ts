import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { coreStrings } from '@council-kit/core';
import { fixture, mockApi, type MockRoutes } from '@council-kit/core/testing';
import { manageTokenFixture as TOKEN, repairFixture, repairSlotsFixture, repairStatusFixture } from '@council-kit/contracts/fixtures';
import { repairAppointmentStrings } from './repair-appointment.i18n.js';
import { manageStrings } from './manage.i18n.js';
import './define.js';

const REPAIR = '/api/v1/repairs/RPX4T8WN';
const STATUS = 'GET /api/v1/repairs/RPX4T8WN/status';
const SLOTS = 'GET /api/v1/repairs/slots';
/** The manage link's reference and token, as attributes. */
const LINK = `reference="RPX4T8WN" token="${TOKEN}"`;

async function appointment(routes: MockRoutes, lang = 'en', attributes = LINK) {
  const api = mockApi({ [`GET ${REPAIR}`]: { body: repairFixture }, [STATUS]: { body: repairStatusFixture }, [SLOTS]: { body: repairSlotsFixture }, ...routes });
  await fixture(`<div lang="${lang}"><council-repair-appointment api-base="/api/v1" contact-url="/contact" ${attributes}></council-repair-appointment></div>`);
  const el = document.querySelector('council-repair-appointment')!;
  const events: CustomEvent[] = [];
  el.addEventListener('council-repair-updated', (e) => events.push(e));
  return { ...api, el, events };
}

const button = (name: string) => userEvent.click(page.getByRole('button', { name, exact: true }));
const heading = (name: string) => expect.element(page.getByRole('heading', { name })).toBeVisible();

async function find(reference = 'rpx4 t8wn', postcode = 'an11aa'): Promise<void> {
  await page.getByLabelText('Repair reference').fill(reference);
  await page.getByLabelText('Postcode of the property').fill(postcode);
  await button('Find repair');
}

describe('<council-repair-appointment>', () => {
  it('opens a repair from its manage link and shows its status, what was reported and the appointment', async () => {
    const { calls, el } = await appointment({});
    const steps: unknown[] = [];
    el.addEventListener('council-step-change', (e) => steps.push(e.detail));
    await heading('Repair RPX4T8WN');
    expect(steps).toEqual([{ step: 'view', index: 1, first: false, done: false }]);
    await expect.element(page.getByText('Booked')).toBeVisible();
    await expect.element(page.getByText('A tap is dripping')).toBeVisible();
    await expect.element(page.getByText('Wednesday 25 November 2026, morning (8am to midday)')).toBeVisible();
    // The token only in the Authorization header: never in the URL, never on another request.
    expect(calls[0]!.url.search).toBe('?lang=en');
    expect(calls[0]!.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(calls.every((c) => !c.url.href.includes(TOKEN))).toBe(true);
    expect(el.getAttribute('token')).toBe(TOKEN); // as the page wrote it, never reflected anywhere else
    expect(el.shadowRoot!.innerHTML).not.toContain(TOKEN);
  });

  it('reads the manage link from the page URL’s fragment', async () => {
    const before = location.href;
    history.replaceState(null, '', `#reference=rpx4t8wn&token=${TOKEN}`);
    try {
      const { calls } = await appointment({}, 'en', '');
      await heading('Repair RPX4T8WN');
      expect(calls[0]!.url.pathname).toBe(REPAIR);
      expect(calls[0]!.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('without the link, finds a repair by reference and postcode and shows its status only, saying the link is needed for more', async () => {
    const { calls } = await appointment({}, 'en', '');
    await expect.element(page.getByText(/use the link we gave you when you reported it. Without the link/)).toBeVisible();
    await find();
    await heading('Repair RPX4T8WN');
    await expect.element(page.getByText('Booked')).toBeVisible();
    await expect.element(page.getByText(/To see this repair’s details, or to move or cancel it, use the link/)).toBeVisible();
    expect(page.getByText('A tap is dripping').elements()).toHaveLength(0);
    expect(page.getByRole('button', { name: 'Change the appointment' }).elements()).toHaveLength(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.pathname).toBe('/api/v1/repairs/RPX4T8WN/status');
    expect(calls[0]!.url.search).toBe('?postcode=AN1+1AA');
    expect(calls[0]!.headers.has('Authorization')).toBe(false);
  });

  it('explains a link that does not work, or has expired, and offers the status instead', async () => {
    const problem = (status: number, type: string) => ({ status, body: { type: `https://council-kit.dev/problems/${type}`, title: type, status } });
    await appointment({ [`GET ${REPAIR}`]: problem(404, 'not-found') });
    await expect.element(page.getByRole('link', { name: /The link you used does not work/ })).toBeVisible();
    await expect.element(page.getByLabelText('Repair reference')).toHaveValue('RPX4T8WN');
    document.querySelector('council-repair-appointment')!.parentElement!.remove();

    await appointment({ [`GET ${REPAIR}`]: problem(403, 'manage-link-expired') });
    await expect.element(page.getByRole('link', { name: /This repair is closed, so its link no longer works/ })).toBeVisible();
    await page.getByLabelText('Postcode of the property').fill('AN1 1AA');
    await button('Find repair');
    await heading('Repair RPX4T8WN');
  });

  it('validates the reference and postcode', async () => {
    const { calls, el } = await appointment({}, 'en', '');
    await button('Find repair');
    await expect.element(page.getByRole('link', { name: 'Enter your repair reference' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Enter the postcode of the property' })).toBeVisible();
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).toBe(true);
    await find('RP7', 'NOTAPOSTCODE');
    await expect.element(page.getByRole('link', { name: 'Repair reference must be 8 letters and numbers, like RP7K2M9Q' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Enter a real postcode, like AN1 1AA' })).toBeVisible();
    expect(calls).toHaveLength(0);
  });

  it('says the same thing whether the reference is unknown or the postcode does not match', async () => {
    await appointment({ [STATUS]: { status: 404, body: { type: 'https://council-kit.dev/problems/not-found', title: 'Not found', status: 404 } } }, 'en', '');
    await find();
    await expect.element(page.getByRole('link', { name: /We could not find a repair with that reference and postcode/ })).toBeVisible();
    await expect.element(page.getByLabelText('Repair reference')).toHaveValue('rpx4 t8wn');
  });

  it('moves the appointment to a new slot, showing the current one and checking the new one first', async () => {
    const moved = { ...repairFixture, appointment: { date: '2026-11-26', period: 'all-day' } };
    const { calls, events } = await appointment({ [`PATCH ${REPAIR}`]: { body: moved } });
    await button('Change the appointment');
    await expect.element(page.getByRole('group', { name: 'Choose a new appointment' })).toBeVisible();
    await expect.element(page.getByText('Your appointment is on Wednesday 25 November 2026, morning (8am to midday).')).toBeVisible();
    await button('Continue');
    await expect.element(page.getByRole('link', { name: 'Select an appointment' })).toBeVisible();
    await userEvent.click(page.getByLabelText('All day (8am to 6pm)'));
    await button('Continue');
    // The check page: old and new, a Change link back to the slots; nothing sent yet.
    await heading('Check your new appointment');
    await expect.element(page.getByText('Wednesday 25 November 2026, morning (8am to midday)')).toBeVisible();
    await expect.element(page.getByText('Thursday 26 November 2026, all day (8am to 6pm)')).toBeVisible();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    await button('Change New appointment');
    await expect.element(page.getByLabelText('All day (8am to 6pm)')).toBeChecked();
    await button('Continue');
    await heading('Check your new appointment');
    await button('Change appointment');
    await heading('Appointment changed');
    await expect.element(page.getByText('We will come on Thursday 26 November 2026, all day (8am to 6pm).')).toBeVisible();
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(JSON.parse(patch.body)).toEqual({ slotId: 'slot-2026-11-26-all-day' });
    expect(patch.url.search).toBe('?lang=en');
    expect(patch.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(calls.find((c) => c.url.pathname.endsWith('/slots'))!.url.search).toBe('?sor=20110&uprn=100000000001');
    expect(events[0]!.detail).toEqual({ reference: 'RPX4T8WN', action: 'moved' });
  });

  it('asks for another slot when the chosen one was just taken', async () => {
    await appointment({ [`PATCH ${REPAIR}`]: { status: 409, body: { type: 'https://council-kit.dev/problems/slot-taken', title: 'Taken', status: 409 } } });
    await button('Change the appointment');
    await userEvent.click(page.getByLabelText('All day (8am to 6pm)'));
    await button('Continue');
    await button('Change appointment');
    await expect.element(page.getByRole('link', { name: 'That appointment has just been booked by someone else. Choose another.' })).toBeVisible();
    await expect.element(page.getByRole('group', { name: 'Choose a new appointment' })).toBeVisible();
  });

  it('cancels with a reason, asking for detail when the reason is "other", after an are-you-sure page', async () => {
    const { calls, events, el } = await appointment({ [`DELETE ${REPAIR}`]: { body: { ...repairFixture, status: 'cancelled' } } });
    await button('Cancel this repair');
    await button('Continue');
    await expect.element(page.getByRole('link', { name: 'Select why you want to cancel the repair' })).toBeVisible();
    await userEvent.click(page.getByLabelText('Another reason'));
    await button('Continue');
    await expect.element(page.getByRole('link', { name: 'Tell us why you want to cancel the repair' })).toBeVisible();
    await page.getByLabelText('Tell us why').fill('Moving out');
    await button('Continue');
    await heading('Are you sure you want to cancel this repair?');
    await expect.element(page.getByText('Moving out')).toBeVisible();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    // A red warning button, not the green primary.
    expect(el.shadowRoot!.querySelector('button.warning')!.textContent).toBe('Cancel repair');
    await button('Cancel repair');
    await heading('Repair cancelled');
    const cancel = calls.find((c) => c.method === 'DELETE')!;
    expect(JSON.parse(cancel.body)).toEqual({ reason: 'other', detail: 'Moving out' });
    expect(cancel.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(events[0]!.detail).toEqual({ reference: 'RPX4T8WN', action: 'cancelled' });
  });

  it('keeps the repair from the are-you-sure page, sending nothing', async () => {
    const { calls, events } = await appointment({});
    await button('Cancel this repair');
    await userEvent.click(page.getByLabelText('The problem has been fixed'));
    await button('Continue');
    await expect.element(page.getByText('The problem has been fixed')).toBeVisible();
    await button('Keep the repair');
    await heading('Repair RPX4T8WN');
    await expect.element(page.getByRole('button', { name: 'Cancel this repair' })).toBeVisible();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    expect(events).toHaveLength(0);
  });

  it('accepts an empty answer to a cancellation', async () => {
    await appointment({ [`DELETE ${REPAIR}`]: { status: 204 } });
    await button('Cancel this repair');
    await userEvent.click(page.getByLabelText('The problem has been fixed'));
    await button('Continue');
    await button('Cancel repair');
    await heading('Repair cancelled');
  });

  it('offers no changes to a closed repair, and explains one closed meanwhile', async () => {
    await appointment({ [`GET ${REPAIR}`]: { body: { ...repairFixture, status: 'completed' } } });
    await expect.element(page.getByText('Completed')).toBeVisible();
    await expect.element(page.getByText('This repair is closed, so it cannot be changed online.')).toBeVisible();
    expect(page.getByRole('button', { name: 'Cancel this repair' }).elements()).toHaveLength(0);
    document.querySelector('council-repair-appointment')!.parentElement!.remove();

    // Cancelled meanwhile, elsewhere: its token has expired.
    await appointment({ [`DELETE ${REPAIR}`]: { status: 403, body: { type: 'https://council-kit.dev/problems/manage-link-expired', title: 'Expired', status: 403 } } });
    await button('Cancel this repair');
    await userEvent.click(page.getByLabelText('The problem has been fixed'));
    await button('Continue');
    await button('Cancel repair');
    await expect.element(page.getByText('This repair is closed, so it cannot be changed online.')).toBeVisible();
    expect(page.getByRole('button', { name: 'Cancel this repair' }).elements()).toHaveLength(0);
  });

  it('keeps the resident moving when the service fails', async () => {
    await appointment({ [`GET ${REPAIR}`]: [{ status: 503 }, { status: 503 }, { status: 503 }, { body: repairFixture }] });
    await expect.element(page.getByText('Sorry, there is a problem with the service')).toBeVisible();
    await button('Try again');
    await heading('Repair RPX4T8WN');
  });

  it('moves and cancels in Welsh, with the current appointment and the check pages in Welsh', async () => {
    await appointment({}, 'cy');
    await button('Newid yr apwyntiad');
    await expect.element(page.getByText('Mae eich apwyntiad ar ddydd Mercher 25 Tachwedd 2026, bore (8yb i ganol dydd).')).toBeVisible();
    await userEvent.click(page.getByLabelText(/Drwy’r dydd/));
    await button('Parhau');
    await heading('Gwiriwch eich apwyntiad newydd');
    await expect.element(page.getByText('Apwyntiad presennol')).toBeVisible();
    await button('Yn ôl');
    await button('Yn ôl');
    await button('Canslo’r gwaith trwsio hwn');
    await userEvent.click(page.getByLabelText('Mae’r broblem wedi’i datrys'));
    await button('Parhau');
    await heading('Ydych chi’n siŵr eich bod eisiau canslo’r gwaith trwsio hwn?');
    await expect.element(page.getByRole('button', { name: 'Canslo’r gwaith trwsio', exact: true })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Cadw’r gwaith trwsio' })).toBeVisible();
  });

  it('works in Welsh, with Welsh for every message', async () => {
    await appointment({}, 'cy', '');
    await expect.element(page.getByRole('heading', { name: 'Dod o hyd i’ch gwaith trwsio' })).toBeVisible();
    await button('Dod o hyd i’r gwaith trwsio');
    await expect.element(page.getByRole('link', { name: 'Rhowch gyfeirnod eich gwaith trwsio' })).toBeVisible();
    for (const catalogue of [repairAppointmentStrings, manageStrings]) {
      for (const key of Object.keys(catalogue.en)) expect(catalogue.cy, key).toHaveProperty(key);
      // The flow translates the problem panel and error summary with the element's catalogue first.
      for (const key of Object.keys(coreStrings.en)) expect(catalogue.en, key).not.toHaveProperty(key);
    }
  });
});
