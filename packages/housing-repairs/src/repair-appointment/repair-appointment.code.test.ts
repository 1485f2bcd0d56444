import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi, type MockRoutes } from '@council-kit/core/testing';
import { manageCodeSentFixture, manageTokenGrantFixture, repairFixture, repairSlotsFixture, repairStatusFixture } from '@council-kit/contracts/fixtures';
import { expectProblem, faults, faulty, tryAgain } from '../../../../scripts/faults.js';
import type { RepairAppointment } from './repair-appointment.js';
import './define.js';

/*
 * Without the manage link: find the repair by reference and postcode, get a one-time code sent
 * to the contact details on it, and enter the code; the repair then opens as from the link.
 */

const REPAIR = '/api/v1/repairs/RPX4T8WN';
const STATUS = 'GET /api/v1/repairs/RPX4T8WN/status';
const CODE = `POST ${REPAIR}/code`;
const TOKEN = `POST ${REPAIR}/token`;
const GRANTED = manageTokenGrantFixture.manageToken;
const problem = (status: number, type: string) => ({ status, body: { type: `https://council-kit.dev/problems/${type}`, title: type, status } });

async function appointment(routes: MockRoutes, lang: 'en' | 'cy' = 'en') {
  const api = mockApi({
    [`GET ${REPAIR}`]: { body: repairFixture },
    [STATUS]: { body: repairStatusFixture },
    [CODE]: { status: 202, body: manageCodeSentFixture },
    [TOKEN]: { status: 201, body: manageTokenGrantFixture },
    'GET /api/v1/repairs/slots': { body: repairSlotsFixture },
    ...routes,
  });
  await fixture(`<div lang="${lang}"><council-repair-appointment api-base="/api/v1" contact-url="/contact"></council-repair-appointment></div>`);
  return { ...api, el: document.querySelector('council-repair-appointment') as RepairAppointment };
}

const button = (name: string) => userEvent.click(page.getByRole('button', { name, exact: true }));
const heading = (name: string) => expect.element(page.getByRole('heading', { name })).toBeVisible();

async function find(lang: 'en' | 'cy' = 'en'): Promise<void> {
  await page.getByLabelText(lang === 'en' ? 'Repair reference' : 'Cyfeirnod y gwaith trwsio').fill('rpx4 t8wn');
  await page.getByLabelText(lang === 'en' ? 'Postcode of the property' : 'Cod post yr eiddo').fill('an11aa');
  await button(lang === 'en' ? 'Find repair' : 'Dod o hyd i’r gwaith trwsio');
}

async function toCodePage(): Promise<void> {
  await find();
  await heading('Repair RPX4T8WN');
  await button('Get a code to change this appointment');
  await heading('Check your phone');
}

describe('<council-repair-appointment> without the link: a one-time code', () => {
  it('sends a code to the contact details on the repair, takes it, and opens the repair as the link does', async () => {
    const { calls, el } = await appointment({});
    await find();
    await expect.element(page.getByText(/we can send a code to the email address or mobile number you gave us/)).toBeVisible();
    await button('Get a code to change this appointment');
    await heading('Check your phone');
    await expect.element(page.getByText('We have sent a code to *** 982. It works for 15 minutes.')).toBeVisible();
    const ask = calls.find((c) => c.method === 'POST' && c.url.pathname.endsWith('/code'))!;
    expect(JSON.parse(ask.body)).toEqual({ postcode: 'AN1 1AA' });
    expect(ask.url.search).toBe('?lang=en');
    expect(ask.headers.has('Authorization')).toBe(false);

    // GOV.UK's one-time code input.
    const input = page.getByLabelText('Enter the code');
    await expect.element(input).toHaveAttribute('inputmode', 'numeric');
    await expect.element(input).toHaveAttribute('autocomplete', 'one-time-code');
    await expect.element(page.getByText('The code is 6 numbers')).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact');
    await button('Continue');
    await expect.element(page.getByRole('link', { name: 'Enter the code we sent you' })).toBeVisible();
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).toBe(true);
    await input.fill('12a456');
    await button('Continue');
    await expect.element(page.getByRole('link', { name: 'The code must be 6 numbers' })).toBeVisible();
    expect(calls.some((c) => c.url.pathname.endsWith('/token'))).toBe(false);

    await input.fill('123 456');
    await button('Continue');
    await heading('Repair RPX4T8WN');
    await expect.element(page.getByText('A tap is dripping')).toBeVisible();
    const exchange = calls.find((c) => c.url.pathname.endsWith('/token'))!;
    expect(JSON.parse(exchange.body)).toEqual({ postcode: 'AN1 1AA', code: '123456' });
    const read = calls.filter((c) => c.method === 'GET' && c.url.pathname === REPAIR).at(-1)!;
    expect(read.headers.get('Authorization')).toBe(`Bearer ${GRANTED}`);
    // The token only in memory and the Authorization header: never in a URL, the page or an attribute.
    expect(calls.every((c) => !c.url.href.includes(GRANTED))).toBe(true);
    expect(el.shadowRoot!.innerHTML).not.toContain(GRANTED);
    expect(el.hasAttribute('token')).toBe(false);

    // Then as from the link: moving sends the new token; Back goes to the question.
    await button('Change the appointment');
    await userEvent.click(page.getByLabelText('All day (8am to 6pm)'));
    await button('Continue');
    await button('Back');
    await button('Back');
    await heading('Repair RPX4T8WN');
    await button('Back');
    await heading('Find your repair');
  });

  it('says when the code is wrong or has expired, and sends a new one on request', async () => {
    const { calls } = await appointment({ [TOKEN]: [problem(422, 'manage-code-not-valid'), { status: 201, body: manageTokenGrantFixture }] });
    await toCodePage();
    await page.getByLabelText('Enter the code').fill('000000');
    await button('Continue');
    await expect.element(page.getByRole('link', { name: 'The code is not right, or it has expired. Check it, or send a new code.' })).toBeVisible();
    await button('Send a new code');
    await expect.element(page.getByLabelText('Enter the code')).toHaveValue('');
    expect(calls.filter((c) => c.url.pathname.endsWith('/code'))).toHaveLength(2);
    // The error has gone with the old code.
    expect(page.getByRole('link', { name: /The code is not right/ }).elements()).toHaveLength(0);
    await page.getByLabelText('Enter the code').fill('654321');
    await button('Continue');
    await heading('Repair RPX4T8WN');
  });

  it('says to contact the council when there is nothing to send a code to', async () => {
    const { calls } = await appointment({ [CODE]: problem(422, 'no-contact-details') });
    await find();
    await button('Get a code to change this appointment');
    await expect.element(page.getByText(/We cannot send a code for this repair/)).toBeVisible();
    expect(page.getByRole('button', { name: 'Get a code to change this appointment' }).elements()).toHaveLength(0);
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toBeVisible();
    expect(calls.filter((c) => c.url.pathname.endsWith('/code'))).toHaveLength(1);
  });

  it('offers no code for a closed repair', async () => {
    await appointment({ [STATUS]: { body: { reference: 'RPX4T8WN', status: 'completed' } } });
    await find();
    await expect.element(page.getByText('Completed')).toBeVisible();
    expect(page.getByRole('button', { name: 'Get a code to change this appointment' }).elements()).toHaveLength(0);
  });

  it('works in Welsh', async () => {
    const { calls } = await appointment({ [CODE]: { status: 202, body: { channel: 'email', hint: 'j***@e***.com' } } }, 'cy');
    await find('cy');
    await button('Cael cod i newid yr apwyntiad hwn');
    await heading('Gwiriwch eich e-bost');
    await expect.element(page.getByText('Rydym wedi anfon cod i j***@e***.com. Mae’n gweithio am 15 munud.')).toBeVisible();
    expect(calls.find((c) => c.url.pathname.endsWith('/code'))!.url.search).toBe('?lang=cy');
    await button('Parhau');
    await expect.element(page.getByRole('link', { name: 'Rhowch y cod a anfonwyd atoch' })).toBeVisible();
  });
});

describe('<council-repair-appointment> one-time code when the API fails', () => {
  it.each(faults)('$name asking for a code: says so plainly, and Try again sends it', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { status: 202, body: manageCodeSentFixture });
    const { el } = await appointment({ [CODE]: api.route });
    await find();
    await button('Get a code to change this appointment');
    await expectProblem(el, fault);
    api.heal();
    await tryAgain();
    await heading('Check your phone');
  });

  it.each(faults)('$name exchanging the code: says so plainly, keeps the code typed, and Try again opens the repair', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { status: 201, body: manageTokenGrantFixture });
    const { el, calls } = await appointment({ [TOKEN]: api.route });
    await toCodePage();
    await page.getByLabelText('Enter the code').fill('123456');
    await button('Continue');
    await expectProblem(el, fault);
    api.heal();
    await tryAgain();
    await heading('Repair RPX4T8WN');
    expect(calls.filter((c) => c.url.pathname.endsWith('/token')).map((c) => JSON.parse(c.body).code)).toContain('123456');
  });
});
