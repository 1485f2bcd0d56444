import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, CouncilElement, type FieldError } from '@council-kit/core';
import { parsePostcode } from '@council-kit/contracts';
import type { DirectoryCategory, DirectoryPage, OrukVersion } from '@council-kit/contracts';
import { directorySearchStrings, type DirectorySearchKey } from './directory-search.i18n.js';
import { styles } from './directory-search.styles.js';
import { emptyQuery, feedCategories, feedVersion, searchRequest, type DirectoryQuery } from '../shared/feed-request.js';
import { lastPostcode, serverAnswer } from '../shared/last-search.js';
import type * as Results from './results.js';

/** `detail` of `council-directory-searched`: counts only, never what the resident typed. */
export interface DirectorySearchedDetail {
  total: number;
  page: number;
}

/**
 * A search already answered, for `<council-directory-search>` to show without asking the feed
 * (its `answer`): what a server renderer fetched, as the element itself would have.
 */
export interface DirectorySearchAnswer {
  /** The search as the form sent it (the postcode as typed: the element checks it as its form does). */
  query: DirectoryQuery;
  /** The feed's page of services for it; none when the postcode was not one, or the feed failed. */
  page?: DirectoryPage;
  /** The feed's taxonomy terms (the filters). Left out, the element asks the feed for them. */
  categories?: DirectoryCategory[];
  /** The search failed: the feed's HTTP status, or 0 when it could not be reached. */
  failed?: number;
}

const DISTANCES = [1, 3, 5, 10, 25];

/** The results' code (results.ts), once loaded: by the first search, or before an `answer` is shown. */
let resultsCode: typeof Results | undefined;
const loadResults = (): Promise<typeof Results> =>
  import('./results.js').then(
    (code) => (resultsCode = code),
    (cause: unknown) => {
      throw new ApiError('network', 'Unreachable', { cause });
    },
  );

/**
 * Searches any Open Referral UK feed (v3, or the v1 many councils still publish): keywords,
 * categories from the feed, near a postcode within a distance (nearest first), paged results
 * announced to screen readers. The search (except the postcode, which is personal data) is
 * kept in the page URL, so results can be linked to and the Back button works.
 *
 * @summary Community services directory search (Open Referral UK).
 * @slot - Fallback shown until the element upgrades: a link to the council's directory, or a plain search form.
 * @fires council-directory-searched - Results rendered. `detail: { total, page }`.
 * @csspart result - One search result.
 * @csspart button - Every button.
 * @csspart problem - The panel shown when the feed fails.
 * @csspart map - The optional map of results (`map` and `tile-url`).
 */
export class DirectorySearch extends CouncilElement {
  static override styles = [...CouncilElement.styles, styles];
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    version: {},
    perPage: { attribute: 'per-page', type: Number },
    detailUrl: { attribute: 'detail-url' },
    noUrlState: { attribute: 'no-url-state', type: Boolean },
    map: { type: Boolean },
    tileUrl: { attribute: 'tile-url' },
    tileAttribution: { attribute: 'tile-attribution' },
    headingLevel: { attribute: 'heading-level', type: Number },
    answer: { attribute: false },
    query: { state: true },
    draft: { state: true },
    result: { state: true },
    categories: { state: true },
    error: { state: true },
    errors: { state: true },
    loading: { state: true },
  };

  /** Base URL of the ORUK feed, e.g. `/oruk` or `https://directory.example.gov.uk/api`. */
  apiBase = '';

  /**
   * The feed's ORUK version: `v3`, `v1`, or `auto`: asked once (the feed's root, else the paging
   * of its first answer), then every request is the one that version takes.
   */
  version: OrukVersion = 'auto';

  /** Results per page. */
  perPage = 10;

  /** The council's service detail page; `?id=<service id>` is added. Without it, results are not links. */
  detailUrl = '';

  /** Do not write the search to the page URL (for pages with several searches). */
  noUrlState = false;

  /**
   * Show the results on a map as well as in the list (needs `tile-url`). Off by default: map
   * tiles are a call to a third party, and Leaflet is loaded only when this is on.
   */
  map = false;

  /** Map tiles the council has chosen, e.g. `https://tiles.example.gov.uk/{z}/{x}/{y}.png`. */
  tileUrl = '';

  /** The tiles' attribution, as plain text, e.g. `© OpenStreetMap contributors`. */
  tileAttribution = '';

  /**
   * The level of the results heading (2–6; each service's name is one level below), to fit the
   * page's outline: `3` when the search sits under the page's own `h2`.
   */
  headingLevel = 2;

  /**
   * A search already answered (a property, no attribute): shown as it is, without asking the
   * feed. A server renderer (`@council-kit/ssr`) sets it and writes it into the page as a
   * `<script type="application/json" data-council-data>` child, which the element reads when it
   * connects; so the element takes the server's page over without searching again. See
   * `DirectorySearchAnswer`.
   */
  answer?: DirectorySearchAnswer;

  private query: DirectoryQuery = { ...emptyQuery };
  private draft: DirectoryQuery = { ...emptyQuery };
  private result?: DirectoryPage;
  private categories: DirectoryCategory[] = [];
  private error?: ApiError;
  private errors: FieldError[] = [];
  private loading = false;
  private readonly onPopState = () => this.readUrl();
  private leaflet?: { remove(): void };
  private mapped?: DirectoryPage;

  private msg(key: DirectorySearchKey, params?: Record<string, string | number>): string {
    return this.t(directorySearchStrings, key, params);
  }

  /** A message of the results (`resultsStrings`), once they have loaded. */
  private say(key: string, params?: Record<string, string | number>): string {
    return this.t(resultsCode!.resultsStrings, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    this.answer ??= serverAnswer(this) as DirectorySearchAnswer | undefined;
    if (!this.answer?.categories) {
      const http = this.http(this.apiBase);
      void feedVersion(http, this.version).then((version) => feedCategories(http, version, this.locale)).then(
        (categories) => (this.categories = categories),
        () => (this.categories = []), // categories are a refinement: search still works without them
      );
    }
    if (!this.answer) this.readUrl();
  }

  // An answer is shown with the results' code: the first update (the one that hydrates a page
  // the server rendered, which must match it) waits for it to load.
  protected override async scheduleUpdate(): Promise<void> {
    if (this.answer && !resultsCode) await loadResults().catch(() => undefined);
    super.scheduleUpdate();
  }

  /** Shows `answer` as the search's own result (a server renders with `resultsReady()` awaited first). */
  override willUpdate(changed: PropertyValues<this>): void {
    const answer = this.answer;
    if (!changed.has('answer') || !answer) return;
    if (answer.categories) this.categories = answer.categories;
    this.draft = { ...answer.query };
    const query = this.checked(answer.query);
    if (!query) return;
    this.query = query;
    this.result = answer.failed === undefined ? answer.page : undefined;
    this.error = answer.failed === undefined ? undefined : new ApiError(answer.failed ? 'http' : 'network', 'Search failed', { status: answer.failed || undefined });
  }

  /**
   * Loads the results' code, which the element otherwise loads with its first search: a server
   * renderer awaits it before rendering an element with an `answer`.
   */
  static async resultsReady(): Promise<void> {
    await loadResults();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.leaflet?.remove();
    this.leaflet = this.mapped = undefined;
  }

  /** Keeps the filter boxes to the search, and draws the map under the list once new results are on screen, if the council asked for one. */
  protected override updated(): void {
    // Each box follows the search (`?checked`, which a server can render, stops counting once the
    // box is clicked; a `.checked` binding would render as checked="false", which is checked).
    for (const box of this.renderRoot.querySelectorAll<HTMLInputElement>('[name=category]')) box.checked = this.draft.categories.includes(box.value);
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    const result = this.result;
    if (!container || this.mapped === result) return;
    this.mapped = result;
    void import('../results-map/results-map.js').then(
      (m) => (this.leaflet = m.showMap(container, result!.items, { tileUrl: this.tileUrl, attribution: this.tileAttribution }, this.leaflet)),
    );
  }

  // A page the server rendered could not know the postcode the resident searched near (kept out
  // of the URL, in history state or the session): once the page is taken over, search near it.
  protected override firstUpdated(): void {
    if (this.answer && !this.answer.query.postcode && this.postcodeOfUrl()) this.readUrl();
  }

  /** The postcode the page URL's search was made near (history state, or the session's last search). */
  private postcodeOfUrl(): string {
    return (history.state as { councilPostcode?: string } | null)?.councilPostcode ?? lastPostcode(location.href);
  }

  /** Restores the search from the URL (and the postcode from history state) and runs it. */
  private readUrl(): void {
    if (this.noUrlState) return;
    const params = new URLSearchParams(location.search);
    const postcode = this.postcodeOfUrl();
    const query: DirectoryQuery = {
      text: params.get('q') ?? '',
      categories: params.getAll('category'),
      postcode,
      distance: Number(params.get('distance')) || emptyQuery.distance,
      page: Math.max(1, Number(params.get('page')) || 1),
    };
    this.draft = { ...query };
    if (query.text || query.categories.length || query.postcode) void this.run(query, false);
    else this.result = undefined;
  }

  private writeUrl(query: DirectoryQuery): void {
    if (this.noUrlState) return;
    const params = new URLSearchParams(location.search);
    // (`postcode` too: a page the server rendered may carry it, see the README.)
    for (const name of ['q', 'postcode', 'category', 'distance', 'page']) params.delete(name);
    if (query.text) params.set('q', query.text);
    query.categories.forEach((c) => params.append('category', c));
    if (query.postcode) params.set('distance', String(query.distance));
    if (query.page > 1) params.set('page', String(query.page));
    const search = params.toString();
    history.pushState({ councilPostcode: query.postcode }, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }

  private submit(event: Event): void {
    event.preventDefault();
    const query = this.checked(this.draft);
    if (query) void this.run({ ...query, page: 1 }, true);
    else void this.focusAfterRender('.error-summary');
  }

  /** The search to send for `draft` (text trimmed, postcode normalised), or none, with the error shown, when the postcode is not one. */
  private checked(draft: DirectoryQuery): DirectoryQuery | undefined {
    const parsed = draft.postcode.trim() ? parsePostcode(draft.postcode) : { ok: true as const, postcode: '' };
    this.errors = parsed.ok ? [] : [{ field: 'postcode', message: this.msg('errorPostcode') }];
    return parsed.ok ? { ...draft, text: draft.text.trim().slice(0, 100), postcode: parsed.postcode } : undefined;
  }

  /** `push`: a new search (written to the URL); it and Try again move focus to the results. */
  private async run(query: DirectoryQuery, push: boolean, focus = push): Promise<void> {
    this.query = query;
    if (push) this.writeUrl(query);
    this.loading = true;
    this.error = undefined;
    try {
      // The results' code loads on demand, alongside the request: no extra round trip, and a
      // page that is never searched never downloads it. Failing to load, it is a network problem
      // (Try again loads it again).
      const http = this.http(this.apiBase);
      const [[json, version], results] = await Promise.all([
        feedVersion(http, this.version).then(async (version) => [await searchRequest(http, version, this.perPage, query, (json) => json, this.locale), version] as const),
        loadResults(),
      ]);
      this.result = results.readSearch(json, version, query);
      const message = this.say('found', { count: this.result.totalItems });
      this.announce(this.result.totalPages > 1 ? `${message}. ${this.say('pageOf', { page: this.result.page, pages: this.result.totalPages })}` : message);
      this.emit<DirectorySearchedDetail>('council-directory-searched', { total: this.result.totalItems, page: this.result.page });
      if (focus) void this.focusAfterRender('[data-step-heading]');
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') return;
      this.error = error instanceof ApiError ? error : new ApiError('invalid', String(error));
      this.result = undefined;
    } finally {
      this.loading = false;
    }
  }

  private goToPage(page: number): void {
    void this.run({ ...this.query, page }, true);
  }

  private clear(): void {
    this.draft = { ...emptyQuery };
    this.query = { ...emptyQuery };
    this.result = undefined;
    this.error = undefined;
    this.writeUrl(this.query);
    void this.focusAfterRender('#text');
  }

  private toggleCategory(id: string, on: boolean): void {
    const categories = this.draft.categories.filter((c) => c !== id);
    this.draft = { ...this.draft, categories: on ? [...categories, id] : categories };
  }

  override render(): TemplateResult {
    return html`${this.renderErrorSummary(this.errors)}${this.renderForm()}
      <div aria-busy=${this.loading ? 'true' : 'false'}>${this.renderResults()}</div>`;
  }

  private renderForm(): TemplateResult {
    const postcodeError = this.errors.find((e) => e.field === 'postcode')?.message;
    // Nested templates first, so the build can collapse the indentation of the outer one.
    const distances = DISTANCES.map((d) => html`<option value=${d} ?selected=${d === this.draft.distance}>${this.msg('distanceOption', { count: d })}</option>`);
    return html`<form role="search" novalidate @submit=${this.submit}>
      <div class="form-group">
        <label class="label heading-s" for="text">${this.msg('textLabel')}</label>
        <p class="hint" id="text-hint">${this.msg('textHint')}</p>
        <input class="input" id="text" name="q" type="search" maxlength="100" aria-describedby="text-hint" .value=${this.draft.text}
          @input=${(e: Event) => (this.draft = { ...this.draft, text: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="near">
        <div class="form-group ${postcodeError ? 'error' : ''}">
          <label class="label" for="postcode">${this.msg('postcodeLabel')}</label>
          ${this.renderFieldError('postcode-error', postcodeError)}
          <input class="input width-10 ${postcodeError ? 'error' : ''}" id="postcode" name="postcode" autocomplete="postal-code" spellcheck="false" maxlength="16"
            aria-describedby=${postcodeError ? 'postcode-error' : nothing} aria-invalid=${postcodeError ? 'true' : 'false'} .value=${this.draft.postcode}
            @input=${(e: Event) => (this.draft = { ...this.draft, postcode: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="form-group">
          <label class="label" for="distance">${this.msg('distanceLabel')}</label>
          <select class="select" id="distance" name="distance" @change=${(e: Event) => (this.draft = { ...this.draft, distance: Number((e.target as HTMLSelectElement).value) })}>
            ${distances}
          </select>
        </div>
      </div>
      ${this.renderFacets()}
      <button class="button" part="button" type="submit">${this.msg('search')}</button>
    </form>`;
  }

  /**
   * One expandable filter per vocabulary in the feed's taxonomy ("Category", "Cost",
   * "Delivery"…), since ORUK filters every facet through taxonomy terms; counts where given.
   */
  private renderFacets(): TemplateResult[] {
    const groups = new Map<string, DirectoryCategory[]>();
    for (const c of this.categories) groups.set(c.vocabulary ?? '', [...(groups.get(c.vocabulary ?? '') ?? []), c]);
    return [...groups].map(([vocabulary, terms]) => {
      const label = vocabulary || this.msg('categoriesLabel');
      const chosen = terms.filter((c) => this.draft.categories.includes(c.id)).length;
      const count = chosen ? ` (${this.msg('selected', { count: chosen })})` : '';
      const boxes = terms.map(
        (c) => html`<div class="checkbox">
          <input type="checkbox" id=${'category-' + c.id} name="category" value=${c.id} ?checked=${this.draft.categories.includes(c.id)}
            @change=${(e: Event) => this.toggleCategory(c.id, (e.target as HTMLInputElement).checked)} />
          <label for=${'category-' + c.id} lang=${c.lang ?? nothing}>${c.name}${c.count === undefined ? nothing : ' (' + c.count + ')'}</label>
        </div>`,
      );
      return html`<details ?open=${chosen > 0}>
        <summary>${label}${count}</summary>
        <fieldset>
          <legend class="visually-hidden">${label}</legend>
          ${boxes}
        </fieldset>
      </details>`;
    });
  }

  private renderResults(): TemplateResult | typeof nothing {
    if (this.loading) return this.renderBusy(this.msg('searching'));
    // Rendered on a server, Try again is a link to the same search until the element is defined.
    const again = html`<p class="no-js-only"><a href=${document.baseURI}>${this.t('tryAgain')}</a></p>`;
    if (this.error) return this.renderProblem(this.error, () => void this.run(this.query, false, true), again);
    return this.result
      ? resultsCode!.renderResults(
          {
            html,
            nothing,
            query: this.query,
            detailUrl: this.detailUrl,
            mapped: !!this.map && !!this.tileUrl,
            level: Math.min(5, Math.max(2, this.headingLevel)),
            t: (key, params) => this.say(key, params),
            clear: () => this.clear(),
            goToPage: (page) => this.goToPage(page),
          },
          this.result,
        )
      : nothing;
  }
}

// Declared with the class, so importing the class or the package gives typed
// `document.querySelector(…)` and `addEventListener(…)`, with or without the define file.
declare global {
  interface HTMLElementTagNameMap {
    'council-directory-search': DirectorySearch;
  }
  interface HTMLElementEventMap {
    'council-directory-searched': CustomEvent<DirectorySearchedDetail>;
  }
}
