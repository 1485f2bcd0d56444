import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { parseOrukService } from '@council-kit/contracts';
import { orukV3Page } from '@council-kit/contracts/fixtures';
import './define.js';

// The service a server already fetched (`@council-kit/ssr`): shown without asking the feed again.
const SERVICE = 'GET /oruk/services/svc-food-bank';
const foodBank = parseOrukService(orukV3Page.contents[0]);
const dataBlock = (value: unknown) => `<script type="application/json" data-council-data>${JSON.stringify(value)}</script>`;

describe('<council-service-detail> with the service already fetched', () => {
  it('shows the data block\'s service without a request', async () => {
    const { calls } = mockApi({ [SERVICE]: { body: orukV3Page.contents[0] } });
    await fixture(`<council-service-detail api-base="/oruk" service-id="svc-food-bank" heading-level="1">${dataBlock(foodBank)}</council-service-detail>`);
    await expect.element(page.getByRole('heading', { level: 1, name: 'Anytown Food Bank' })).toBeVisible();
    await expect.element(page.getByText('First Saturday of the month 9am to midday')).toBeVisible();
    expect(calls).toHaveLength(0);
  });

  it('fetches when the service given is another one', async () => {
    const { calls } = mockApi({ [SERVICE]: { body: orukV3Page.contents[0] } });
    const el = document.createElement('council-service-detail');
    el.apiBase = '/oruk';
    el.serviceId = 'svc-food-bank';
    el.service = { ...foodBank, id: 'svc-other', name: 'Another service' };
    document.body.append(el);
    await expect.element(page.getByRole('heading', { name: 'Anytown Food Bank' })).toBeVisible();
    expect(calls).toHaveLength(1);
    el.remove();
  });
});
