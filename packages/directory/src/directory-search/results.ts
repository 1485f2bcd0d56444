import type { html as Html, nothing as Nothing, TemplateResult } from 'lit';
import type { DirectoryPage, DirectoryService } from '@council-kit/contracts';
import type { DirectoryQuery } from '../shared/feed-request.js';
import { rememberSearch } from '../shared/last-search.js';
import { distanceWords } from '../shared/schedule-words.js';
import { messageWithText } from '../shared/text-in-language.js';

export { readSearch } from '../shared/feed.js';
export { resultsStrings } from './results.i18n.js';

/**
 * What the results see of `<council-directory-search>`: the search they answer, its settings,
 * its messages (with the council's overrides) and its two actions.
 */
export interface ResultsView {
  /**
   * Lit's `html` and `nothing`, the element's own: this module imports no lit, so the CDN build
   * (which splits code a whole module at a time) keeps lit in one file with core.
   */
  readonly html: typeof Html;
  readonly nothing: typeof Nothing;
  query: DirectoryQuery;
  detailUrl: string;
  /** Whether the map shows too (`map` and `tile-url`). */
  mapped: boolean;
  /** `resultsStrings`' messages, with the council's overrides, in the page language. */
  t: (key: string, params?: Record<string, string | number>) => string;
  /** The results heading's level; each service's name is one below. */
  level: number;
  clear: () => void;
  goToPage: (page: number) => void;
}

/**
 * The results of a search: the heading, the list (or what to try when there are none), the
 * map's container and the pages. With the feed's readers (`readSearch`), loaded with the first
 * search (a dynamic import, started with the search request), so a page downloads only the
 * search form up front.
 */
export function renderResults(view: ResultsView, result: DirectoryPage): TemplateResult {
  const { html, nothing, t, query } = view;
  // Rendered on a server, the buttons need the script: until the element is defined, links to
  // the same page do their work (the styles show one or the other, see directory-search.styles.ts).
  const heading = html`<div role="heading" aria-level=${view.level} class="heading-m" tabindex="-1" data-step-heading>${result.totalItems ? t('found', { count: result.totalItems }) : t('noneTitle')}</div>
    <p><button type="button" class="link js-only" @click=${view.clear}>${t('clear')}</button><a class="no-js-only" href=${pageLink()}>${t('clear')}</a></p>`;
  if (result.items.length === 0) {
    const filters = query.categories.length ? html`<li>${t('noneFilters')}</li>` : nothing;
    const distance = query.postcode ? html`<li>${t('noneDistance')}</li>` : nothing;
    return html`${heading}
      <p>${t('noneIntro')}</p>
      <ul class="list">
        <li>${t('noneSpelling')}</li>
        <li>${t('noneFewer')}</li>
        ${filters}
        ${distance}
      </ul>`;
  }
  // The map is a picture of the list (numbered pins, no controls), never the only way in.
  const map = view.mapped ? html`<div class="map" part="map" role="img" aria-label=${t('mapLabel')}></div>` : nothing;
  return html`${heading}
    <ol class="results ${view.mapped ? 'numbered' : ''}">${result.items.map((s) => renderResult(view, s))}</ol>
    ${map}
    ${renderPagination(view, result)}`;
}

function renderResult({ html, nothing, t, detailUrl, query, level }: ResultsView, service: DirectoryService): TemplateResult {
  const description = service.description.length > 200 ? `${service.description.slice(0, 197).trimEnd()}…` : service.description;
  const cost = service.costs[0];
  const href = detailUrl ? `${detailUrl}${detailUrl.includes('?') ? '&' : '?'}id=${encodeURIComponent(service.id)}` : '';
  const name = href ? html`<a href=${href} @click=${() => rememberSearch(location.href, query.postcode)}>${service.name}</a>` : service.name;
  // Where the feed says a text's language (English on a Welsh page), screen readers are told.
  const organisation = service.organisation
    ? html`<p class="secondary-text">${messageWithText(html, t, 'by', 'organisation', service.organisation.name, service.organisation.lang)}</p>`
    : nothing;
  const about = description ? html`<p lang=${service.lang ?? nothing}>${description}</p>` : nothing;
  // A service at several places is listed once, at its nearest: "3 locations, nearest 0.4 miles".
  const places = service.locations.length;
  const near = service.distance === undefined ? '' : places > 1 ? t('nearest', { count: places, distance: distanceWords(service.distance, t, 'nearestMiles') }) : distanceWords(service.distance, t);
  const distance = near ? html`<li>${near}</li>` : nothing;
  const costWords = () => (cost!.description ? messageWithText(html, t, 'cost', 'cost', cost!.description, service.detailsLang) : t('cost', { cost: String(cost!.amount ?? '') }));
  const costs = cost ? html`<li>${cost.free ? t('free') : costWords()}</li>` : nothing;
  return html`<li class="result" part="result">
    <div role="heading" aria-level=${level + 1} class="heading-s" lang=${service.lang ?? nothing}>${name}</div>
    ${organisation}
    ${about}
    <ul class="facts">
      ${distance}
      ${costs}
    </ul>
  </li>`;
}

/**
 * This page's address (`document.baseURI`: on a server, the page being rendered) at results page
 * `page`, or with no search at all: the no-JavaScript links.
 */
function pageLink(page?: number): string {
  const url = new URL(document.baseURI);
  if (page) url.searchParams.set('page', String(page));
  else url.search = '';
  return url.href;
}

function renderPagination({ html, nothing, t, goToPage }: ResultsView, result: DirectoryPage): TemplateResult | symbol {
  if (result.totalPages <= 1) return nothing;
  const link = (page: number, key: string) =>
    html`<button type="button" class="link js-only" @click=${() => goToPage(page)}>${t(key)}</button><a class="no-js-only" href=${pageLink(page)}>${t(key)}</a>`;
  const previous = result.page > 1 ? link(result.page - 1, 'previous') : nothing;
  const next = result.page < result.totalPages ? link(result.page + 1, 'next') : nothing;
  return html`<nav class="pagination" aria-label=${t('pages')}>
    ${previous}
    <span>${t('pageOf', { page: result.page, pages: result.totalPages })}</span>
    ${next}
  </nav>`;
}
