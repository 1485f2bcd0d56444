import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { CouncilElementRenderer } from './element-renderer.js';
import { jsonForScript } from './escape.js';
import { withRenderContext, type Locale } from './render-context.js';

/** What to render and for which page. */
export interface RenderElementOptions {
  /** Attributes of the element, as a page would write them (`{ 'api-base': '/api/v1', uprn: '…' }`). */
  attributes?: Record<string, string | boolean | number | undefined>;
  /**
   * Properties set before it renders, by name (e.g. `{ collections }` for `<council-bin-day>`):
   * the data it would have fetched. Each element's README names its property.
   */
  properties?: Record<string, unknown>;
  /**
   * The same data again, for the browser: written as the element's
   * `<script type="application/json" data-council-data>` child, which the element reads when it
   * connects, so it hydrates without fetching again. Usually the value of the data property.
   */
  data?: unknown;
  /** The page's language (its `<html lang>`): `en` or `cy`. */
  lang: Locale;
  /** The page's absolute URL (the request's): relative links and `api-base` resolve against it. */
  pageUrl: string | URL;
  /** Today in Europe/London (`YYYY-MM-DD`), when the page fixes it (demos, tests); else the real day. */
  today?: string;
  /**
   * The URL path the server serves element stylesheets under (see `elementStylesheet` and
   * `stylesheetNamed`), ending in `/`. Default `/council-kit/ssr/`.
   */
  stylesheetBase?: string;
  /** Light-DOM HTML to keep inside the element (already escaped: it is written as it is). */
  lightHtml?: string;
}

// Template strings must be the same object each time for Lit to reuse a parsed template, so one
// is kept per tag and set of attribute and property names (never per value: values are bindings).
const templates = new Map<string, TemplateStringsArray>();

function templateStrings(tag: string, attributes: string[], properties: string[]): TemplateStringsArray {
  const key = [tag, ...attributes, '|', ...properties].join(' ');
  let strings = templates.get(key);
  if (!strings) {
    if (!/^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(tag)) throw new Error(`Not a custom element name: ${tag}`);
    for (const name of [...attributes, ...properties]) {
      if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(name)) throw new Error(`Not an attribute or property name: ${name}`);
    }
    // <tag a=${…} .p=${…}></tag>: every attribute and property value is a binding.
    const names = [...attributes, ...properties.map((name) => `.${name}`)];
    const cooked = names.length === 0 ? [`<${tag}></${tag}>`] : [`<${tag} ${names[0]}=`, ...names.slice(1).map((name) => ` ${name}=`), `></${tag}>`];
    strings = Object.assign(cooked, { raw: [...cooked] }) as unknown as TemplateStringsArray;
    templates.set(key, strings);
  }
  return strings;
}

/**
 * Renders `<tag>` with its shadow root as declarative shadow DOM, given the data it would have
 * fetched, in the page's language: HTML to put in the page where the element goes. Elements
 * nested inside are rendered too. With the page's script (which must import
 * `@lit-labs/ssr-client/lit-element-hydrate-support.js` before the element), the element takes
 * the rendered DOM over without rendering or fetching again.
 *
 * Import `@council-kit/ssr` before the element modules (see the README).
 */
export async function renderElement(tag: string, options: RenderElementOptions): Promise<string> {
  const attributes = Object.entries(options.attributes ?? {}).filter(([, value]) => value !== undefined && value !== false);
  const properties = Object.entries(options.properties ?? {});
  const strings = templateStrings(tag, attributes.map(([name]) => name), properties.map(([name]) => name));
  const dataBlock = options.data === undefined ? '' : `<script type="application/json" data-council-data>${jsonForScript(options.data)}</script>`;
  const values = [...attributes.map(([, value]) => (value === true ? '' : String(value))), ...properties.map(([, value]) => value)];
  const rendered = await withRenderContext(
    { lang: options.lang, pageUrl: String(options.pageUrl), today: options.today, stylesheetBase: options.stylesheetBase ?? '/council-kit/ssr/' },
    () => collectResult(render(html(strings, ...values), { elementRenderers: [CouncilElementRenderer] })),
  );
  // The light DOM goes in after the shadow root, as the HTML it already is (never through a Lit
  // binding: the data block is JSON this module wrote, and `lightHtml` the caller's own markup).
  const end = rendered.lastIndexOf(`</${tag}>`);
  return rendered.slice(0, end) + dataBlock + (options.lightHtml ?? '') + rendered.slice(end);
}

/**
 * Renders any Lit template (not an element: e.g. core's `errorSummary`) to HTML for the page's
 * light DOM, in the render context of `options`, so a server's own forms use the elements'
 * templates and strings.
 */
export async function renderTemplate(value: unknown, options: Pick<RenderElementOptions, 'lang' | 'pageUrl' | 'today' | 'stylesheetBase'>): Promise<string> {
  return withRenderContext(
    { lang: options.lang, pageUrl: String(options.pageUrl), today: options.today, stylesheetBase: options.stylesheetBase ?? '/council-kit/ssr/' },
    () => collectResult(render(value, { elementRenderers: [CouncilElementRenderer] })),
  );
}
