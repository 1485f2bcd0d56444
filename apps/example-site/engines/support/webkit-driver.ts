import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { remote } from 'webdriverio';
import { BaseDriver, pageScripts, type Query } from './driver.ts';
import { optionElement, type TextMatch } from './page-scripts.ts';
import { freePort, waitFor } from './wait.ts';

/** The key WebDriver puts an element reference under (W3C). */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
type ElementRef = { [ELEMENT]: string };

const isRef = (value: unknown): value is ElementRef => typeof value === 'object' && value !== null && typeof (value as ElementRef)[ELEMENT] === 'string';

export interface WebKitEngine {
  /** WebKitGTK's WebDriver, e.g. /usr/bin/WebKitWebDriver. */
  webDriverPath: string;
  /** xvfb-run, when there is no display to put MiniBrowser on; undefined to use $DISPLAY. */
  xvfbRun?: string;
}

/**
 * WebKit (WebKitGTK's MiniBrowser) through its WebDriver, classic protocol only (it has no
 * BiDi and no headless mode, so it runs under xvfb-run). One session for the whole file; each
 * journey clears the site's storage, as there is one window.
 */
export class WebKitDriver extends BaseDriver<string> {
  readonly engine = 'WebKit';

  private constructor(
    private readonly browser: WebdriverIO.Browser,
    private readonly base: string,
    private readonly stopDriver: () => Promise<void>,
  ) {
    super();
  }

  static async launch(options: WebKitEngine, base: string): Promise<WebKitDriver> {
    const port = await freePort();
    const [command, args] = options.xvfbRun
      ? [options.xvfbRun, ['-a', options.webDriverPath, `--port=${port}`]]
      : [options.webDriverPath, [`--port=${port}`]];
    // Its own process group, so the teardown ends xvfb-run, Xvfb, the driver and MiniBrowser together.
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const stopDriver = () => stopGroup(child);
    try {
      await waitFor(`WebKitWebDriver on port ${port}`, 30_000, async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw Object.assign(new Error(`WebKitWebDriver exited (${child.signalCode ?? child.exitCode}): ${stderr.join('').slice(-1000)}`), { fatal: true });
        }
        const answer = await fetch(`http://127.0.0.1:${port}/status`).catch(() => undefined);
        if (!answer?.ok) return false;
        const { value } = (await answer.json()) as { value?: { ready?: boolean } };
        return value?.ready !== false;
      });
      const browser = await remote({
        hostname: '127.0.0.1',
        port,
        path: '/',
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { args: ['--automation'] },
        } as WebdriverIO.Capabilities,
      });
      await browser.setWindowRect(null, null, 1280, 800).catch(() => undefined);
      return new WebKitDriver(browser, base, stopDriver);
    } catch (error) {
      await stopDriver();
      throw error;
    }
  }

  /** Runs a self-contained function in the page with WebDriver's Execute Script. */
  private run<R>(fn: (...args: never[]) => unknown, ...args: (object | string | number | boolean | null | undefined)[]): Promise<R> {
    return this.browser.executeScript(`return (${fn.toString()}).apply(null, arguments);`, args) as Promise<R>;
  }

  async newJourney(): Promise<void> {
    // A page on the site's origin that loads no element (the API's health answer, proxied),
    // so nothing reads the storage before it is cleared.
    await this.browser.navigateTo(new URL('/healthz', this.base).href);
    await this.run(() => {
      sessionStorage.clear();
      localStorage.clear();
      return true;
    });
  }

  protected async load(path: string): Promise<void> {
    await this.browser.navigateTo(new URL(path, this.base).href);
  }

  async url(): Promise<string> {
    return this.browser.getUrl();
  }

  async evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R> {
    return this.run<R>(fn as (...args: never[]) => unknown, arg as object | undefined);
  }

  protected async find(query: Query): Promise<string | null> {
    const found = await this.run<unknown>(pageScripts.firstMatch as (...args: never[]) => unknown, query);
    return isRef(found) ? found[ELEMENT] : null;
  }

  protected on<A, R>(handle: string, fn: (el: Element, arg: A) => R, arg: A): Promise<R> {
    return this.run<R>(fn as (...args: never[]) => unknown, { [ELEMENT]: handle }, arg as object | undefined);
  }

  protected async nativeClick(handle: string): Promise<void> {
    // Element Click only scrolls when the element's centre is out of view, then clicks the centre
    // of its visible part: for a button 2px into the viewport, its top edge, which moves on
    // :active. Centre it first, as puppeteer does, so the click is where a person would click.
    await this.on(handle, centre, undefined);
    await this.browser.elementClick(handle);
  }

  protected async nativeType(handle: string, value: string): Promise<void> {
    await this.browser.elementClear(handle);
    await this.browser.elementSendKeys(handle, value);
  }

  protected async nativeSelect(handle: string, _value: string, text: TextMatch): Promise<void> {
    // WebDriver chooses an option by clicking it (Element Click on an <option>).
    const option = await this.on<TextMatch, unknown>(handle, optionElement, text);
    if (!isRef(option)) throw new Error(`no option ${JSON.stringify(text)}`);
    await this.browser.elementClick(option[ELEMENT]);
  }

  protected async release(): Promise<void> {}

  protected async screenshot(path: string): Promise<void> {
    await writeFile(path, Buffer.from(await this.browser.takeScreenshot(), 'base64'));
  }

  async close(): Promise<void> {
    try {
      await this.browser.deleteSession();
    } finally {
      await this.stopDriver();
    }
  }
}

/** Scrolls the element to the middle of the viewport (runs in the page). */
function centre(el: Element): boolean {
  el.scrollIntoView({ block: 'center', inline: 'center' });
  return true;
}

/** SIGTERM to the whole process group, SIGKILL if it has not gone in 5 s; resolves once the leader exits. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  // The leader (xvfb-run) may go first: make sure nothing is left in its group.
  signal('SIGKILL');
}
