// Lit's DOM shim (a minimal document, HTMLElement and customElements on globalThis) has to be in
// place before any element module is evaluated: importing `@council-kit/ssr` first is enough,
// because this module is the first thing its index imports, and it is synchronous.
//
// Not `@lit-labs/ssr/lib/install-global-dom-shim.js`: that one imports node-fetch (whose module
// graph awaits at its top level, so the elements' modules could be evaluated before it, into a
// registry it then replaces) and swaps the server's own `fetch` for node-fetch's. The globals
// here are the very objects Lit's Node build already uses (`??=`), so there is one registry.
import '@lit-labs/ssr-dom-shim/register-css-hook.js';
import * as shim from '@lit-labs/ssr-dom-shim';
import { currentRender } from './render-context.js';

/** The shim's globals the elements and Lit reach for, each installed once. */
const globals = [
  'CSSStyleSheet',
  'CustomElementRegistry',
  'CustomEvent',
  'Document',
  'Element',
  'Event',
  'EventTarget',
  'HTMLElement',
  'IntersectionObserver',
  'MutationObserver',
  'Node',
  'ResizeObserver',
  'ShadowRoot',
  'customElements',
  'document',
] as const;
const scope = globalThis as unknown as Record<string, unknown>;
for (const name of globals) scope[name] ??= shim[name];

// The elements resolve their links (the calendar's .ics, for one) against `document.baseURI`,
// the page's address in a browser. The shim's document has none, so it answers with the address
// of the page being rendered, per render (see render-context.ts), never one shared value.
Object.defineProperty(globalThis.document, 'baseURI', {
  configurable: true,
  get: () => currentRender()?.pageUrl,
});
