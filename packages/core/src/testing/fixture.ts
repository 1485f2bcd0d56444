import type { LitElement } from 'lit';
import { restoreApi } from './mock-api.js';

const containers = new Set<HTMLElement>();

/**
 * Renders `markup` into the page and waits until every Lit element in it has rendered.
 * Returns the first `council-*` element (or the first element).
 */
export async function fixture<T extends Element = HTMLElement>(markup: string): Promise<T> {
  const container = document.createElement('div');
  container.innerHTML = markup;
  document.body.append(container);
  containers.add(container);
  const elements = [...container.querySelectorAll('*')].filter((el) => el.localName.includes('-'));
  await Promise.all(elements.map((el) => customElements.whenDefined(el.localName)));
  await Promise.all(elements.map((el) => (el as LitElement).updateComplete));
  return (elements[0] ?? container.firstElementChild) as T;
}

/** Removes every fixture, clears drafts and puts the real `fetch` back. Call in `afterEach`. */
export function cleanup(): void {
  containers.forEach((c) => c.remove());
  containers.clear();
  restoreApi();
  sessionStorage.clear();
}

/** The element's shadow root, for assertions that need to look inside. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

/**
 * The suite's "today" (`YYYY-MM-DD`): the date on the page's `<meta name="council-today">`, which
 * the shared Vitest setup adds from COUNCIL_TEST_TODAY (else the real date). Fixtures are dated
 * from it, so a test holds on any day.
 */
export function testToday(): string {
  const content = document.querySelector<HTMLMetaElement>('meta[name="council-today"]')?.content ?? '';
  if (!/^\d{4}-\d{2}-\d{2}/.test(content)) throw new Error('No <meta name="council-today"> on the page: is the shared Vitest setup loaded?');
  return content.slice(0, 10);
}
