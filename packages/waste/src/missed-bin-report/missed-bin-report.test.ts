import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addDays } from '@council-kit/contracts';
import { formatDate } from '@council-kit/core';
import { fixture, mockApi, testToday } from '@council-kit/core/testing';
import { anytownAddresses, anytownCollectionsOn } from '@council-kit/contracts/fixtures';
import { finishStrings } from './finish.i18n.js';
import { missedBinReportStrings } from './missed-bin-report.i18n.js';
import type { MissedBinReport } from './missed-bin-report.js';
import { rememberProperty } from '../shared/property-store.js';
import './define.js';

const COLLECTIONS = 'GET /api/v1/waste/properties/100000000001/collections';
const REPORT = 'POST /api/v1/waste/missed-collections';
// Dated from the suite's clock: recycling, collected three days ago, is the one still reportable.
const anytownCollections = anytownCollectionsOn(testToday());
const missedDate = addDays(testToday(), -3);

async function report(attrs = 'uprn="100000000001"', lang = 'en'): Promise<MissedBinReport> {
  await fixture(`<div lang="${lang}"><council-missed-bin-report api-base="/api/v1" bin-day-url="/bins" contact-url="/contact" ${attrs}></council-missed-bin-report></div>`);
  return document.querySelector('council-missed-bin-report')!;
}

async function answerUpToCheck(): Promise<void> {
  await userEvent.click(page.getByLabelText(/Recycling/));
  await userEvent.click(page.getByRole('button', { name: 'Continue' }));
  await expect.element(page.getByRole('group', { name: `Was your bin out by 7am on ${formatDate(missedDate, 'en', { year: false })}?` })).toBeVisible();
  await userEvent.click(page.getByLabelText('Yes'));
  await userEvent.click(page.getByRole('button', { name: 'Continue' }));
  await userEvent.fill(page.getByLabelText('Email address (optional)'), 'resident@example.org');
  await userEvent.click(page.getByRole('button', { name: 'Continue' }));
  await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
}

describe('<council-missed-bin-report>', () => {
  it('reports a missed collection through question pages, idempotently, and confirms with a reference', async () => {
    const { calls } = mockApi({ [COLLECTIONS]: { body: anytownCollections }, [REPORT]: { status: 201, body: { reference: 'MB7K2P9Q' } } });
    const el = await report();
    const events: CustomEvent[] = [];
    el.addEventListener('council-missed-bin-reported', (e) => events.push(e as CustomEvent));

    // Only services inside their report window are offered.
    await expect.element(page.getByRole('group', { name: 'Which collection was missed?' })).toBeVisible();
    expect(page.getByRole('radio').elements()).toHaveLength(1);
    await answerUpToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));

    await expect.element(page.getByRole('heading', { name: 'Missed collection reported' })).toBeVisible();
    // In the element, not the page: the live region may still be saying the reference too.
    await expect.element(page.elementLocator(el).getByText('MB7K2P9Q', { exact: true })).toBeVisible();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(post.body)).toEqual({
      uprn: '100000000001',
      serviceId: 'recycling',
      collectionDate: missedDate,
      binOutInTime: true,
      contact: { email: 'resident@example.org' },
    });
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(events[0]!.detail).toEqual({ reference: 'MB7K2P9Q', serviceId: 'recycling', duplicate: false });
    expect(JSON.stringify(events[0]!.detail)).not.toContain('example.org');
    expect(sessionStorage.getItem('council-kit:missed-bin-report:' + location.pathname)).toBeNull();
  });

  it('shows errors in the summary and inline when a question is not answered', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    const el = await report();
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('link', { name: 'Select the collection that was missed' })).toBeVisible();
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).toBe(true);
  });

  it('explains why a bin that was not out cannot be reported, with a way back', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await report();
    await userEvent.click(page.getByLabelText(/Recycling/));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByLabelText('No'));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('heading', { name: 'We cannot report this as a missed collection' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Check your bin collection days' })).toBeVisible();
  });

  it('says kindly when nothing can be reported', async () => {
    const closed = structuredClone(anytownCollections);
    closed.services.forEach((s) => (s.reportMissed = { open: false }));
    mockApi({ [COLLECTIONS]: { body: closed } });
    await report();
    await expect.element(page.getByRole('heading', { name: 'There are no collections you can report as missed' })).toBeVisible();
  });

  it('validates optional contact details', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await report();
    await userEvent.click(page.getByLabelText(/Recycling/));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByLabelText('Yes'));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.fill(page.getByLabelText('Email address (optional)'), 'not-an-email');
    await userEvent.fill(page.getByLabelText('UK phone number (optional)'), '12');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('link', { name: 'Enter an email address in the correct format, like name@example.com' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: /Enter a UK phone number/ })).toBeVisible();
  });

  it('keeps every answer when the submission fails, and retries with the same idempotency key', async () => {
    const { calls } = mockApi({ [COLLECTIONS]: { body: anytownCollections }, [REPORT]: [{ status: 503 }, { status: 201, body: { reference: 'MB7K2P9Q' } }] });
    await report();
    await answerUpToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByText('Sorry, there is a problem with the service')).toBeVisible();
    await expect.element(page.getByText('resident@example.org')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(page.getByRole('heading', { name: 'Missed collection reported' })).toBeVisible();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers.get('Idempotency-Key')).toBe(posts[1]!.headers.get('Idempotency-Key'));
  });

  it('explains a refusal the resident can act on, in their language', async () => {
    mockApi({
      [COLLECTIONS]: { body: anytownCollections },
      [REPORT]: { status: 422, body: { type: 'https://council-kit.dev/problems/report-window-closed', title: 'Closed', status: 422 } },
    });
    await report();
    await answerUpToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByText('It is too late to report this collection online.', { exact: false })).toBeVisible();
    expect(page.getByRole('button', { name: 'Try again' }).elements()).toHaveLength(0);
  });

  it('sends a changed submission with a new idempotency key', async () => {
    const { calls } = mockApi({ [COLLECTIONS]: { body: anytownCollections }, [REPORT]: [{ status: 503 }, { status: 201, body: { reference: 'MB7K2P9Q' } }] });
    await report();
    await answerUpToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByText('Sorry, there is a problem with the service')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Change Email' }));
    await userEvent.fill(page.getByLabelText('Email address (optional)'), 'other@example.org');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('heading', { name: 'Missed collection reported' })).toBeVisible();
    const keys = calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('Idempotency-Key'));
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('answers a duplicate report kindly', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections }, [REPORT]: { status: 200, body: { reference: 'MB7K2P9Q', duplicate: true } } });
    await report();
    await answerUpToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('heading', { name: 'We already have this report' })).toBeVisible();
    await expect.element(page.getByText('You do not need to report it again.', { exact: false })).toBeVisible();
  });

  it('restores the draft after a reload', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await report();
    await answerUpToCheck();
    document.querySelector('council-missed-bin-report')!.parentElement!.remove();
    await report();
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('resident@example.org')).toBeVisible();
  });

  it('returns to check answers after changing an answer', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await report();
    await answerUpToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Change Email' }));
    await userEvent.fill(page.getByLabelText('Email address (optional)'), 'other@example.org');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('other@example.org')).toBeVisible();
  });

  it('uses the property remembered from the bin-day page, or asks for the address', async () => {
    mockApi({ 'GET /api/v1/addresses': { body: anytownAddresses }, [COLLECTIONS]: { body: anytownCollections } });
    await report('');
    await userEvent.fill(page.getByLabelText('Postcode'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Find address' }));
    await userEvent.selectOptions(page.getByLabelText('Select an address'), 'Flat 1, 2 High Street, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.element(page.getByRole('group', { name: 'Which collection was missed?' })).toBeVisible();
    // The lookup that had focus is gone: focus moves to the first question, not to <body>.
    const el = document.querySelector('council-missed-bin-report')!;
    await expect.poll(() => el.shadowRoot!.activeElement?.textContent).toBe('Which collection was missed?');

    document.querySelector('council-missed-bin-report')!.parentElement!.remove();
    sessionStorage.clear();
    rememberProperty({ uprn: '100000000001', address: '1 High Street, Anytown, AN1 1AA' });
    await report('');
    await expect.element(page.getByRole('group', { name: 'Which collection was missed?' })).toBeVisible();
  });

  it('works in Welsh', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections } });
    await report('uprn="100000000001"', 'cy');
    await expect.element(page.getByRole('group', { name: 'Pa gasgliad a fethwyd?' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Parhau' })).toBeVisible();
  });

  it('has Welsh for every message', () => {
    for (const catalogue of [missedBinReportStrings, finishStrings]) for (const key of Object.keys(catalogue.en)) expect(catalogue.cy, key).toHaveProperty(key);
  });
});
