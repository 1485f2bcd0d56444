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
