import { html, type TemplateResult } from 'lit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fixture, shadow } from '../testing/index.js';
import { CouncilElement } from '../council-element.js';

/**
 * Every button and link variant the shared styles offer, as an element draws them: the text of
 * each must keep 4.5:1 against what is behind it at rest, on hover, on keyboard focus and on
 * both at once (WCAG 1.4.3), even under a page stylesheet that colours every link and hover.
 */
class ContrastProbe extends CouncilElement {
  override render(): TemplateResult {
    return html`${this.renderErrorSummary([{ field: 'postcode', message: 'Enter a postcode' }])}
      <p><a href="#plain" data-variant="plain link">Plain link</a> <button type="button" class="link" data-variant="link drawn as a button">Change</button></p>
      <button type="button" class="button" data-variant="primary button">Continue</button>
      <button type="button" class="button secondary" data-variant="secondary button">Try again</button>
      <button type="button" class="button warning" data-variant="warning button">Cancel repair</button>
      <a class="button" href="#pay" data-variant="primary link-button">Pay now</a>
      <a class="button secondary" href="#back" data-variant="secondary link-button">Back to your repair</a>
      <a class="button warning" href="#cancel" data-variant="warning link-button">Cancel repair</a>
      <div class="inset"><a href="#inset" data-variant="link in inset text">Inset link</a></div>
      <div class="problem"><a href="#problem" data-variant="link in a problem panel">Problem link</a></div>`;
  }
}
customElements.define('council-contrast-probe', ContrastProbe);

/** What a careless (or hostile) council page might say about links, buttons and their states. */
const hostilePage = `
  a, a:visited, a:hover, a:focus, a:active { color: navy; background: none; }
  button:hover, button:focus, :hover, :focus { color: navy; background-color: #fff; filter: none; }
  council-contrast-probe:hover { color: navy; }
`;

const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/** Any CSS colour (`rgb()`, `color(srgb …)` from `color-mix()`…) as 0–255 RGBA, via the canvas. */
function rgba(colour: string): [number, number, number, number] {
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = colour;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a!];
}

function luminance([r, g, b]: number[]): number {
  const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}

/** The first opaque background at or behind `element`, crossing shadow roots; white at the top. */
function background(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const colour = getComputedStyle(node).backgroundColor;
    if (rgba(colour)[3] === 255) return colour;
  }
  return '#fff';
}

/** The text's contrast ratio against its background as drawn now, in whatever state it is. */
function contrast(element: Element): number {
  const [text, behind] = [luminance(rgba(getComputedStyle(element).color)), luminance(rgba(background(element)))];
  return (Math.max(text, behind) + 0.05) / (Math.min(text, behind) + 0.05);
}

/** The variants drawn by the probe, rounded to 2 places for a readable failure. */
function measure(root: ShadowRoot, state: string, only?: Element): string[] {
  const targets = only ? [only] : [...root.querySelectorAll('[data-variant], .error-summary .link')];
  return targets.map((el) => `${(el as HTMLElement).dataset.variant ?? 'error summary link'} ${state}: ${contrast(el).toFixed(2)}`);
}

/** The entries below 4.5:1. */
const failing = (results: string[]) => results.filter((r) => Number(r.split(': ')[1]) < 4.5);

describe('button and link contrast', () => {
  let hostile: HTMLStyleElement;
  beforeAll(() => {
    hostile = document.createElement('style');
    hostile.textContent = hostilePage;
    document.head.append(hostile);
  });
  afterAll(() => hostile.remove());

  it('keeps 4.5:1 at rest and on hover for every variant', async () => {
    const root = shadow(await fixture('<council-contrast-probe></council-contrast-probe>'));
    const results = measure(root, 'at rest');
    for (const el of root.querySelectorAll('[data-variant], .error-summary .link')) {
      await userEvent.hover(el);
      await expect.poll(() => el.matches(':hover')).toBe(true);
      results.push(...measure(root, 'on hover', el));
    }
    expect(results).toHaveLength(22);
    expect(failing(results), results.join('\n')).toEqual([]);
  });

  it('draws a warning button as a button, not as GOV.UK warning text (which shares its class name)', async () => {
    const root = shadow(await fixture('<council-contrast-probe></council-contrast-probe>'));
    for (const variant of ['warning button', 'warning link-button']) {
      const style = getComputedStyle(root.querySelector(`[data-variant="${variant}"]`)!);
      expect([style.display, style.fontWeight, style.color], variant).toEqual(['inline-block', '400', 'rgb(255, 255, 255)']);
      expect(rgba(style.backgroundColor), variant).toEqual([212, 53, 28, 255]);
    }
  });

  it('keeps 4.5:1 on keyboard focus, and on focus and hover together, for every variant', async () => {
    const root = shadow(await fixture('<button id="before">Before</button><council-contrast-probe></council-contrast-probe>'));
    const results: string[] = [];
    // Tab from a known place. The error summary takes focus only from script (tabindex -1), so
    // Tab reaches its link first.
    document.getElementById('before')!.focus();
    for (const el of root.querySelectorAll('.error-summary .link, [data-variant]')) {
      await userEvent.tab();
      await expect.poll(() => root.activeElement === el && el.matches(':focus-visible')).toBe(true);
      results.push(...measure(root, 'on focus', el));
      await userEvent.hover(el);
      await expect.poll(() => el.matches(':hover')).toBe(true);
      results.push(...measure(root, 'on focus and hover', el));
    }
    expect(results).toHaveLength(22);
    expect(failing(results), results.join('\n')).toEqual([]);
  });
});
