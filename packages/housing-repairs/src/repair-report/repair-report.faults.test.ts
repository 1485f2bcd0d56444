import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi, type MockRoutes } from '@council-kit/core/testing';
import type { FlowDraft } from '@council-kit/core';
import type { RepairCatalogue } from '@council-kit/contracts';
import { repairCatalogueFixture, repairPropertyFixture, repairSlotsFixture, reportedRepairFixture as repairFixture } from '@council-kit/contracts/fixtures';
import { expectInert, expectProblem, faults, faulty, hostileText, megabytes, tryAgain } from '../../../../scripts/faults.js';
import { journeyStrings } from './journey.i18n.js';
import type { ReportAnswers } from './report-flow.js';
import type { RepairReport } from './repair-report.js';
import './define.js';

const CATALOGUE = 'GET /api/v1/repairs/catalogue';
const PROPERTY = 'GET /api/v1/repairs/properties/100000000001';
const SLOTS = 'GET /api/v1/repairs/slots';
const REPAIRS = 'POST /api/v1/repairs';
const DRAFT = `council-kit:repair-report:${location.pathname}`;
const DESCRIPTION = 'The cold tap drips all the time.';

function api(extra: MockRoutes = {}) {
  return mockApi({
    [CATALOGUE]: { body: repairCatalogueFixture },
    [PROPERTY]: { body: repairPropertyFixture },
    [SLOTS]: { body: repairSlotsFixture },
    [REPAIRS]: { status: 201, body: repairFixture },
    ...extra,
  });
}

/** A resident's answers up to `step`, saved as the element's QuestionFlow saves them (the page was reloaded). */
function seedDraft(step: 'reporter' | 'slot' | 'check'): void {
  const history = ['emergency', 'reporter', 'location', 'problem', 'leaf', 'describe', 'photos', 'contact', 'slot'];
  const draft: FlowDraft<ReportAnswers> = {
    step,
    history: history.slice(0, history.indexOf(step)),
    answers: {
      property: step === 'reporter' ? undefined : repairPropertyFixture,
      emergency: 'none', reporter: 'tenant', locationId: 'kitchen', reported: '', problemId: 'kitchen-tap', leafId: 'tap-dripping',
      description: DESCRIPTION, photos: [], preference: 'text', mobile: '07700 900982', email: '', phone: '',
      ...(step === 'check' ? { slot: repairSlotsFixture.slots[0] } : {}),
    },
  };
  sessionStorage.setItem(DRAFT, JSON.stringify(draft));
}

async function report(lang: 'en' | 'cy' = 'en'): Promise<RepairReport> {
  await fixture(`<div lang="${lang}"><council-repair-report api-base="/api/v1" uprn="100000000001" contact-url="/contact">
    <a href="/repairs">Report a repair by phone</a></council-repair-report></div>`);
  const el = document.querySelector('council-repair-report')!;
  el.now = new Date('2026-11-24T10:00:00Z');
  return el;
}

const button = (name: string) => userEvent.click(page.getByRole('button', { name, exact: true }));
const contactLink = () => expect.element(page.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact');

describe('<council-repair-report> when the API fails', () => {
  it.each(faults)('$name loading the catalogue: says so plainly, offers Try again and contact, and recovers', async (fault) => {
    fault.before?.();
    const catalogue = faulty(fault.answer, { body: repairCatalogueFixture });
    api({ [CATALOGUE]: catalogue.route });
    const el = await report();
    await expectProblem(el, fault);
    await contactLink();
    catalogue.heal();
    await tryAgain();
    await expect.element(page.getByRole('group', { name: 'Is this an emergency?' })).toBeVisible();
  });

  it.each(faults)('$name checking the property: keeps the answers, with Back, and Try again goes on', async (fault) => {
    fault.before?.();
    const property = faulty(fault.answer, { body: repairPropertyFixture });
    api({ [PROPERTY]: property.route });
    seedDraft('reporter');
    const el = await report();
    await button('Continue');
    await expectProblem(el, fault);
    await expect.element(page.getByRole('button', { name: 'Back' })).toBeVisible();
    expect(JSON.parse(sessionStorage.getItem(DRAFT)!).answers).toMatchObject({ emergency: 'none', reporter: 'tenant' });
    property.heal();
    await tryAgain();
    await expect.element(page.getByRole('group', { name: 'Where is the problem?' })).toBeVisible();
  });

  it.each(faults)('$name loading appointments, then on Send: says so plainly each time, keeps every answer and the draft, and sends the report once', async (fault) => {
    fault.before?.();
    const slots = faulty(fault.answer, { body: repairSlotsFixture });
    const repairs = faulty(fault.answer, { status: 201, body: repairFixture });
    const { calls } = api({ [SLOTS]: slots.route, [REPAIRS]: repairs.route });
    seedDraft('slot');
    const el = await report();
    await expectProblem(el, fault);
    await expect.element(page.getByRole('button', { name: 'Back' })).toBeVisible();
    expect(sessionStorage.getItem(DRAFT)).toContain(DESCRIPTION);
    slots.heal();
    await tryAgain();
    await userEvent.click(page.getByRole('group', { name: 'Wednesday 25 November' }).getByLabelText('Morning (8am to midday)'));
    await button('Continue');

    await button('Send report');
    await expectProblem(el, fault);
    await contactLink();
    await expect.element(page.getByText(DESCRIPTION)).toBeVisible();
    await expect.element(page.getByText('Text message: 07700 900982')).toBeVisible();
    expect(sessionStorage.getItem(DRAFT)).toContain(DESCRIPTION);
    repairs.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: 'Repair reported' })).toBeVisible();
    const keys = new Set(calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('Idempotency-Key')));
    expect(keys.size).toBe(1);
    expect(sessionStorage.getItem(DRAFT)).toBeNull();
  });

  it('says so in Welsh on a Welsh page', async () => {
    const fault = faults.find((f) => f.name.startsWith('503'))!;
    api({ [REPAIRS]: fault.answer });
    seedDraft('check');
    const el = await report('cy');
    await button(journeyStrings.cy.send as string);
    await expectProblem(el, fault, 'cy');
    await expect.element(page.getByText(DESCRIPTION)).toBeVisible();
  });

  it('stays usable with a multi-megabyte catalogue of thousands of repairs', async () => {
    const kitchen = repairCatalogueFixture.locations[0]!;
    const leaf = kitchen.problems[0]!.leaves[0]!;
    const huge: RepairCatalogue & { padding: string } = {
      ...repairCatalogueFixture,
      locations: Array.from({ length: 30 }, (_, l) => ({
        ...kitchen,
        id: `location-${l}`,
        label: { en: `Room ${l + 1}`, cy: `Ystafell ${l + 1}` },
        problems: Array.from({ length: 10 }, (_, p) => ({
          id: `problem-${l}-${p}`,
          label: { en: `Problem ${p + 1}`, cy: `Problem ${p + 1}` },
          leaves: Array.from({ length: 10 }, (_, i) => ({ ...leaf, id: `leaf-${l}-${p}-${i}`, label: { en: `Repair ${i + 1}`, cy: `Trwsio ${i + 1}` } })),
        })),
      })),
      padding: megabytes(2),
    };
    api({ [CATALOGUE]: { body: huge } });
    const el = await report();
    await userEvent.click(page.getByLabelText('No, none of these'), { timeout: 10_000 });
    await button('Continue');
    await userEvent.click(page.getByLabelText(/^Tenant/));
    await button('Continue');
    await userEvent.click(page.getByLabelText('Room 30'));
    await button('Continue');
    await userEvent.click(page.getByLabelText('Problem 10'));
    await button('Continue');
    await expect.element(page.getByLabelText('Repair 10')).toBeVisible();
    expectInert(el);
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the API as harmless text', async () => {
    const hostile = structuredClone(repairCatalogueFixture);
    hostile.emergencies[1]!.label.en = hostileText('Danger');
    hostile.locations[0]!.label.en = hostileText('Kitchen');
    hostile.council.phone = hostileText('01234');
    api({ [CATALOGUE]: { body: hostile }, [REPAIRS]: { status: 201, body: { ...repairFixture, reference: hostileText('RPX4') } } });
    const el = await report();
    await expect.element(page.getByLabelText(/^Danger <img src=x/)).toBeVisible();
    await userEvent.click(page.getByLabelText('No, none of these'));
    await button('Continue');
    await userEvent.click(page.getByLabelText(/^Tenant/));
    await button('Continue');
    await expect.element(page.getByLabelText(/^Kitchen <img src=x/)).toBeVisible();
    expectInert(el);
    document.querySelector('council-repair-report')!.parentElement!.remove();
    seedDraft('check');
    const sent = await report();
    await button('Send report');
    await expect.element(page.getByText(/^RPX4 <img src=x/)).toBeVisible();
    expectInert(sent);
  });
});
