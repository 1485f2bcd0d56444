import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { fixture, mockApi, shadow } from '@council-kit/core/testing';
import { anytownAddresses } from '@council-kit/contracts/fixtures';
import './define.js';

const LOOKUP = 'GET /api/v1/addresses';

afterEach(async () => {
  await page.viewport(1024, 768);
});

/** The lookup at a phone's width, in `lang`, showing the list for AN1 1AA. */
async function listAt375(lang: string): Promise<ShadowRoot> {
  mockApi({ [LOOKUP]: { body: anytownAddresses } });
  await page.viewport(375, 812);
  const root = shadow(await fixture(`<div lang=${lang}><council-address-lookup api-base="/api/v1" postcode="AN1 1AA"></council-address-lookup></div>`));
  await expect.poll(() => root.querySelector('select')).not.toBeNull();
  return root;
}

/** The rectangle of each line the text of `element` is laid out on. */
function lines(element: Element): DOMRect[] {
  const range = document.createRange();
  range.selectNodeContents(element);
  // One rectangle per line box (inline children add their own; keep one per line).
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  return rects.filter((r, i) => rects.findIndex((s) => Math.abs(s.top - r.top) < 2) === i);
}

describe('<council-address-lookup> layout', () => {
  for (const [lang, heading, label] of [
    ['en', '12 addresses found for AN1 1AA', 'Select an address'],
    ['cy', '12 cyfeiriad wedi’u canfod ar gyfer AN1 1AA', 'Dewiswch gyfeiriad'],
  ] as const) {
    it(`leaves a heading’s space between "${heading}" and "${label}" (${lang})`, async () => {
      const root = await listAt375(lang);
      const title = root.querySelector('[data-step-heading]')!;
      expect(title.textContent).toBe(heading);
      const gap = root.querySelector('label[for="address"]')!.getBoundingClientRect().top - title.getBoundingClientRect().bottom;
      // GOV.UK's medium heading keeps 15px (small screens) to 20px below it.
      expect(gap).toBeGreaterThanOrEqual(15);
    });
  }

  for (const [lang, text] of [
    ['en', 'I cannot find my address in the list'],
    ['cy', 'Ni allaf ddod o hyd i’m cyfeiriad yn y rhestr'],
  ] as const) {
    it(`starts every line of a wrapped link at the left edge, as text does (${lang})`, async () => {
      const root = await listAt375(lang);
      const link = [...root.querySelectorAll('button.link')].find((b) => b.textContent?.trim() === text)!;
      // Narrower than the text, so it wraps at any font size, as the Welsh does at 375px.
      (link as HTMLElement).style.maxInlineSize = '12em';
      const rects = lines(link);
      expect(rects.length).toBeGreaterThan(1);
      const left = link.getBoundingClientRect().left;
      for (const line of rects) expect(line.left).toBeCloseTo(left, 0);
    });
  }
});
