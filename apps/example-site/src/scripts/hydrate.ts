// Lets Lit elements take over what the server rendered (declarative shadow DOM, see no-js/):
// Lit's hydrate support patches LitElement so an element with a shadow root already in the page
// hydrates it instead of rendering a second copy. LitElement hands itself to the support when
// its module is evaluated, if the support is there by then; a bundler that puts Lit in a chunk
// of its own evaluates that chunk first, so the page hands it over here instead, once, before it
// defines any element (the page script imports the element after calling this).
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { LitElement } from 'lit';

type HydrateSupport = (lit: { LitElement: typeof LitElement }) => void;

/** Installs Lit's hydrate support on LitElement, unless LitElement already has it. */
export function hydrateServerRendered(): void {
  // The support redefines `observedAttributes` on LitElement itself (adding `defer-hydration`);
  // without it, LitElement inherits ReactiveElement's.
  const patched = Object.hasOwn(LitElement, 'observedAttributes');
  if (!patched) (globalThis as unknown as { litElementHydrateSupport: HydrateSupport }).litElementHydrateSupport({ LitElement });
}
