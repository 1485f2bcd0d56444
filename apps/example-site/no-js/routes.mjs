// The example site's server-rendered pages (the no-JavaScript journeys) and the element
// stylesheets their declarative shadow roots link. `@council-kit/ssr` comes first: it puts Lit's
// DOM shim in place before any element module is evaluated.
import { stylesheetNamed } from '@council-kit/ssr';
import { binDayAnswer } from './bin-day.mjs';
import { directoryAnswer } from './directory.mjs';

/** Where `@council-kit/ssr` links each element's stylesheet from (its default). */
const stylesheetBase = '/council-kit/ssr/';

/**
 * @typedef {{ rootDir: string, apiUrl: string, today?: string, renderToday?: string }} Site
 * @typedef {{ status: number, type: string, body: string, immutable?: boolean }} Answer
 */

/**
 * The answer for `url` when a server-rendered page or an element stylesheet answers it, else
 * `undefined` (the static file does).
 * @param {URL} url
 * @param {Site} site
 * @returns {Promise<Answer | undefined>}
 */
export async function serverRendered(url, site) {
  if (url.pathname.startsWith(stylesheetBase)) {
    const sheet = stylesheetNamed(url.pathname.slice(stylesheetBase.length));
    // The name carries a hash of the content, so it can be cached for ever.
    return sheet ? { status: 200, type: 'text/css; charset=utf-8', body: sheet.css, immutable: true } : undefined;
  }
  const page = (await binDayAnswer(url, site)) ?? (await directoryAnswer(url, site));
  return page && { status: page.status, type: 'text/html; charset=utf-8', body: page.html };
}
