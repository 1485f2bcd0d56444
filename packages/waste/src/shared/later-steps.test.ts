import { describe, expect, it } from 'vitest';
import { LitElement } from 'lit';
import type { Step } from '@council-kit/core';
import type { SubmissionReceipt } from '@council-kit/contracts';
import { LaterSteps, type LaterPages, type WasteAnswers } from './waste-steps.js';

class Host extends LitElement {}
customElements.define('later-steps-host', Host);

const pages: LaterPages<WasteAnswers> = {
  steps: [{ id: 'check', page: true, render: () => 'check' }],
  strings: { en: { later: 'Later' }, cy: { later: 'Hwyrach' } },
  send: () => Promise.resolve({ reference: 'AB12CD34' }),
};

describe('LaterSteps', () => {
  it('loads the later pages when the element connects, and joins their steps and words to the first ones', async () => {
    const steps: Step<WasteAnswers, SubmissionReceipt>[] = [{ id: 'first', render: () => 'first' }];
    const host = new Host();
    const later = new LaterSteps(host, steps, () => Promise.resolve(pages));
    document.body.append(host);
    await expect.poll(() => later.pages).toBe(pages);
    expect(steps.map((s) => s.id)).toEqual(['first', 'check']);
    expect(later.words({ en: { first: 'First' }, cy: { first: 'Cyntaf' } })).toEqual({ en: { first: 'First', later: 'Later' }, cy: { first: 'Cyntaf', later: 'Hwyrach' } });
    host.remove();
  });

  it('keeps a failure to load for Try again, which loads them once', async () => {
    const steps: Step<WasteAnswers, SubmissionReceipt>[] = [];
    let attempts = 0;
    const host = new Host();
    const later = new LaterSteps(host, steps, () => (++attempts === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(pages)));
    document.body.append(host);
    await expect.poll(() => later.failure).toBeInstanceOf(TypeError);
    expect(later.words({ en: {}, cy: {} })).toEqual({ en: {}, cy: {} });
    await Promise.all([later.load(), later.load()]);
    expect(later.failure).toBeUndefined();
    expect(attempts).toBe(2);
    expect(steps.map((s) => s.id)).toEqual(['check']);
    host.remove();
  });
});
