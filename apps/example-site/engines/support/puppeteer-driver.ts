import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { BaseDriver, pageScripts, type Query } from './driver.ts';
import type { TextMatch } from './page-scripts.ts';

export interface PuppeteerEngine {
  /** The name tests show: 'Chromium' or 'Firefox'. */
  engine: string;
  browser: 'chrome' | 'firefox';
  executablePath: string;
  args?: string[];
}

/**
 * Chromium (over the DevTools protocol) and Firefox (over WebDriver BiDi) through puppeteer-core:
 * one browser for the whole file, a new browser context (fresh storage) and page per journey.
 * Clicks and typing are puppeteer's input events, dispatched by the browser itself.
 */
export class PuppeteerDriver extends BaseDriver<ElementHandle<Element>> {
  readonly engine: string;
  private context?: BrowserContext;
  private current?: Page;

  private constructor(
    private readonly browser: Browser,
    private readonly base: string,
    engine: string,
  ) {
    super();
    this.engine = engine;
  }

  static async launch(options: PuppeteerEngine, base: string): Promise<PuppeteerDriver> {
    const browser = await puppeteer.launch({
      browser: options.browser,
      executablePath: options.executablePath,
      headless: true,
      args: options.args,
      defaultViewport: { width: 1280, height: 800 },
    });
    return new PuppeteerDriver(browser, base, options.engine);
  }

  private get page(): Page {
    if (!this.current) throw new Error('No page: call newJourney() first');
    return this.current;
  }

  async newJourney(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    this.context = await this.browser.createBrowserContext();
    this.current = await this.context.newPage();
  }

  protected async load(path: string): Promise<void> {
    await this.page.goto(new URL(path, this.base).href, { waitUntil: 'load' });
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  async evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R> {
    return (await this.page.evaluate(fn as (arg: unknown) => unknown, arg)) as R;
  }

  protected async find(query: Query): Promise<ElementHandle<Element> | null> {
    const handle = await this.page.evaluateHandle(pageScripts.firstMatch, query);
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) await handle.dispose();
    return element;
  }

  protected async on<A, R>(handle: ElementHandle<Element>, fn: (el: Element, arg: A) => R, arg: A): Promise<R> {
    return (await handle.evaluate(fn as (el: Element, arg: unknown) => unknown, arg)) as R;
  }

  protected async nativeClick(handle: ElementHandle<Element>): Promise<void> {
    await handle.click();
  }

  protected async nativeType(handle: ElementHandle<Element>, value: string): Promise<void> {
    await handle.focus();
    // Select what is there, so the typing replaces it (the keyboard's own select-all).
    await handle.evaluate((el) => (el as HTMLInputElement).select?.());
    await this.page.keyboard.press('Backspace');
    await handle.type(value);
  }

  protected async nativeSelect(handle: ElementHandle<Element>, value: string, _text: TextMatch): Promise<void> {
    // Puppeteer's select() is its way to choose an option (a native picker cannot be driven
    // headless); it fires input and change as the browser would.
    await handle.select(value);
  }

  protected async release(handle: ElementHandle<Element>): Promise<void> {
    await handle.dispose();
  }

  protected async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png` });
  }

  async close(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    await this.browser.close();
  }
}
