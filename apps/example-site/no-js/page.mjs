// The page around a no-JavaScript step: the built page of the same journey (dist/…/index.html,
// with the site's header, footer, language toggle, stylesheet and script), with its element
// swapped for what the server rendered. So the layout is written once, in the Vite build.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Text safe in HTML content and double-quoted attributes. */
export function escapeHtml(/** @type {unknown} */ value) {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** @type {Map<string, string>} */
const templates = new Map();

/**
 * The built page `file` (relative to dist/), read once per process: the build is immutable
 * while the server runs.
 * @param {string} rootDir
 * @param {string} file
 */
export async function builtPage(rootDir, file) {
  const key = path.join(rootDir, file);
  let page = templates.get(key);
  if (page === undefined) {
    page = await readFile(key, 'utf8');
    templates.set(key, page);
  }
  return page;
}

/** The opening tag's attributes of the first `<tag>` in `page`, as the page's author wrote them.
 * @param {string} page
 * @param {string} tag
 * @returns {Record<string, string>}
 */
export function elementAttributes(page, tag) {
  const open = new RegExp(`<${tag}\\b([^>]*)>`).exec(page)?.[1] ?? '';
  return Object.fromEntries([...open.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, name, value = '']) => [name, value.replace(/&quot;/g, '"').replace(/&amp;/g, '&')]));
}

/**
 * `page` with its `<tag>…</tag>` replaced by `html`, an error prefix on the title when the step
 * shows errors (as GOV.UK does), and the day's meta tag for the elements' clock when the site
 * runs on a fixed day.
 * `title` names the thing the page shows (a service's name), in place of the page's own title
 * before the site's name, as GOV.UK titles do.
 * @param {string} page
 * @param {{ tag: string, html: string, errorPrefix?: string, today?: string, hideIntro?: boolean, title?: string }} options
 */
export function fillPage(page, { tag, html, errorPrefix, today, hideIntro, title }) {
  let out = page.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`), () => html);
  if (title) out = out.replace(/<title>[^<]*? – /, () => `<title>${escapeHtml(title)} – `);
  if (errorPrefix) out = out.replace('<title>', () => `<title>${escapeHtml(errorPrefix)} `);
  if (today) out = out.replace('<head>', () => `<head>\n    <meta name="council-today" content="${escapeHtml(today)}">`);
  // The introduction ("What you need: your postcode") has done its job once a property is shown;
  // the page script keeps it hidden after hydrating (see src/scripts/bin-day-in-page.ts).
  if (hideIntro) out = out.replace('<div data-journey-intro>', '<div data-journey-intro hidden>');
  return out;
}
