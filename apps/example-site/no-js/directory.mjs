// "Find local services" without JavaScript: the search page's GET form (the fallback in the
// page, then the element's own form, whose fields carry names) is answered by this server from
// the council's Open Referral UK feed, with the element's own requests (`searchFeed`,
// `feedVersion`, `feedCategories`, `feedService`: the same endpoints, the same `Accept-Language`), and shown as
// `<council-directory-search>` rendered on the server with that answer (`answer`); each result
// links to the service's page, `<council-service-detail>` rendered the same way (`service`).
// With scripts on, each element takes the server's page over without asking the feed again.
//
// The search, the postcode included, travels in the URL (`?q=…&postcode=…&page=2`), so the pages
// are plain links. A postcode typed into a directory search is not personal data here: it is not
// a resident's address (a postcode covers about fifteen homes, and people search near work or a
// relative's as often as near home), nothing else about the resident goes with it, the page is
// never stored by a cache (no-store), and the site sends no Referer to anyone (no-referrer). The
// element keeps it out of the URL anyway (it can: it holds the search in memory), and drops it
// from the URL when it takes a server-rendered page over.
import { renderElement } from '@council-kit/ssr';
import { ApiError, HttpClient, coreStrings, flowStrings, translate } from '@council-kit/core';
import { parsePostcode } from '@council-kit/contracts';
import { DirectorySearch, emptyQuery, feedCategories, feedService, feedVersion, searchFeed, serviceDetailStrings } from '@council-kit/directory';
import '@council-kit/directory/define';
import { URL } from 'node:url';
import { builtPage, elementAttributes, escapeHtml, fillPage } from './page.mjs';

const searchTag = 'council-directory-search';
const detailTag = 'council-service-detail';
/** The journey's pages in each language (the built file and its address). */
const pages = {
  search: {
    en: { file: 'local-services/index.html', path: '/local-services/' },
    cy: { file: 'cy/local-services/index.html', path: '/cy/local-services/' },
  },
  detail: {
    en: { file: 'local-services/service/index.html', path: '/local-services/service/' },
    cy: { file: 'cy/local-services/service/index.html', path: '/cy/local-services/service/' },
  },
};
/** The form's fields: any of them in the query makes the request a search. */
const searchFields = ['q', 'postcode', 'category', 'distance', 'page'];

/**
 * @typedef {{ rootDir: string, apiUrl: string, today?: string, renderToday?: string }} Site
 * @typedef {{ status: number, html: string }} Answer
 * @typedef {'en' | 'cy'} Lang
 */

/** @param {Record<Lang, { path: string }>} paths @param {URL} url @returns {Lang | undefined} */
const langOf = (paths, url) => (url.pathname === paths.cy.path ? 'cy' : url.pathname === paths.en.path ? 'en' : undefined);

/**
 * The feed's client for the page's element (its `api-base`, resolved against the API): a new one
 * per request, since a client drops a request superseded by the next with the same key. No
 * retries: the resident is waiting for the page, and can reload it.
 * @param {Record<string, string>} attributes @param {Site} site
 */
const feedClient = (attributes, site) => new HttpClient(new URL(attributes['api-base'] || '/oruk', site.apiUrl).href, { retries: 0 });

/**
 * The answer for a search page request carrying the form's fields, or for a service page with
 * `?id=`; `undefined` for any other request (the static page then answers).
 * @param {URL} url the request's URL, on the site's own origin
 * @param {Site} site
 * @returns {Promise<Answer | undefined>}
 */
export async function directoryAnswer(url, site) {
  const searchLang = langOf(pages.search, url);
  if (searchLang && searchFields.some((name) => url.searchParams.has(name))) return search(url, site, searchLang);
  const detailLang = langOf(pages.detail, url);
  if (detailLang && url.searchParams.get('id')) return detail(url, site, detailLang, /** @type {string} */ (url.searchParams.get('id')).slice(0, 200));
  return undefined;
}

/**
 * The search in the URL, answered by the feed and shown by the element: results, no results, the
 * postcode to correct or the feed's failure, each as the element shows it, with its form above.
 * @param {URL} url @param {Site} site @param {Lang} lang
 */
async function search(url, site, lang) {
  const page = await builtPage(site.rootDir, pages.search[lang].file);
  const attributes = elementAttributes(page, searchTag);
  const params = url.searchParams;
  // Read as the element reads its URL (readUrl), the postcode as typed: the element checks it.
  /** @type {import('@council-kit/directory').DirectoryQuery} */
  const query = {
    text: (params.get('q') ?? '').slice(0, 100),
    categories: params.getAll('category').slice(0, 20),
    postcode: (params.get('postcode') ?? '').slice(0, 16),
    distance: Number(params.get('distance')) || emptyQuery.distance,
    page: Math.min(1000, Math.max(1, Math.floor(Number(params.get('page'))) || 1)),
  };
  const http = feedClient(attributes, site);
  const version = /** @type {import('@council-kit/contracts').OrukVersion} */ (attributes.version || 'auto');
  const perPage = Number(attributes['per-page']) || 10;
  // The filters are a refinement: without them the search still works (as in the element). The
  // feed's version is asked once per client (`auto`), for both requests.
  const categories = feedVersion(http, version)
    .then((known) => feedCategories(http, known, lang))
    .catch(() => undefined);
  const parsed = query.postcode.trim() ? parsePostcode(query.postcode) : { ok: true, postcode: '' };
  /** @type {import('@council-kit/directory').DirectorySearchAnswer} */
  const answer = { query, categories: await categories };
  if (parsed.ok) {
    try {
      answer.page = await searchFeed(http, version, perPage, { ...query, text: query.text.trim(), postcode: parsed.postcode }, lang);
    } catch (error) {
      answer.failed = error instanceof ApiError ? (error.status ?? 0) : 0;
    }
  }
  await DirectorySearch.resultsReady();
  const html = await renderElement(searchTag, { attributes, properties: { answer }, data: answer, lang, pageUrl: url, today: site.renderToday ?? site.today });
  const errorPrefix = parsed.ok ? undefined : translate(coreStrings, 'errorPrefix', lang);
  return { status: 200, html: fillPage(page, { tag: searchTag, html, errorPrefix, today: site.today }) };
}

/**
 * One service, shown by the element with its name as the page's heading and title; a service
 * that is not there, or a feed that fails, says so in the element's words with a way on.
 * @param {URL} url @param {Site} site @param {Lang} lang @param {string} id
 */
async function detail(url, site, lang, id) {
  const page = await builtPage(site.rootDir, pages.detail[lang].file);
  const attributes = elementAttributes(page, detailTag);
  const back = attributes['back-url'] || pages.search[lang].path;
  let service;
  try {
    service = await feedService(feedClient(attributes, site), id, lang);
  } catch (error) {
    // A 400 is an id the feed could never have given (not one of its ids): not there either.
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    /** @param {string} key */
    const say = (key) => escapeHtml(missing ? translate(serviceDetailStrings, key, lang) : translate(coreStrings, key, lang));
    // Said in the page's light DOM, inside the element, which (once a script defines it) asks the
    // feed itself and says the same in its own shadow root, with its Try again.
    const panel = `<div class="no-js-step">
        <p><a href="${escapeHtml(back)}">${escapeHtml(translate(serviceDetailStrings, 'back', lang))}</a></p>
        <h1>${say(missing ? 'notFoundTitle' : 'problemTitle')}</h1>
        <p>${say(missing ? 'notFoundBody' : 'problemBody')}</p>
        <p><a href="${lang === 'cy' ? '/cy/contact/' : '/contact/'}">${escapeHtml(translate(flowStrings, 'contactLink', lang))}</a></p>
      </div>`;
    const open = page.match(new RegExp(`<${detailTag}\\b[^>]*>`))?.[0] ?? `<${detailTag}>`;
    const html = `${open.replace(/>$/, () => ` service-id="${escapeHtml(id)}">`)}${panel}</${detailTag}>`;
    return { status: missing ? 404 : 200, html: fillPage(page, { tag: detailTag, html, today: site.today }) };
  }
  const html = await renderElement(detailTag, {
    attributes: { ...attributes, 'service-id': service.id },
    properties: { service },
    data: service,
    lang,
    pageUrl: url,
    today: site.renderToday ?? site.today,
  });
  return { status: 200, html: fillPage(page, { tag: detailTag, html, today: site.today, title: service.name }) };
}
