import { describe, expect, it } from 'vitest';
import { DraftStore, draftKey } from './drafts.js';
import { announce, lastAnnouncement } from './announcer.js';

describe('drafts', () => {
  it('saves, restores and clears answers in session storage under a namespaced key', () => {
    const key = draftKey('repair-report', '/repairs');
    expect(key).toBe('council-kit:repair-report:/repairs');
    const store = new DraftStore<{ description: string }>(key);
    expect(store.load()).toBeUndefined();
    store.save({ description: 'Tap drips' });
    expect(new DraftStore<{ description: string }>(key).load()).toEqual({ description: 'Tap drips' });
    store.clear();
    expect(store.load()).toBeUndefined();
  });

  it('ignores a corrupted draft', () => {
    sessionStorage.setItem('council-kit:x:/', '{not json');
    expect(new DraftStore('council-kit:x:/').load()).toBeUndefined();
  });
});

describe('announcer', () => {
  it('uses one polite live region and re-announces repeated messages', async () => {
    announce('12 addresses found');
    announce('No addresses found');
    // The region is filled a moment later; wait for it rather than for a guessed delay.
    await expect.poll(lastAnnouncement).toBe('No addresses found');
    const regions = document.querySelectorAll('[aria-live="polite"][data-council-announcer]');
    expect(regions).toHaveLength(1);
  });
});
