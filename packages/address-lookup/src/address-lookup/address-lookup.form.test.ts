import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi, shadow } from '@council-kit/core/testing';
import { anytownAddresses, noAddresses } from '@council-kit/contracts/fixtures';
import type { AddressLookup } from './address-lookup.js';
import './define.js';

const LOOKUP = 'GET /api/v1/addresses';

/** The lookup, required, inside a page's own form with its own Continue button. */
async function pageForm(lang = 'en'): Promise<{ el: AddressLookup; form: HTMLFormElement; sent: () => boolean; bubbles: () => number }> {
  const el = await fixture<AddressLookup>(`<form lang=${lang}>
    <council-address-lookup api-base="/api/v1" name="address" required></council-address-lookup>
    <button>${lang === 'cy' ? 'Parhau' : 'Continue'}</button>
  </form>`);
  const form = el.form!;
  let sent = false;
  let allowed = 0;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    sent = true;
  });
  // Listeners run in order: the element's own ran first. An `invalid` left uncancelled is the
  // browser's bubble.
  el.addEventListener('invalid', (e) => (allowed += e.defaultPrevented ? 0 : 1));
  return { el, form, sent: () => sent, bubbles: () => allowed };
}

async function search(postcode: string, find = 'Find address', label = 'Postcode'): Promise<void> {
  await userEvent.fill(page.getByLabelText(label), postcode);
  await userEvent.click(page.getByRole('button', { name: find }));
}

describe('<council-address-lookup> in the page’s form, before an address is chosen', () => {
  it('answers the page’s Continue with its own error summary and inline error on the postcode, not the browser’s bubble', async () => {
    const { el, sent, bubbles } = await pageForm();
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect.poll(() => shadow(el).activeElement?.classList.contains('error-summary')).toBe(true);
    await expect.element(page.getByLabelText('Postcode')).toHaveAccessibleDescription(/Error: Find and select an address/);
    await expect.element(page.getByLabelText('Postcode')).toHaveAttribute('aria-invalid', 'true');
    expect(bubbles()).toBe(0);
    expect(sent()).toBe(false);
    expect(el.validity.valueMissing).toBe(true);

    await userEvent.click(page.getByRole('link', { name: 'Find and select an address' }));
    expect(shadow(el).activeElement?.id).toBe('postcode');
  });

  it('asks the resident to select one from the list, pointing at the list', async () => {
    mockApi({ [LOOKUP]: { body: anytownAddresses } });
    const { el, sent, bubbles } = await pageForm();
    await search('AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('link', { name: 'Select an address' })).toBeVisible();
    await expect.poll(() => shadow(el).activeElement?.classList.contains('error-summary')).toBe(true);
    await expect.element(page.getByRole('combobox', { name: 'Select an address' })).toHaveAttribute('aria-invalid', 'true');
    expect([bubbles(), sent()]).toEqual([0, false]);

    await userEvent.click(page.getByRole('link', { name: 'Select an address' }));
    expect(shadow(el).activeElement?.id).toBe('address');
    await userEvent.selectOptions(page.getByLabelText('Select an address'), '3 Mill Road, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.poll(sent).toBe(true);
  });

  it('says so in Welsh, on the postcode and on the list', async () => {
    mockApi({ [LOOKUP]: { body: anytownAddresses } });
    const { el, bubbles } = await pageForm('cy');
    await userEvent.click(page.getByRole('button', { name: 'Parhau' }));
    await expect.element(page.getByRole('link', { name: 'Dewch o hyd i gyfeiriad a’i ddewis' })).toBeVisible();
    await expect.element(page.getByLabelText('Cod post')).toHaveAccessibleDescription(/Dewch o hyd i gyfeiriad a’i ddewis/);
    await search('AN1 1AA', 'Dod o hyd i gyfeiriad', 'Cod post');
    await userEvent.click(page.getByRole('button', { name: 'Parhau' }));
    await expect.element(page.getByRole('link', { name: 'Dewiswch gyfeiriad' })).toBeVisible();
    await expect.poll(() => shadow(el).activeElement?.classList.contains('error-summary')).toBe(true);
    expect(bubbles()).toBe(0);
  });

  it('points the summary at the way on from a dead end, which has no field', async () => {
    mockApi({ [LOOKUP]: { body: noAddresses } });
    const { el, bubbles } = await pageForm();
    await search('AN9 9ZZ');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await userEvent.click(page.getByRole('link', { name: 'Find and select an address' }));
    expect(shadow(el).activeElement?.textContent).toBe('Enter the address manually');
    expect(bubbles()).toBe(0);
  });

  it('confirms a complete typed address the resident did not confirm, and asks for what a typed address lacks', async () => {
    mockApi({ [LOOKUP]: { body: noAddresses } });
    const { sent } = await pageForm();
    await search('AN9 9ZZ');
    await userEvent.click(page.getByRole('button', { name: 'Enter the address manually' }));
    await userEvent.fill(page.getByLabelText('Address line 1'), '1 New Road');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('link', { name: 'Enter town or city' })).toBeVisible();
    await userEvent.fill(page.getByLabelText('Town or city'), 'Anytown');
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('heading', { name: 'Address' })).toBeVisible();
    expect(sent()).toBe(false);
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.poll(sent).toBe(true);
  });

  it('shows nothing when a script only checks the form, and its own error for reportValidity', async () => {
    const { el, form, bubbles } = await pageForm();
    expect(form.checkValidity()).toBe(false);
    expect(el.checkValidity()).toBe(false);
    await el.updateComplete;
    expect(shadow(el).querySelector('.error-summary')).toBeNull();
    expect(el.reportValidity()).toBe(false);
    await expect.element(page.getByRole('link', { name: 'Find and select an address' })).toBeVisible();
    expect(bubbles()).toBe(0);
  });

  it('leaves focus to the browser when an earlier field in the form is the first problem', async () => {
    const el = await fixture<AddressLookup>(`<form>
      <label>Name <input required></label>
      <council-address-lookup api-base="/api/v1" name="address" required></council-address-lookup>
      <button>Continue</button>
    </form>`);
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect.element(page.getByRole('link', { name: 'Find and select an address' })).toBeVisible();
    expect(shadow(el).activeElement).toBeNull();
  });
});
