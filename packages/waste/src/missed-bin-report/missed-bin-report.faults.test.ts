import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addDays } from '@council-kit/contracts';
import { fixture, mockApi, testToday } from '@council-kit/core/testing';
import { anytownCollectionsOn } from '@council-kit/contracts/fixtures';
import { expectInert, expectProblem, faults, faulty, hostileText, megabytes, tryAgain } from '../../../../scripts/faults.js';
import { missedBinReportStrings } from './missed-bin-report.i18n.js';
import type { MissedBinReport } from './missed-bin-report.js';
import './define.js';

const COLLECTIONS = 'GET /api/v1/waste/properties/100000000001/collections';
const REPORT = 'POST /api/v1/waste/missed-collections';
// Dated from the suite's clock: recycling, collected three days ago, is the one still reportable.
const anytownCollections = anytownCollectionsOn(testToday());
const missedDate = addDays(testToday(), -3);
const DRAFT = `council-kit:missed-bin-report:${location.pathname}`;
const receipt = { status: 201, body: { reference: 'MB7K2P9Q' } };

/** A resident's answers, saved as the element saves them: the form opens at "Check your answers". */
function seedDraft(): void {
  sessionStorage.setItem(
    DRAFT,
    JSON.stringify({
      step: 'check',
      history: ['service', 'binOut', 'contact'],
      answers: {
        property: { uprn: '100000000001', address: '1 High Street, Anytown, AN1 1AA' },
        serviceId: 'recycling',
        collectionDate: missedDate,
        binOut: 'yes',
        contact: { email: 'resident@example.org', phone: '' },
      },
    }),
  );
}

async function report(lang: 'en' | 'cy' = 'en'): Promise<MissedBinReport> {
  await fixture(`<div lang="${lang}"><council-missed-bin-report api-base="/api/v1" uprn="100000000001" bin-day-url="/bins" contact-url="/contact"></council-missed-bin-report></div>`);
  return document.querySelector('council-missed-bin-report')!;
}

async function answerUpToCheck(): Promise<void> {
  await userEvent.click(page.getByLabelText(/Recycling/));
  await userEvent.click(page.getByRole('button', { name: 'Continue' }));
  await userEvent.click(page.getByLabelText('Yes'));
  await userEvent.click(page.getByRole('button', { name: 'Continue' }));
  await userEvent.fill(page.getByLabelText('Email address (optional)'), 'resident@example.org');
  await userEvent.click(page.getByRole('button', { name: 'Continue' }));
  await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
}

describe('<council-missed-bin-report> when the API fails', () => {
  it.each(faults)('$name while loading collections: says so plainly, offers Try again and contact, and recovers', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { body: anytownCollections });
    mockApi({ [COLLECTIONS]: api.route });
    const el = await report();
    await expectProblem(el, fault);
    await expect.element(page.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact');
    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('group', { name: 'Which collection was missed?' })).toBeVisible();
  });

  it.each(faults)('$name on Send: says so plainly, keeps every answer and the draft, and Try again sends the same report once', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, receipt);
    const { calls } = mockApi({ [COLLECTIONS]: { body: anytownCollections }, [REPORT]: api.route });
    seedDraft();
    const el = await report();
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expectProblem(el, fault);
    await expect.element(page.getByText('resident@example.org')).toBeVisible();
    expect(sessionStorage.getItem(DRAFT)).toContain('resident@example.org');

    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: 'Missed collection reported' })).toBeVisible();
    const keys = new Set(calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('Idempotency-Key')));
    expect(keys.size).toBe(1);
    expect(sessionStorage.getItem(DRAFT)).toBeNull();
  });

  it('keeps the draft through a failed Send and a reload', async () => {
    mockApi({ [COLLECTIONS]: { body: anytownCollections }, [REPORT]: { networkError: true } });
    await report();
    await answerUpToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    document.querySelector('council-missed-bin-report')!.parentElement!.remove();
    await report();
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('resident@example.org')).toBeVisible();
  });

  it('says so in Welsh on a Welsh page', async () => {
    const fault = faults.find((f) => f.name.startsWith('429'))!;
    mockApi({ [COLLECTIONS]: fault.answer });
    const el = await report('cy');
    await expectProblem(el, fault, 'cy');
    await expect.element(page.getByRole('link', { name: missedBinReportStrings.cy.contactLink as string })).toBeVisible();
  });

  it('stays usable with a multi-megabyte answer: hundreds of collections and a 100,000-character name', async () => {
    const open = anytownCollections.services[1]!;
    const services = Array.from({ length: 500 }, (_, i) => ({ ...open, id: `s${i}`, name: `Collection ${i + 1}`, notes: megabytes(0.004) }));
    services[499]!.name = megabytes(0.1);
    mockApi({ [COLLECTIONS]: { body: { ...anytownCollections, services } }, [REPORT]: receipt });
    const el = await report();
    await userEvent.click(page.getByLabelText('Collection 499', { exact: true }), { timeout: 10_000 });
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('group', { name: /Was your bin out by 7am/ })).toBeVisible();
    expectInert(el);
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the API as harmless text', async () => {
    const hostile = structuredClone(anytownCollections);
    hostile.address = hostileText('1 High Street');
    hostile.services[1]!.name = hostileText('Recycling');
    mockApi({ [COLLECTIONS]: { body: hostile }, [REPORT]: { status: 201, body: { reference: hostileText('MB7K') } } });
    const el = await fixture<MissedBinReport>(`<council-missed-bin-report api-base="/api/v1" uprn="100000000001"></council-missed-bin-report>`);
    await answerUpToCheck();
    await expect.element(page.getByText(/^Recycling <img src=x/)).toBeVisible();
    await expect.element(page.getByText(/^1 High Street <img src=x/)).toBeVisible();
    expectInert(el);
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByText(/^MB7K <img src=x/)).toBeVisible();
    expectInert(el);
  });
});
