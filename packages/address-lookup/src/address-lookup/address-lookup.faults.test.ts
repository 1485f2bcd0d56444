import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import type { AddressLookupResult } from '@council-kit/contracts';
import { anytownAddresses } from '@council-kit/contracts/fixtures';
import { expectInert, expectProblem, faults, faulty, hostileText, megabytes, tryAgain } from '../../../../scripts/faults.js';
import { addressLookupStrings } from './address-lookup.i18n.js';
import type { AddressLookup } from './address-lookup.js';
import './define.js';

const LOOKUP = 'GET /api/v1/addresses';

async function lookup(lang: 'en' | 'cy' = 'en'): Promise<AddressLookup> {
  await fixture(`<div lang="${lang}"><council-address-lookup api-base="/api/v1"></council-address-lookup></div>`);
  return document.querySelector('council-address-lookup')!;
}

async function search(postcode: string, lang: 'en' | 'cy' = 'en'): Promise<void> {
  await userEvent.fill(page.getByLabelText(addressLookupStrings[lang].postcodeLabel, { exact: true }), postcode);
  await userEvent.click(page.getByRole('button', { name: addressLookupStrings[lang].find }));
}

describe('<council-address-lookup> when the API fails', () => {
  it.each(faults)('$name: says so plainly, keeps the postcode, and Try again finds the addresses', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { body: anytownAddresses });
    const { calls } = mockApi({ [LOOKUP]: api.route });
    const el = await lookup();
    await search('an1 1aa');
    await expectProblem(el, fault);
    // Another way forward: the address can be typed instead.
    await expect.element(page.getByRole('button', { name: 'Enter the address manually' })).toBeVisible();

    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: '12 addresses found for AN1 1AA' })).toBeVisible();
    expect(calls.at(-1)!.url.searchParams.get('postcode')).toBe('AN1 1AA');
  });

  it('says so in Welsh on a Welsh page', async () => {
    const fault = faults.find((f) => f.name.startsWith('503'))!;
    mockApi({ [LOOKUP]: fault.answer });
    const el = await lookup('cy');
    await search('AN1 1AA', 'cy');
    await expectProblem(el, fault, 'cy');
    await expect.element(page.getByRole('button', { name: addressLookupStrings.cy.enterManually })).toBeVisible();
  });

  it('keeps the postcode the resident typed when they enter the address by hand instead', async () => {
    mockApi({ [LOOKUP]: { networkError: true } });
    const el = await lookup();
    await search('an1 1aa');
    await expectProblem(el, faults.find((f) => f.name === 'dropped connection')!);
    await userEvent.click(page.getByRole('button', { name: 'Enter the address manually' }));
    await expect.element(page.getByLabelText('Address line 1')).toBeVisible();
    await expect.element(page.getByLabelText('Postcode', { exact: true })).toHaveValue('AN1 1AA');
  });

  it('stays usable with thousands of addresses and a multi-megabyte one', async () => {
    const many: AddressLookupResult = {
      ...anytownAddresses,
      addresses: Array.from({ length: 2000 }, (_, i) => ({ ...anytownAddresses.addresses[1]!, uprn: String(200000000000 + i), address: `${i + 1} Long Street, Anytown, AN1 1AA` })),
    };
    many.addresses[1999]!.address = megabytes(2);
    mockApi({ [LOOKUP]: { body: many } });
    const el = await lookup();
    await search('AN1 1AA');
    await expect.element(page.getByRole('heading', { name: '2000 addresses found for AN1 1AA' }), { timeout: 10_000 }).toBeVisible();
    await userEvent.selectOptions(page.getByLabelText('Select an address'), '1234 Long Street, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.element(page.getByRole('heading', { name: 'Address' })).toBeVisible();
    expect(el.value).toMatchObject({ uprn: '200000001233' });
    expectInert(el);
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the API as harmless text', async () => {
    const hostile = structuredClone(anytownAddresses);
    hostile.addresses[0]!.address = hostileText('Flat 1');
    hostile.addresses[0]!.lines = [hostileText('Flat 1'), hostileText('Line 2')];
    hostile.addresses[0]!.town = hostileText('Town');
    mockApi({ [LOOKUP]: { body: hostile } });
    const el = await lookup();
    await search('AN1 1AA');
    await userEvent.selectOptions(page.getByLabelText('Select an address'), hostileText('Flat 1'));
    expectInert(el);
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.element(page.getByText(/Line 2 <img src=x onerror/)).toBeVisible();
    expectInert(el);
  });
});
