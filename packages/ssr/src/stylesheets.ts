import { createHash } from 'node:crypto';
import type { CSSResultOrNative } from 'lit';

/** An element's styles as one stylesheet file, for a server to serve and its pages to link. */
export interface ElementStylesheet {
  /** The custom element's tag, e.g. `council-bin-day`. */
  tag: string;
  /** File name with a hash of the content, e.g. `council-bin-day.3f9a0c1b2d.css`: cache it for ever. */
  fileName: string;
  /** The CSS: exactly the styles the element adopts in the browser. */
  css: string;
}

const cache = new Map<string, ElementStylesheet>();

/**
 * The stylesheet of the element defined as `tag` (its `static styles`, shared styles included).
 * Lit's server renderer would write them as an inline `<style>` in the declarative shadow root,
 * which a `style-src 'self'` Content Security Policy blocks; Council Kit links this file instead.
 * Throws when `tag` is not defined (import its module after `@council-kit/ssr`).
 */
export function elementStylesheet(tag: string): ElementStylesheet {
  const known = cache.get(tag);
  if (known) return known;
  const element = customElements.get(tag) as (CustomElementConstructor & { elementStyles?: CSSResultOrNative[] }) | undefined;
  if (!element) throw new Error(`<${tag}> is not defined: import its module (after @council-kit/ssr) before rendering it.`);
  const css = (element.elementStyles ?? []).map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  const sheet = { tag, fileName: `${tag}.${hash}.css`, css };
  cache.set(tag, sheet);
  return sheet;
}

/**
 * The stylesheet whose `fileName` is `name`, among the defined elements', for a server answering
 * `GET <stylesheetBase><name>`; `undefined` for any other name.
 */
export function stylesheetNamed(name: string): ElementStylesheet | undefined {
  const tag = /^(council-[a-z0-9-]+)\.[0-9a-f]{10}\.css$/.exec(name)?.[1];
  if (!tag || !customElements.get(tag)) return undefined;
  const sheet = elementStylesheet(tag);
  return sheet.fileName === name ? sheet : undefined;
}
