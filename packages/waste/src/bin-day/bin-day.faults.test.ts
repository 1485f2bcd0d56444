import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addDays } from '@council-kit/contracts';
import { fixture, mockApi, testToday } from '@council-kit/core/testing';
import { anytownAddresses, anytownCollectionsOn } from '@council-kit/contracts/fixtures';
import { expectInert, expectProblem, faults, faulty, hostileText, megabytes, tryAgain } from '../../../../scripts/faults.js';
import { binDayStrings } from './bin-day.i18n.js';
import type { BinDay } from './bin-day.js';
import './define.js';

const COLLECTIONS = 'GET /api/v1/waste/properties/100000000001/collections';
const anytownCollections = anytownCollectionsOn(testToday());

async function binDay(attrs = 'uprn="100000000001"', lang: 'en' | 'cy' = 'en'): Promise<BinDay> {
  await fixture(`<div lang="${lang}"><council-bin-day api-base="/api/v1" contact-url="/contact" ${attrs}></council-bin-day></div>`);
  return document.querySelector('council-bin-day')!;
}

describe('<council-bin-day> when the API fails', () => {
  it.each(faults)('$name: says so plainly, offers Try again, another address and contact, and recovers', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { body: anytownCollections });
    const { calls } = mockApi({ [COLLECTIONS]: api.route });
    const el = await binDay();
    await expectProblem(el, fault);
    await expect.element(page.getByRole('button', { name: 'Change address' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Contact us about your bins' })).toHaveAttribute('href', '/contact');

    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();
    expect(new Set(calls.map((c) => c.url.pathname)).size).toBe(1); // the same property every time
  });

  it('says so in Welsh on a Welsh page, after the resident found their address', async () => {
    const fault = faults.find((f) => f.name === 'dropped connection')!;
    mockApi({ 'GET /api/v1/addresses': { body: anytownAddresses }, [COLLECTIONS]: fault.answer });
    const el = await binDay('', 'cy');
    await userEvent.fill(page.getByLabelText('Cod post', { exact: true }), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Dod o hyd i gyfeiriad' }));
    await userEvent.selectOptions(page.getByLabelText('Dewiswch gyfeiriad'), 'Flat 1, 2 High Street, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Defnyddio’r cyfeiriad hwn' }));
    await expectProblem(el, fault, 'cy');
    await expect.element(page.getByRole('button', { name: binDayStrings.cy.changeAddress as string })).toBeVisible();
  });

  it('stays usable with a multi-megabyte answer: hundreds of services, thousands of dates, a 100,000-character name', async () => {
    const service = anytownCollections.services[0]!;
    const upcoming = Array.from({ length: 10 }, (_, i) => addDays(testToday(), i + 1));
    // Fields the element does not show still have to be downloaded, parsed and validated.
    const services = Array.from({ length: 200 }, (_, i) => ({ ...service, id: `s${i}`, name: `Service ${i + 1}`, upcoming, notes: megabytes(0.01) }));
    services[199]!.name = megabytes(0.1);
    mockApi({ [COLLECTIONS]: { body: { ...anytownCollections, services } } });
    const el = await binDay();
    await expect.element(page.getByRole('heading', { name: 'Service 199', exact: true }), { timeout: 10_000 }).toBeVisible();
    expect(el.shadowRoot!.querySelectorAll('.service')).toHaveLength(200);
    expectInert(el);
    await userEvent.click(page.getByRole('button', { name: 'Change address' }));
    await expect.element(page.getByLabelText('Postcode', { exact: true })).toBeVisible();
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the API as harmless text, and no unsafe links', async () => {
    const hostile = structuredClone(anytownCollections);
    hostile.address = hostileText('1 High Street');
    hostile.services[0]!.name = hostileText('Rubbish');
    hostile.services[0]!.container = { type: hostileText('Type'), colour: hostileText('Colour') };
    hostile.services[1]!.changedDates![0]!.reason = hostileText('Holiday');
    hostile.services[3]!.subscription = { status: 'expired', renewUrl: 'javascript:globalThis.__councilPwned=1' };
    mockApi({ [COLLECTIONS]: { body: hostile } });
    const el = await binDay();
    await expect.element(page.getByRole('heading', { name: hostileText('Rubbish') })).toBeVisible();
    await expect.element(page.getByText(/Holiday <img src=x/)).toBeVisible();
    expect(page.getByRole('link', { name: 'Renew your subscription' }).elements()).toHaveLength(0);
    expectInert(el);
  });
});
