import { createApp, h, nextTick, ref, type App } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mockApi, testToday } from '@council-kit/core/testing';
import { anytownAddresses, anytownCollectionsOn } from '@council-kit/contracts/fixtures';
import type { BinDay } from '@council-kit/elements';
import '@council-kit/elements/define';

// Dated from the suite's clock, and handed to the element as its `today`.
const fixtureToday = testToday();
const anytownCollections = anytownCollectionsOn(fixtureToday);

let app: App | undefined;

function mount(render: () => ReturnType<typeof h>): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  app = createApp({ render });
  app.mount(container);
  return container;
}

afterEach(() => {
  app?.unmount();
  app = undefined;
});

describe('Vue 3', () => {
  it('sets properties, listens to events, and updates a property reactively', async () => {
    const uprn = anytownCollections.uprn;
    mockApi({
      'GET /api/v1/addresses': { body: anytownAddresses },
      [`GET /api/v1/waste/properties/${uprn}/collections`]: { body: anytownCollections },
    });
    const loaded = vi.fn();
    const weeks = ref(8);
    const container = mount(() =>
      h('council-bin-day', {
        'api-base': '/api/v1',
        uprn,
        today: fixtureToday,
        weeks: weeks.value,
        'no-remember': '',
        onCouncilCollectionsLoaded: (event: CustomEvent) => loaded(event.detail),
      }),
    );
    const binDay = container.querySelector<BinDay>('council-bin-day')!;
    await expect.poll(() => loaded.mock.calls.length).toBe(1);
    expect(binDay.today).toBe(fixtureToday); // a property, so the element's own type is kept
    expect(binDay.weeks).toBe(8);
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();

    weeks.value = 2;
    await nextTick();
    expect(binDay.weeks).toBe(2);
    await expect.poll(() => loaded.mock.calls.length).toBe(2); // the element reloaded for the new range
  });

  it('hears an event from an element the resident uses', async () => {
    mockApi({ 'GET /api/v1/addresses': { body: anytownAddresses } });
    const selected = vi.fn();
    mount(() => h('council-address-lookup', { 'api-base': '/api/v1', onCouncilAddressSelected: (event: CustomEvent) => selected(event.detail) }));
    await userEvent.fill(page.getByLabelText('Postcode'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Find address' }));
    await userEvent.selectOptions(page.getByLabelText('Select an address'), '2 Church Lane, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.poll(() => selected.mock.calls[0]?.[0]).toEqual({ uprn: '100000000002', manual: false });
  });
});
