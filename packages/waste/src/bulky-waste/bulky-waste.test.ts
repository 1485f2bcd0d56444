import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { bulkyWasteStrings } from './bulky-waste.i18n.js';
import { finishStrings } from './finish.i18n.js';
import { manageStrings } from './manage.i18n.js';
import type { BulkyWaste } from './bulky-waste.js';
import { BOOK, catalogue, CATALOGUE, DATES, dates, receipt, UPRN } from './test-fixtures.js';
import './define.js';

async function form(lang = 'en'): Promise<BulkyWaste> {
  await fixture(`<div lang="${lang}"><council-bulky-waste api-base="/api/v1" uprn="${UPRN}" no-remember manage-url="https://www.anytown.example/bins/bulky-waste/manage/"></council-bulky-waste></div>`);
  return document.querySelector('council-bulky-waste')!;
}

const next = () => userEvent.click(page.getByRole('button', { name: 'Continue' }));

/** Ticks a sofa and a mattress, leaves them in the front garden and picks 15 December. */
async function answerUpToCheck(): Promise<void> {
  await userEvent.click(page.getByLabelText('Sofa', { exact: true }));
  await userEvent.click(page.getByLabelText('Mattress', { exact: true }));
  await next();
  await userEvent.click(page.getByLabelText('In the front garden'));
  await next();
  await userEvent.click(page.getByLabelText('Tuesday 15 December'));
  await next();
  await next(); // no contact details
}

describe('<council-bulky-waste>', () => {
  it('books: items with how many, where, a date grouped by week, check answers with the total, and a confirmation with how to pay and change it', async () => {
    const { calls } = mockApi({ [CATALOGUE]: { body: catalogue }, [DATES]: { body: dates }, [BOOK]: { status: 201, body: receipt } });
    const el = await form();
    const events: CustomEvent[] = [];
    el.addEventListener('council-bulky-booked', (e) => events.push(e as CustomEvent));

    await expect.element(page.getByRole('group', { name: 'What do you need collected?' })).toBeVisible();
    await expect.element(page.getByText('Ask a tyre fitter.')).toBeVisible();
    await answerUpToCheck();
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('1 × Sofa, 1 × Mattress')).toBeVisible();
    await expect.element(page.getByText('Total to pay: £35.00')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));

    await expect.element(page.getByRole('heading', { name: 'Collection booked' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Pay now' })).toHaveAttribute('href', receipt.paymentUrl);
    await expect.element(page.getByRole('link', { name: 'Change or cancel this booking' })).toHaveAttribute('href', `https://www.anytown.example/bins/bulky-waste/manage/#reference=BK4H8N2W&token=${receipt.manageToken}`);
    const dateCall = calls.find((c) => c.url.pathname.endsWith('/bulky-dates'))!;
    expect(dateCall.url.searchParams.get('items')).toBe('sofa:1,mattress:1');
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(sent.body)).toEqual({ uprn: UPRN, items: [{ id: 'sofa', quantity: 1 }, { id: 'mattress', quantity: 1 }], location: 'front-garden', collectionDate: '2026-12-15', contact: {} });
    expect(sent.headers.get('Idempotency-Key')).toBeTruthy();
    expect(events[0]!.detail).toEqual({ reference: 'BK4H8N2W', collectionDate: '2026-12-15', amount: 3500 });
  });

  it('groups the dates by week', async () => {
    mockApi({ [CATALOGUE]: { body: catalogue }, [DATES]: { body: dates } });
    await form();
    await userEvent.click(page.getByLabelText('Sofa', { exact: true }));
    await next();
    await userEvent.click(page.getByLabelText('On the driveway'));
    await next();
    await expect.element(page.getByText('Week beginning 7 December')).toBeVisible();
    await expect.element(page.getByText('Week beginning 14 December')).toBeVisible();
    expect(page.getByRole('radio').elements()).toHaveLength(3);
  });

  it('asks for each answer with GOV.UK error messages: an item, a whole number, not too many, where, a date', async () => {
    mockApi({ [CATALOGUE]: { body: catalogue }, [DATES]: { body: dates } });
    await form();
    await next();
    await expect.element(page.getByRole('link', { name: 'Select at least one item' })).toBeVisible();
    await userEvent.click(page.getByLabelText('Sofa', { exact: true }));
    await userEvent.fill(page.getByLabelText('How many? (Sofa)'), 'two');
    await next();
    await expect.element(page.getByRole('link', { name: 'Enter how many, as a whole number, for Sofa' })).toBeVisible();
    await userEvent.fill(page.getByLabelText('How many? (Sofa)'), '5');
    await next();
    await expect.element(page.getByRole('link', { name: /We can collect up to 4 items/ })).toBeVisible();
    await userEvent.fill(page.getByLabelText('How many? (Sofa)'), '2');
    await next();
    await next();
    await expect.element(page.getByRole('link', { name: 'Select where you will leave the items' })).toBeVisible();
    await userEvent.click(page.getByLabelText('Somewhere else'));
    await next();
    await expect.element(page.getByRole('link', { name: 'Enter where you will leave the items' })).toBeVisible();
    await userEvent.fill(page.getByLabelText('Where exactly?'), 'By the side gate');
    await next();
    await next();
    await expect.element(page.getByRole('link', { name: 'Select a collection date' })).toBeVisible();
  });

  it('sends the resident back to choose another date when theirs has just filled', async () => {
    mockApi({
      [CATALOGUE]: { body: catalogue },
      [DATES]: [{ body: dates }, { body: { ...dates, dates: ['2026-12-22'] } }],
      [BOOK]: { status: 409, body: { type: 'https://council-kit.dev/problems/date-full', title: 'This date has just filled up', status: 409 } },
    });
    await form();
    await answerUpToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('link', { name: 'That date has just been filled. Choose another date.' })).toBeVisible();
    await expect.element(page.getByLabelText('Tuesday 22 December')).toBeVisible();
    expect(page.getByRole('radio').elements()).toHaveLength(1);
  });

  it('works in Welsh, with the council’s Welsh item names', async () => {
    mockApi({ [CATALOGUE]: { body: catalogue } });
    await form('cy');
    await expect.element(page.getByRole('group', { name: 'Beth sydd angen i ni ei gasglu?' })).toBeVisible();
    await expect.element(page.getByLabelText('Soffa', { exact: true })).toBeVisible();
    await expect.element(page.getByText('Gofynnwch i osodwr teiars.')).toBeVisible();
  });

  it('has Welsh for every message', () => {
    for (const strings of [bulkyWasteStrings, finishStrings, manageStrings]) for (const key of Object.keys(strings.en)) expect(strings.cy, key).toHaveProperty(key);
  });
});
