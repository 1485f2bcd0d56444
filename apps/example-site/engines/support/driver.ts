import { deepQueryAll, describeElement, elementsReady, optionValue, renderedText, stepHeadings, type Described, type Query, type TextMatch } from './page-scripts.ts';
import { waitFor } from './wait.ts';

export type { Query } from './page-scripts.ts';

/** A text to find: exact (whitespace collapsed) when a string, or a pattern. */
export type Text = string | RegExp;

export interface Where {
  /** Only inside the first element matching this selector, e.g. 'council-bin-day'. */
  within?: string;
  /** Which match (document order), default the first. */
  index?: number;
}

/**
 * What a journey can do in a browser, whatever the engine. Every action waits (polling, with a
 * deadline) for its target to be rendered first; every check waits for the state it asserts.
 * Clicks and typing go through the engine's own input (CDP / WebDriver BiDi / WebDriver
 * classic), never a synthetic el.click().
 */
export interface Driver {
  readonly engine: string;
  /** A fresh page with empty storage, for the next journey. */
  newJourney(): Promise<void>;
  /** Opens a path on the site, waits for the load event and for its elements to have rendered. */
  goto(path: string): Promise<void>;
  url(): Promise<string>;
  /** Clicks the button, link or summary with this text (role narrows it). */
  click(name: Text | Query, options?: Where & { role?: 'button' | 'link' | 'clickable' }): Promise<void>;
  /** Types into the field this label names (clearing it first), and waits for the value. */
  fill(label: Text, value: string, options?: Where): Promise<void>;
  /** Clicks the label of the radio or checkbox, and waits until it is checked. */
  check(label: Text | Query, options?: Where): Promise<void>;
  /** Chooses the option with this text in the <select> this label names. */
  select(label: Text, option: Text, options?: Where): Promise<void>;
  /** Waits until the page's rendered text (shadow roots included) contains or matches `text`. */
  waitForText(text: Text, timeoutMs?: number): Promise<void>;
  /** Waits until a rendered step heading ([data-step-heading]) has this text; returns it. */
  waitForStep(text: Text): Promise<string>;
  /** Waits until the page URL matches (a string must equal path + search). */
  waitForUrl(match: Text): Promise<string>;
  /** Waits for the element, then its text, value and state. */
  state(query: Query): Promise<Described>;
  /** The text of every rendered element matching the query (no waiting). */
  texts(query: Query): Promise<string[]>;
  /** Runs a self-contained function in the page. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Where the page is and what it says, for a failure message; saves a screenshot when it can. */
  diagnose(screenshotPath?: string): Promise<string>;
  close(): Promise<void>;
}

/** How long an action or check waits for the page by default. */
export const defaultWait = 15_000;

export function toMatch(text: Text): TextMatch {
  return typeof text === 'string' ? { exact: text } : { pattern: text.source, flags: text.flags };
}

function describeText(text: Text | Query): string {
  if (typeof text === 'string') return `“${text}”`;
  if (text instanceof RegExp) return String(text);
  return JSON.stringify(text);
}

/** Builds a function the page runs, from the self-contained page scripts' sources. */
function pageFunction<A, R>(body: string): (arg: A) => R {
  return new Function('arg', body) as (arg: A) => R;
}

const firstMatch = pageFunction<Query, Element | null>(`return (${deepQueryAll.toString()})(arg)[arg.index ?? 0] ?? null;`);
const allTexts = pageFunction<Query, string[]>(`return (${deepQueryAll.toString()})(arg).map((el) => (${describeElement.toString()})(el).text);`);
export const pageScripts = {
  firstMatch,
  allTexts,
  describe: describeElement,
  renderedText,
  stepHeadings,
  optionValue,
  elementsReady,
};

/**
 * The waiting, matching and error messages every engine shares; subclasses supply the
 * primitives: find an element handle, run a page function (on an element), and native input.
 */
export abstract class BaseDriver<H> implements Driver {
  abstract readonly engine: string;
  abstract newJourney(): Promise<void>;
  /** Opens a path on the site and waits for the load event. */
  protected abstract load(path: string): Promise<void>;
  abstract url(): Promise<string>;
  abstract close(): Promise<void>;
  abstract evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  protected abstract screenshot(path: string): Promise<void>;
  /** The element the query finds now, or null. */
  protected abstract find(query: Query): Promise<H | null>;
  /** Runs a page function with the element as its first argument. */
  protected abstract on<A, R>(handle: H, fn: (el: Element, arg: A) => R, arg: A): Promise<R>;
  protected abstract nativeClick(handle: H): Promise<void>;
  /** Empties the field and types `value` with the engine's keyboard input. */
  protected abstract nativeType(handle: H, value: string): Promise<void>;
  /** Chooses the option (its value and text given) the engine's way. */
  protected abstract nativeSelect(handle: H, value: string, text: TextMatch): Promise<void>;
  protected abstract release(handle: H): Promise<void>;

  async goto(path: string): Promise<void> {
    await this.load(path);
    await waitFor('the page’s Council Kit elements to render', defaultWait, () => this.evaluate(pageScripts.elementsReady, undefined));
  }

  /** Waits until the query finds a rendered element, and returns it. */
  protected async waitForElement(query: Query, what: string, timeoutMs = defaultWait): Promise<H> {
    return waitFor(what, timeoutMs, () => this.find(query));
  }

  async click(name: Text | Query, options: Where & { role?: 'button' | 'link' | 'clickable' } = {}): Promise<void> {
    const query: Query = isQuery(name) ? name : { role: options.role ?? 'clickable', name: toMatch(name), within: options.within, index: options.index };
    // Retried until the click lands: an element re-rendered between finding and clicking is
    // found again (a click that did happen never throws, so nothing is clicked twice).
    await waitFor(`${describeText(name)} to click`, defaultWait, async () => {
      const handle = await this.find(query);
      if (!handle) return false;
      try {
        const { disabled } = await this.on(handle, pageScripts.describe, undefined);
        if (disabled) return false;
        await this.nativeClick(handle);
        return true;
      } finally {
        await this.release(handle).catch(() => undefined);
      }
    });
  }

  async fill(label: Text, value: string, options: Where = {}): Promise<void> {
    const query: Query = { role: 'field', name: toMatch(label), ...options };
    await this.waitForElement(query, `the field ${describeText(label)}`).then((handle) => this.release(handle).catch(() => undefined));
    // Found again and typed again until it holds the value: a server-rendered field, or a page's
    // no-JavaScript one, is replaced when the element upgrades or hydrates, and what was typed
    // into the old one is gone (WebDriver then says "element not interactable").
    await waitFor(`the field ${describeText(label)} to hold “${value}”`, defaultWait, async () => {
      const handle = await this.find(query);
      if (!handle) return false;
      try {
        await this.nativeType(handle, value);
        return (await this.on(handle, pageScripts.describe, undefined)).value === value;
      } catch {
        return false;
      } finally {
        await this.release(handle).catch(() => undefined);
      }
    });
  }

  async check(label: Text | Query, options: Where = {}): Promise<void> {
    const query: Query = isQuery(label) ? label : { role: 'choice', name: toMatch(label), ...options };
    await this.click(query);
    await waitFor(`${describeText(label)} to be checked`, defaultWait, async () => (await this.state(query)).checked);
  }

  async select(label: Text, option: Text, options: Where = {}): Promise<void> {
    const query: Query = { role: 'field', name: toMatch(label), ...options };
    const match = toMatch(option);
    await waitFor(`the option ${describeText(option)} in ${describeText(label)}`, defaultWait, async () => {
      const handle = await this.find(query);
      if (!handle) return false;
      try {
        const value = await this.on(handle, pageScripts.optionValue, match);
        if (value === null) return false;
        await this.nativeSelect(handle, value, match);
        const state = await this.on(handle, pageScripts.describe, undefined);
        return state.value === value;
      } finally {
        await this.release(handle).catch(() => undefined);
      }
    });
  }

  async waitForText(text: Text, timeoutMs = defaultWait): Promise<void> {
    const test = (page: string) => (typeof text === 'string' ? page.includes(text) : text.test(page));
    await waitFor(`the text ${describeText(text)}`, timeoutMs, async () => test(await this.evaluate(pageScripts.renderedText, undefined)));
  }

  async waitForStep(text: Text): Promise<string> {
    const m = toMatch(text);
    const test = (heading: string) => (m.exact !== undefined ? heading === m.exact : new RegExp(m.pattern!, m.flags).test(heading));
    let seen: string[] = [];
    try {
      return await waitFor(`the step ${describeText(text)}`, defaultWait, async () => {
        seen = await this.evaluate(pageScripts.stepHeadings, undefined);
        return seen.find(test);
      });
    } catch (error) {
      throw new Error(`${(error as Error).message} (step headings shown: ${seen.map((s) => `“${s}”`).join(', ') || 'none'})`, { cause: error });
    }
  }

  async waitForUrl(match: Text): Promise<string> {
    return waitFor(`the URL ${describeText(match)}`, defaultWait, async () => {
      const url = new URL(await this.url());
      const here = url.pathname + url.search;
      return (typeof match === 'string' ? here === match : match.test(here)) ? here : false;
    });
  }

  async state(query: Query): Promise<Described> {
    const handle = await this.waitForElement(query, describeText(query));
    try {
      return await this.on(handle, pageScripts.describe, undefined);
    } finally {
      await this.release(handle).catch(() => undefined);
    }
  }

  texts(query: Query): Promise<string[]> {
    return this.evaluate(pageScripts.allTexts, query);
  }

  async diagnose(screenshotPath?: string): Promise<string> {
    const parts: string[] = [];
    try {
      parts.push(`URL: ${await this.url()}`);
      parts.push(`step headings: ${(await this.evaluate(pageScripts.stepHeadings, undefined)).map((s) => `“${s}”`).join(', ') || 'none'}`);
      parts.push(`text: ${(await this.evaluate(pageScripts.renderedText, undefined)).slice(0, 1200)}`);
    } catch (error) {
      parts.push(`(could not read the page: ${(error as Error).message})`);
    }
    if (screenshotPath) {
      try {
        await this.screenshot(screenshotPath);
        parts.push(`screenshot: ${screenshotPath}`);
      } catch {
        // A screenshot is a nicety; the text above is the evidence.
      }
    }
    return parts.join('\n');
  }
}

function isQuery(value: Text | Query): value is Query {
  return typeof value === 'object' && !(value instanceof RegExp);
}
