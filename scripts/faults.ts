// The fault-injection harness every element's `*.faults.test.ts` shares (Vitest browser mode):
// the ways a council API fails, hostile data, and the checks a failure must pass. A new fault is
// one line in `faults`; every element's suite then runs it.
import { expect, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { coreStrings, type Locale } from '@council-kit/core';
import type { MockResponse } from '@council-kit/core/testing';

type CoreKey = keyof (typeof coreStrings)['en'];

/** One way an API call can go wrong, and what the resident must be told. */
export interface Fault {
  name: string;
  /** How the API answers every attempt (GETs are retried by the http client). */
  answer: MockResponse;
  /** The core messages the failure panel must show: title, then body. */
  says: [CoreKey, CoreKey];
  /** Set up the world for this fault (e.g. let time run fast for a request that never answers, or for retries). */
  before?: () => void;
}

/**
 * Makes every `AbortSignal.timeout` (the http client's per-attempt timeout, the repairs `send`)
 * fire after `ms`, until the test ends: a request that never answers times out in a blink, not
 * after the real 10 or 20 seconds.
 */
export function fastTimeouts(ms = 30): void {
  const real = AbortSignal.timeout;
  AbortSignal.timeout = (delay: number) => real.call(AbortSignal, Math.min(delay, ms));
  onTestFinished(() => {
    AbortSignal.timeout = real;
  });
}

/**
 * Lets the http client's retry backoff (150 to 600 ms, with jitter) pass at once, until the test
 * ends: the GET is still retried twice, as in real life, without the suite waiting for it.
 * Nothing else the elements or the runner schedule falls in that window.
 */
export function fastBackoff(): void {
  const real = globalThis.setTimeout;
  const fast = ((handler: TimerHandler, ms?: number, ...args: unknown[]) =>
    real(handler, ms !== undefined && ms >= 150 && ms <= 600 ? 0 : ms, ...args)) as typeof setTimeout;
  globalThis.setTimeout = fast;
  onTestFinished(() => {
    globalThis.setTimeout = real;
  });
}

/** A server error body with the kind of detail that must never reach a resident. */
const leakyProblem = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'TypeError: x is undefined at Object.<anonymous> (/srv/api/index.js:12:7)' };

/** Every way the API fails. Add one line here and every element's fault suite runs it. */
export const faults: Fault[] = [
  { name: '500 with a stack trace in the problem', answer: { status: 500, body: leakyProblem }, says: ['problemTitle', 'problemBody'], before: fastBackoff },
  { name: '503 with Retry-After', answer: { status: 503, headers: { 'Retry-After': '120' } }, says: ['problemTitle', 'problemBody'] },
  { name: '429 with Retry-After', answer: { status: 429, headers: { 'Retry-After': '60' } }, says: ['rateLimitedTitle', 'rateLimitedBody'] },
  { name: 'timeout (never answers)', answer: { hang: true }, says: ['problemTitle', 'timeoutBody'], before: () => (fastTimeouts(), fastBackoff()) },
  { name: 'dropped connection', answer: { networkError: true }, says: ['problemTitle', 'networkBody'], before: fastBackoff },
  { name: 'malformed JSON', answer: { raw: '{"services": [{"id": "refuse", ' }, says: ['problemTitle', 'problemBody'] },
  { name: 'an HTML error page with status 200', answer: { raw: '<!doctype html><title>502</title><h1>Bad gateway</h1>' }, says: ['problemTitle', 'problemBody'] },
  { name: 'valid JSON of the wrong shape', answer: { body: { data: [{ unexpected: true }], total: '12' } }, says: ['problemTitle', 'problemBody'] },
  { name: 'JSON null', answer: { raw: 'null' }, says: ['problemTitle', 'problemBody'] },
];

/** A route that answers with `fault` until `heal()`, then with `ok`: for testing Try again. */
export function faulty(fault: MockResponse, ok: MockResponse): { route: () => MockResponse; heal: () => void } {
  let healed = false;
  return {
    route: () => (healed ? ok : fault),
    heal: () => {
      healed = true;
    },
  };
}

/** The text a resident sees and hears inside `element`, nested elements' shadow roots included. */
export function composedText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLSlotElement) return;
    node.childNodes.forEach(walk);
  };
  walk(element.shadowRoot ?? element);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** Every element inside `element`'s shadow root, nested shadow roots included. */
export function shadowElements(element: Element): Element[] {
  const found: Element[] = [];
  const walk = (root: ParentNode): void => {
    for (const child of root.querySelectorAll('*')) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (element.shadowRoot) walk(element.shadowRoot);
  return found;
}

const leaks = /TypeError|SyntaxError|Failed to fetch|Unexpected token|JSON\.parse|HTTP \d{3}|Object\.<anonymous>|\/srv\/|undefined|null|NaN|\[object /;

/**
 * The failure panel for `fault`, in `locale`: its plain-words title and body, Try again, and no
 * technical detail (status codes, stack traces, `undefined`) anywhere in the element.
 */
export async function expectProblem(element: Element, fault: Fault, locale: Locale = 'en'): Promise<void> {
  const [title, body] = fault.says;
  const strings = coreStrings[locale];
  await expect.element(page.getByRole('heading', { name: strings[title] }), { timeout: 10_000 }).toBeVisible();
  await expect.element(page.getByText(strings[body]).first()).toBeVisible();
  await expect.element(page.getByRole('button', { name: strings.tryAgain })).toBeVisible();
  expect(composedText(element)).not.toMatch(leaks);
}

/** Presses Try again (in `locale`). */
export async function tryAgain(locale: Locale = 'en'): Promise<void> {
  await userEvent.click(page.getByRole('button', { name: coreStrings[locale].tryAgain }));
}

/** Strings that have broken real council pages: markup, script, bidi overrides, emoji, long words. */
export const hostile = {
  markup: '<img src=x onerror="globalThis.__councilPwned=1">',
  script: '<script>globalThis.__councilPwned=1</script>',
  rtl: '\u202Egnp.exe\u202C',
  emoji: '🗑️♻️👩🏽‍🔧🏴󠁧󠁢󠁷󠁬󠁳󠁿',
  longWord: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch'.repeat(8),
};

/** One string with every hostile thing in it, after `label` (which a test can find it by). */
export function hostileText(label: string): string {
  return `${label} ${hostile.markup}${hostile.script} ${hostile.rtl} ${hostile.emoji} ${hostile.longWord}`;
}

/**
 * Hostile data stayed data: no element came from it, no script ran, and long words wrap instead
 * of making the page scroll sideways (WCAG 1.4.10).
 */
export function expectInert(element: Element): void {
  const injected = shadowElements(element).filter(
    (e) => e.localName === 'script' || e.hasAttribute('onerror') || (e.localName === 'img' && e.getAttribute('src') === 'x'),
  );
  expect(injected.map((e) => e.outerHTML)).toEqual([]);
  expect((globalThis as { __councilPwned?: unknown }).__councilPwned).toBeUndefined();
  // 1px of slack: a visually hidden span at the very end of a full-width line pokes out by its
  // own 1px width. A long word that does not wrap is hundreds of pixels.
  expect(document.documentElement.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(document.documentElement.clientWidth + 1);
}

/** A multi-megabyte string with no spaces: for "huge response" cases. */
export const megabytes = (n: number, unit = 'Ab'): string => unit.repeat(Math.ceil((n * 1024 * 1024) / unit.length));
