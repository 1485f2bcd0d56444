import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { fixture, mockApi, testToday } from '@council-kit/core/testing';
import { anytownCollectionsOn } from '@council-kit/contracts/fixtures';
import type { BinDay } from './bin-day.js';
import './define.js';

// The data a server rendered the element with (`@council-kit/ssr`): given, it is shown without
// asking the API again; anything else is fetched as before.
const COLLECTIONS = 'GET /api/v1/waste/properties/100000000001/collections';
const collections = anytownCollectionsOn(testToday());
const dataBlock = (json: string) => `<script type="application/json" data-council-data>${json}</script>`;

async function binDay(inner: string, attrs = 'uprn="100000000001"'): Promise<BinDay> {
  return fixture<BinDay>(`<council-bin-day api-base="/api/v1" no-remember ${attrs}>${inner}</council-bin-day>`);
}

describe('<council-bin-day> with the collections already fetched', () => {
  it('shows the server data block\'s collections without a request', async () => {
    const { calls } = mockApi({ [COLLECTIONS]: { body: collections } });
    await binDay(dataBlock(JSON.stringify(collections)));
    await expect.element(page.getByRole('heading', { name: 'Bin collections for 1 High Street, Anytown, AN1 1AA' })).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Garden waste' })).toBeVisible();
    expect(calls).toHaveLength(0);
  });

  it('takes the `collections` property the same way', async () => {
    const { calls } = mockApi({ [COLLECTIONS]: { body: collections } });
    const el = document.createElement('council-bin-day');
    el.apiBase = '/api/v1';
    el.uprn = collections.uprn;
    el.noRemember = true;
    el.collections = collections;
    document.body.append(el);
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();
    expect(calls).toHaveLength(0);
    el.remove();
  });

  it('fetches when the data is for another property, or is not a valid answer', async () => {
    const { calls } = mockApi({ [COLLECTIONS]: { body: collections } });
    await binDay(dataBlock(JSON.stringify({ ...collections, uprn: '100000000002' })));
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();
    expect(calls).toHaveLength(1);
    document.body.replaceChildren();
    await binDay(dataBlock('{"uprn":"100000000001","services":"not a list"}'));
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();
    expect(calls).toHaveLength(2);
  });

  it('"Change address" is its button once defined; the no-JavaScript link stays hidden', async () => {
    mockApi({});
    await binDay(dataBlock(JSON.stringify(collections)), 'uprn="100000000001" change-url="/bins/"');
    await expect.element(page.getByRole('button', { name: 'Change address' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Change address' })).not.toBeInTheDocument();
  });
});
