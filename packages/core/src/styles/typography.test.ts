import { html, type TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { fixture, shadow } from '../testing/index.js';
import { CouncilElement } from '../council-element.js';

/** A phone number in a sentence, in a column narrower than the number, as on a small phone. */
class PhoneProbe extends CouncilElement {
  override render(): TemplateResult {
    return html`<p style="inline-size: 5em">Call us on <a href="tel:+441632960000">01632 960 000</a> or <a href="tel:08001119999">0800 111 9999</a> today.</p>`;
  }
}
customElements.define('council-phone-probe', PhoneProbe);

/** How many lines the text of `element` is laid out on. */
function lineCount(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
}

describe('shared typography', () => {
  it('never splits a phone number across lines, however narrow the column', async () => {
    const root = shadow(await fixture('<council-phone-probe></council-phone-probe>'));
    const links = [...root.querySelectorAll('a[href^="tel:"]')];
    expect(links).toHaveLength(2);
    for (const link of links) expect(lineCount(link), link.textContent!).toBe(1);
    // The sentence itself still wraps: only the numbers hold together.
    expect(lineCount(root.querySelector('p')!)).toBeGreaterThan(2);
  });
});
