import { describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { osPlacesSource } from '@council-kit/address-lookup';
import { fixture, mockApi, shadow } from '@council-kit/core/testing';
import { osPlacesResponse } from '@council-kit/contracts/fixtures';
import type { BinDay } from './bin-day.js';
import type { ContainerRequest } from '../container-request/container-request.js';
import './define.js';
import '../container-request/define.js';

// The address lookup inside bin day and the waste forms: the page's `::part` rules and the
// host's address source and request options reach it.
describe('the embedded address lookup', () => {
  for (const tag of ['council-bin-day', 'council-container-request'] as const) {
    it(`<${tag}> passes its addressSource and httpOptions to the lookup`, async () => {
      const { calls } = mockApi({ 'GET /api/v1/postcode': { body: osPlacesResponse } });
      const host = await fixture<BinDay | ContainerRequest>(`<${tag} api-base="/api/v1" no-remember></${tag}>`);
      host.addressSource = osPlacesSource;
      // Set after the first render: the lookup still gets them.
      host.httpOptions = { headers: { 'x-api-key': 'gateway' } };
      await userEvent.fill(page.getByLabelText('Postcode'), 'AN1 1AA');
      await userEvent.click(page.getByRole('button', { name: 'Find address' }));
      await expect.element(page.getByRole('option', { name: /1 High Street, Anytown/i })).toBeInTheDocument();
      expect(calls.map((c) => c.url.pathname)).toEqual(['/api/v1/postcode']);
      expect(calls[0]!.url.searchParams.get('dataset')).toBe('DPA');
      expect(calls[0]!.headers.get('x-api-key')).toBe('gateway');
    });

    it(`<${tag}> lets the page style the lookup through ::part(address-lookup-input)`, async () => {
      const style = document.createElement('style');
      style.textContent = `${tag}::part(address-lookup-input) { background-color: rgb(255, 0, 255); }`;
      document.head.append(style);
      onTestFinished(() => style.remove());
      const host = await fixture(`<${tag} api-base="/api/v1" no-remember></${tag}>`);
      await expect.element(page.getByLabelText('Postcode')).toBeVisible();
      const lookup = shadow(host).querySelector('council-address-lookup')!;
      const input = shadow(lookup).querySelector('#postcode')!;
      expect(getComputedStyle(input).backgroundColor).toBe('rgb(255, 0, 255)');
    });
  }
});
