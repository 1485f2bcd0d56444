/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, lastAnnouncement, mockApi, shadow } from '@council-kit/core/testing';
import { anytownAddresses, noAddresses, osPlacesResponse, outsideAreaAddresses } from '@council-kit/contracts/fixtures';
import { osPlacesSource } from './address-source.js';
import { addressLookupStrings } from './address-lookup.i18n.js';
import { addressLookupExportParts, addressLookupParts } from './parts.js';
import elementSource from './address-lookup.ts?raw';
import type { AddressLookup } from './address-lookup.js';
import './define.js';

const LOOKUP = 'GET /api/v1/addresses';

async function search(postcode: string): Promise<void> {
  await userEvent.fill(page.getByLabelText('Postcode'), postcode);
  await userEvent.click(page.getByRole('button', { name: 'Find address' }));
}

describe('<council-address-lookup>', () => {
  it('finds addresses for a postcode typed any way, and selects one', async () => {
    const { calls } = mockApi({ [LOOKUP]: { body: anytownAddresses } });
    const el = await fixture<AddressLookup>(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    const events: CustomEvent[] = [];
    document.addEventListener('council-address-selected', (e) => events.push(e as CustomEvent), { once: true });

    await search(' an11aa ');
    await expect.element(page.getByRole('heading', { name: '12 addresses found for AN1 1AA' })).toBeVisible();
    expect(calls[0]!.url.searchParams.get('postcode')).toBe('AN1 1AA');
    expect(calls[0]!.url.searchParams.has('lang')).toBe(false);
    expect(shadow(el).activeElement?.textContent).toBe('12 addresses found for AN1 1AA');

    await userEvent.selectOptions(page.getByLabelText('Select an address'), '3 Mill Road, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.element(page.getByText('3 Mill Road')).toBeVisible();
    expect(events[0]!.detail).toEqual({ uprn: '100000000003', manual: false });
    expect(el.value).toMatchObject({ uprn: '100000000003', town: 'Anytown' });
    await expect.poll(lastAnnouncement).toBe('Address selected: 3 Mill Road, Anytown, AN1 1AA');
  });

  it('shows the error summary and inline error for an invalid postcode, and moves focus to the summary', async () => {
    const { calls } = mockApi({ [LOOKUP]: { body: anytownAddresses } });
    const el = await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('NOT A POSTCODE');
    await expect.element(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Enter a full UK postcode, like AN1 1AA' })).toBeVisible();
    expect(shadow(el).activeElement?.classList.contains('error-summary')).toBe(true);
    await expect.element(page.getByLabelText('Postcode')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByLabelText('Postcode')).toHaveAccessibleDescription(/Error: Enter a full UK postcode/);
    expect(calls).toHaveLength(0);

    await userEvent.click(page.getByRole('link', { name: 'Enter a full UK postcode, like AN1 1AA' }));
    expect(shadow(el).activeElement?.id).toBe('postcode');
  });

  it('asks for a postcode when the field is empty, and refuses non-UK ones', async () => {
    await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await userEvent.click(page.getByRole('button', { name: 'Find address' }));
    await expect.element(page.getByRole('link', { name: 'Enter a postcode' })).toBeVisible();
    await search('JE2 3AB');
    await expect.element(page.getByRole('link', { name: /Enter a postcode for an address in England/ })).toBeVisible();
  });

  it('says when there are no addresses, with ways forward', async () => {
    mockApi({ [LOOKUP]: { body: noAddresses } });
    await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('AN9 9ZZ');
    await expect.element(page.getByRole('heading', { name: 'No addresses found for AN9 9ZZ' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Enter the address manually' }));
    await expect.element(page.getByLabelText('Postcode')).toHaveValue('AN9 9ZZ');
  });

  it('changes the address back to the list, and the postcode, moving focus to each', async () => {
    mockApi({ [LOOKUP]: { body: anytownAddresses } });
    const el = await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('AN1 1AA');
    await userEvent.selectOptions(page.getByLabelText('Select an address'), '3 Mill Road, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.poll(() => shadow(el).activeElement?.textContent).toBe('Address');
    await userEvent.click(page.getByRole('button', { name: 'Change address' }));
    await expect.poll(() => shadow(el).activeElement?.textContent).toBe('12 addresses found for AN1 1AA');
    await expect.element(page.getByLabelText('Select an address')).toHaveDisplayValue('3 Mill Road, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Change postcode' }));
    await expect.poll(() => shadow(el).activeElement?.id).toBe('postcode');
    await expect.element(page.getByLabelText('Postcode')).toHaveValue('AN1 1AA');
  });

  it('says when the postcode is outside the area', async () => {
    mockApi({ [LOOKUP]: { body: outsideAreaAddresses } });
    await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('SW1A 1AA');
    await expect.element(page.getByRole('heading', { name: 'SW1A 1AA is not in our area' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Find your local council on GOV.UK' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Check the postcode' }));
    await expect.element(page.getByLabelText('Postcode')).toHaveValue('SW1A 1AA');
  });

  it('offers Try again and manual entry when the service fails, and recovers', async () => {
    mockApi({ [LOOKUP]: [{ status: 503 }, { status: 503 }, { status: 503 }, { body: anytownAddresses }] });
    await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('AN1 1AA');
    await expect.element(page.getByRole('heading', { name: 'Sorry, there is a problem with the service' }), { timeout: 8000 }).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Enter the address manually' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(page.getByRole('heading', { name: '12 addresses found for AN1 1AA' })).toBeVisible();
  });

  it('treats malformed JSON as a service problem, not a blank box', async () => {
    mockApi({ [LOOKUP]: { raw: '<html>Gateway</html>' } });
    await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('AN1 1AA');
    await expect.element(page.getByRole('heading', { name: 'Sorry, there is a problem with the service' })).toBeVisible();
  });

  it('says when the resident is rate-limited', async () => {
    mockApi({ [LOOKUP]: { status: 429, headers: { 'Retry-After': '60' } } });
    await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('AN1 1AA');
    await expect.element(page.getByRole('heading', { name: 'Too many requests' })).toBeVisible();
  });

  it('shows and announces a busy state while a slow lookup runs', async () => {
    mockApi({ [LOOKUP]: { delay: 2600, body: anytownAddresses } });
    await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('AN1 1AA');
    await expect.element(page.getByText('Finding addresses')).toBeVisible();
    await expect.element(page.getByText('This is taking longer than usual. Please wait.'), { timeout: 4000 }).toBeVisible();
    await expect.poll(lastAnnouncement).toContain('taking longer');
    await expect.element(page.getByRole('heading', { name: '12 addresses found for AN1 1AA' }), { timeout: 4000 }).toBeVisible();
  });

  it('validates manual entry and accepts a typed address', async () => {
    mockApi({ [LOOKUP]: { body: anytownAddresses } });
    await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'I cannot find my address in the list' }));
    await userEvent.fill(page.getByLabelText('Postcode'), 'nonsense');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.element(page.getByRole('link', { name: 'Enter address line 1, typically the building and street' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Enter town or city' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Enter a full UK postcode, like AN1 1AA' })).toBeVisible();

    await userEvent.fill(page.getByLabelText('Address line 1'), '<img src=x onerror=alert(1)> Cottage');
    await userEvent.fill(page.getByLabelText('Town or city'), 'Anytown');
    await userEvent.fill(page.getByLabelText('Postcode'), 'an11aa');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    // Hostile text stays text.
    await expect.element(page.getByText('<img src=x onerror=alert(1)> Cottage')).toBeVisible();
    expect(document.querySelector('img')).toBeNull();
  });

  it('is a form control: submits the UPRN, enforces required, and resets', async () => {
    mockApi({ [LOOKUP]: { body: anytownAddresses } });
    const form = await fixture<HTMLFormElement>(`<form><council-address-lookup api-base="/api/v1" name="property" required></council-address-lookup><button>Send</button></form>`);
    const formEl = document.querySelector('form')!;
    const el = formEl.querySelector('council-address-lookup')!;
    expect(formEl.checkValidity()).toBe(false);
    expect(el.form).toBe(formEl);
    expect(el.validity.valueMissing).toBe(true);
    expect(el.validationMessage).toBe('Find and select an address');
    expect(el.willValidate).toBe(true);

    let submitted: FormData | undefined;
    formEl.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = new FormData(formEl);
    });
    await search('AN1 1AA');
    await userEvent.selectOptions(page.getByLabelText('Select an address'), '2 Church Lane, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    expect(formEl.checkValidity()).toBe(true);
    formEl.requestSubmit();
    expect(submitted?.get('property')).toBe('100000000002');

    formEl.reset();
    await el.updateComplete;
    expect(formEl.checkValidity()).toBe(false);
    await expect.element(page.getByLabelText('Postcode')).toHaveValue('');
    void form;
  });

  it('submits a typed address as separate fields', async () => {
    mockApi({ [LOOKUP]: { body: noAddresses } });
    await fixture(`<form><council-address-lookup api-base="/api/v1" name="home"></council-address-lookup></form>`);
    const formEl = document.querySelector('form')!;
    await search('AN9 9ZZ');
    await userEvent.click(page.getByRole('button', { name: 'Enter the address manually' }));
    await userEvent.fill(page.getByLabelText('Address line 1'), '1 New Road');
    await userEvent.fill(page.getByLabelText('Town or city'), 'Anytown');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    const data = new FormData(formEl);
    expect(data.get('home-line1')).toBe('1 New Road');
    expect(data.get('home-postcode')).toBe('AN9 9ZZ');
    expect(data.get('home')).toBeNull();
  });

  it('speaks Welsh when the page is Welsh, and follows a language change', async () => {
    const { calls } = mockApi({ [LOOKUP]: { body: anytownAddresses } });
    const wrapper = await fixture(`<div lang="cy"><council-address-lookup api-base="/api/v1"></council-address-lookup></div>`);
    await expect.element(page.getByLabelText('Cod post')).toBeVisible();
    await userEvent.fill(page.getByLabelText('Cod post'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Dod o hyd i gyfeiriad' }));
    await expect.element(page.getByRole('heading', { name: '12 cyfeiriad wedi’u canfod ar gyfer AN1 1AA' })).toBeVisible();
    // Asked in Welsh: an API answering from OS Places gives a Welsh address's Welsh form.
    expect(calls[0]!.url.searchParams.get('lang')).toBe('cy');
    document.querySelector('[lang="cy"]')!.setAttribute('lang', 'en');
    await expect.element(page.getByRole('heading', { name: '12 addresses found for AN1 1AA' })).toBeVisible();
    void wrapper;
  });

  it('lets the council override any message', async () => {
    const el = await fixture<AddressLookup>(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    el.strings = { en: { find: 'Search' } };
    await expect.element(page.getByRole('button', { name: 'Search' })).toBeVisible();
  });

  it('reads an OS Places-shaped response through the source property', async () => {
    const { calls } = mockApi({ 'GET /os/postcode': { body: osPlacesResponse } });
    const el = await fixture<AddressLookup>(`<council-address-lookup api-base="/os"></council-address-lookup>`);
    el.source = osPlacesSource;
    await search('AN1 1AA');
    await expect.element(page.getByRole('heading', { name: '2 addresses found for AN1 1AA' })).toBeVisible();
    await expect.element(page.getByRole('option', { name: 'Flat 2, The Old Mill, Mill Road, Stratford-upon-Avon, AN1 1AA' })).toBeInTheDocument();
    expect(calls[0]!.url.searchParams.get('dataset')).toBe('DPA');
  });

  it('looks up a postcode given as an attribute straight away, without taking focus', async () => {
    mockApi({ [LOOKUP]: { body: anytownAddresses } });
    const el = await fixture(`<council-address-lookup api-base="/api/v1" postcode="an1 1aa"></council-address-lookup>`);
    await expect.element(page.getByRole('heading', { name: '12 addresses found for AN1 1AA' })).toBeVisible();
    expect(shadow(el).activeElement).toBeNull();
  });

  it('moves focus to the problem heading when the lookup fails', async () => {
    mockApi({ [LOOKUP]: { networkError: true } });
    const el = await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('AN1 1AA');
    await expect.element(page.getByRole('heading', { name: 'Sorry, there is a problem with the service' }), { timeout: 8000 }).toBeVisible();
    await expect.poll(() => shadow(el).activeElement?.textContent).toBe('Sorry, there is a problem with the service');
  });

  it('has Welsh for every message', () => {
    for (const key of Object.keys(addressLookupStrings.en)) expect(addressLookupStrings.cy, key).toHaveProperty(key);
  });

  it('documents exactly the parts it forwards to hosts, and renders each', async () => {
    const documented = [...elementSource.matchAll(/@csspart (\S+)/g)].map((m) => m[1]);
    expect(documented).toEqual([...addressLookupParts]);
    expect(addressLookupExportParts).toMatch(/^input: address-lookup-input, select: address-lookup-select, button: address-lookup-button, /);
    mockApi({ [LOOKUP]: { body: anytownAddresses } });
    const el = await fixture(`<council-address-lookup api-base="/api/v1"></council-address-lookup>`);
    await search('AN1 1AA');
    await expect.element(page.getByLabelText('Select an address')).toHaveAttribute('part', 'select');
    expect(shadow(el).querySelector('[part~="button"]')).not.toBeNull();
  });
});
