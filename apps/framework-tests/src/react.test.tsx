import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mockApi, testToday } from '@council-kit/core/testing';
import { anytownAddresses, anytownCollectionsOn } from '@council-kit/contracts/fixtures';
import type { AddressSelectedDetail } from '@council-kit/elements';
import type {} from '@council-kit/elements/react';
import '@council-kit/elements/define';

// Dated from the suite's clock, and handed to the element as its `today`.
const fixtureToday = testToday();
const anytownCollections = anytownCollectionsOn(fixtureToday);

// React needs to know rendering happens inside act() in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;

async function render(element: React.ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(element));
  return container;
}

afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
});

describe('React 19', () => {
  it('sets properties (objects included), reads attributes, and hears events', async () => {
    mockApi({ 'GET /api/v1/addresses': { body: anytownAddresses } });
    const selected = vi.fn<(detail: AddressSelectedDetail) => void>();
    const strings = { en: { find: 'Look up address' } };
    const container = await render(
      <council-address-lookup api-base="/api/v1" strings={strings} oncouncil-address-selected={(event) => selected(event.detail)} />,
    );
    const lookup = container.querySelector('council-address-lookup')!;
    // An object reaches the element as a property, never as the attribute "[object Object]".
    expect(lookup.strings).toBe(strings);
    expect(lookup.getAttribute('strings')).toBeNull();
    expect(lookup.apiBase).toBe('/api/v1');

    await userEvent.fill(page.getByLabelText('Postcode'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Look up address' }));
    await userEvent.selectOptions(page.getByLabelText('Select an address'), '3 Mill Road, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.poll(() => selected.mock.calls.length).toBe(1);
    expect(selected).toHaveBeenCalledWith({ uprn: '100000000003', manual: false });
  });

  it('re-renders with new props, and the element follows', async () => {
    const uprn = anytownCollections.uprn;
    mockApi({ [`GET /api/v1/waste/properties/${uprn}/collections`]: { body: anytownCollections } });
    const loaded = vi.fn();
    const container = await render(<council-bin-day api-base="/api/v1" uprn={uprn} today={fixtureToday} no-remember oncouncil-collections-loaded={(e) => loaded(e.detail)} />);
    await expect.poll(() => loaded.mock.calls.length).toBe(1);
    expect(loaded.mock.calls[0]![0]).toEqual({ services: anytownCollections.services.length });
    await expect.element(page.getByRole('heading', { name: 'Rubbish' })).toBeVisible();

    await act(async () => root!.render(<div lang="cy"><council-bin-day api-base="/api/v1" uprn={uprn} today={fixtureToday} no-remember /></div>));
    // A new tree: React replaced the element, so this is a fresh one, in Welsh.
    await expect.element(page.getByText('Bin olwynion du').first()).toBeVisible();
    expect(container.querySelectorAll('council-bin-day')).toHaveLength(1);
  });
});

// Never run: `npm test` type-checks this file, so a wrong prop type or event detail is a
// compile error for a council's React app too.
const _typeChecks = () => [
  // @ts-expect-error `weeks` is a number
  <council-bin-day weeks="eight" />,
  // @ts-expect-error the event's detail is typed: it has no `postcode`
  <council-address-lookup oncouncil-address-selected={(event) => event.detail.postcode} />,
];
