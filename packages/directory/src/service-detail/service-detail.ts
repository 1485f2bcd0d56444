import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, CouncilElement } from '@council-kit/core';
import type { DirectorySchedule, DirectoryService, OrukVersion } from '@council-kit/contracts';
import { serviceDetailStrings, type ServiceDetailKey } from './service-detail.i18n.js';
import { styles } from './service-detail.styles.js';
import { feedService } from '../shared/feed-service.js';
import { lastSearch, serverAnswer } from '../shared/last-search.js';
import { scheduleWords } from '../shared/schedule-words.js';
import { messageWithText } from '../shared/text-in-language.js';

/** `detail` of `council-service-shown`: the service now on screen. */
export interface ServiceShownDetail {
  id: string;
  name: string;
}

/**
 * One service from an Open Referral UK feed, in full: what it is, who runs it, how to contact
 * it (only safe link schemes), where, when (opening times in plain words), cost, who it is
 * for, languages and when the information was last checked. "Back to results" returns to the
 * search the resident came from.
 *
 * The service's name is its heading: at `heading-level="1"` it is the page's `h1` (the page then
 * has no heading of its own, or keeps one in the fallback for readers without JavaScript), and
 * `council-service-shown` gives the page the name for `document.title`.
 *
 * @summary A directory service's full details (Open Referral UK).
 * @slot - Fallback shown until the element upgrades: a link to the service on the council's directory.
 * @fires council-service-shown - A service's details, fetched by the element, are on screen. `detail: { id, name }`, so the page can use the name in `document.title` (a page rendered with the `service` already names it).
 * @csspart problem - The panel shown when the feed fails.
 * @csspart button - Every button.
 */
export class ServiceDetail extends CouncilElement {
  static override styles = [...CouncilElement.styles, styles];

  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    version: {},
    serviceId: { attribute: 'service-id' },
    backUrl: { attribute: 'back-url' },
    headingLevel: { attribute: 'heading-level', type: Number },
    service: { attribute: false },
    error: { state: true },
  };

  /** Base URL of the ORUK feed. */
  apiBase = '';

  /** The feed's ORUK version: `v3`, `v1` or `auto`. */
  version: OrukVersion = 'auto';

  /** The service to show; defaults to the page URL's `?id=`. */
  serviceId = '';

  /** The search page, used for "Back to results" when the resident did not come from a search. */
  backUrl = '';

  /**
   * The level of the service's name (1–6): `1` when it is the page's main heading, as on a
   * GOV.UK page whose title is the thing shown. The "not found" heading takes the same level.
   */
  headingLevel = 2;

  /**
   * The service, already fetched (a property, no attribute): shown for `service-id` without
   * asking the feed again. A server renderer (`@council-kit/ssr`) sets it and writes it into the
   * page as a `<script type="application/json" data-council-data>` child, which the element
   * reads when it connects; so it takes the server's page over without a second request.
   */
  service?: DirectoryService;

  private error?: ApiError;

  private msg(key: ServiceDetailKey, params?: Record<string, string | number>): string {
    return this.t(serviceDetailStrings, key, params);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!(changed.has('serviceId') || changed.has('apiBase'))) return;
    // Given the service asked for (rendered on the server, in its data block, or set by the
    // page): no request, and the page already shows its name.
    const given = (this.service ??= serverAnswer(this) as DirectoryService | undefined);
    if (!given?.id || given.id !== this.serviceId) void this.load();
  }

  // Hydrating a server-rendered page keeps the server's attribute values, and the server cannot
  // know the search this resident came from (it is in their session): point the link there now.
  protected override firstUpdated(): void {
    const back = lastSearch();
    if (back) this.renderRoot.querySelector('a')?.setAttribute('href', back);
  }

  private async load(): Promise<void> {
    const id = this.serviceId || new URLSearchParams(location.search).get('id') || '';
    this.error = undefined;
    this.service = undefined;
    // No service chosen (the page was opened without an id): say so, never wait for ever.
    if (!id) this.error = new ApiError('http', 'No service id', { status: 404 });
    if (!id || !this.apiBase) return;
    try {
      this.service = await feedService(this.http(this.apiBase), id, this.locale);
      await this.updateComplete;
      this.emit<ServiceShownDetail>('council-service-shown', { id: this.service.id, name: this.service.name });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') return;
      this.error = error instanceof ApiError ? error : new ApiError('invalid', String(error));
    }
  }

  override render(): TemplateResult {
    const back = lastSearch() ?? this.backUrl;
    const backLink = back ? html`<p><a href=${back}>${this.msg('back')}</a></p>` : nothing;
    if (this.error?.status === 404) {
      return html`${backLink}${this.heading(this.msg('notFoundTitle'))}<p>${this.msg('notFoundBody')}</p>`;
    }
    if (this.error) return html`${backLink}${this.renderProblem(this.error, () => void this.load().then(() => this.focusAfterRender('[data-step-heading]')))}`;
    if (!this.service) return this.renderBusy(this.msg('loading'));
    return html`${backLink}${this.renderService(this.service)}`;
  }

  /** `lang`: the text's language when the feed says (English kept on a Welsh page). */
  private heading(text: string, lang?: string): TemplateResult {
    const level = Math.min(6, Math.max(1, this.headingLevel));
    return html`<div role="heading" aria-level=${level} class="heading-m" tabindex="-1" data-step-heading lang=${lang ?? nothing}>${text}</div>`;
  }

  private renderService(s: DirectoryService): TemplateResult {
    const t = (key: string, params?: Record<string, string | number>) => this.t(serviceDetailStrings, key, params);
    const ages =
      s.minimumAge !== undefined && s.maximumAge !== undefined
        ? this.msg('ages', { min: s.minimumAge, max: s.maximumAge })
        : s.minimumAge !== undefined
          ? this.msg('agesFrom', { min: s.minimumAge })
          : s.maximumAge !== undefined
            ? this.msg('agesTo', { max: s.maximumAge })
            : '';
    const contact = s.phones.length || s.email || s.url;
    // The feed's own words keep the language it gives them (English on a Welsh page); ours are the page's.
    const own = (text: string) => html`<span lang=${s.detailsLang ?? nothing}>${text}</span>`;
    // Opening times in the page's words, or the feed's own description of them, in its language.
    const schedule = (sc: DirectorySchedule) => (scheduleWords(sc, t) === sc.description ? own(sc.description!) : scheduleWords(sc, t));
    const who = s.eligibility ? html`${own(s.eligibility)}${ages ? `\n${ages}` : ''}` : ages;
    return html`${this.heading(s.name, s.lang)}
      ${s.organisation ? html`<p class="secondary-text">${messageWithText(html, t, 'by', 'organisation', s.organisation.name, s.organisation.lang)}</p>` : nothing}
      ${s.description.split('\n\n').map((p) => html`<p lang=${s.lang ?? nothing}>${p}</p>`)}
      <dl>
        ${contact
          ? html`<dt>${this.msg('contact')}</dt>
              ${s.phones.map((p) => html`<dd>${this.msg('phone')}: <a href=${`tel:${p.number.replace(/[^\d+]/g, '')}`}>${p.number}</a>${p.description ? html` (${own(p.description)})` : ''}</dd>`)}
              ${s.email ? html`<dd>${this.msg('email')}: <a href=${`mailto:${s.email}`}>${s.email}</a></dd>` : nothing}
              ${s.url ? html`<dd>${this.msg('website')}: <a href=${s.url} target="_blank" rel="noopener noreferrer">${this.msg('websiteLink')}</a></dd>` : nothing}`
          : nothing}
        ${s.locations.length
          ? html`<dt>${this.msg('where')}</dt>
              ${s.locations.map(
                (l) => html`<dd lang=${l.lang ?? nothing}>${[l.name, l.address, l.postcode].filter(Boolean).join('\n')}</dd>
                  ${l.accessibility.length ? html`<dd>${this.msg('accessibility')}: <span lang=${l.lang ?? nothing}>${l.accessibility.join(', ')}</span></dd>` : nothing}`,
              )}`
          : nothing}
        ${s.schedules.length ? html`<dt>${this.msg('when')}</dt>${s.schedules.map((sc) => html`<dd>${schedule(sc)}</dd>`)}` : nothing}
        ${s.costs.length
          ? html`<dt>${this.msg('costs')}</dt>${s.costs.map((c) => html`<dd>${c.free ? this.msg('free') : c.description ? own(c.description) : `£${c.amount ?? ''}`}</dd>`)}`
          : nothing}
        ${who ? html`<dt>${this.msg('who')}</dt><dd>${who}</dd>` : nothing}
        ${s.languages.length ? html`<dt>${this.msg('languages')}</dt><dd>${own(s.languages.join(', '))}</dd>` : nothing}
      </dl>
      ${s.lastUpdated ? html`<p class="secondary-text">${this.msg('updated', { date: this.formatDate(s.lastUpdated, { weekday: false }) })}</p>` : nothing}`;
  }
}

// Declared with the class, so importing the class or the package gives typed
// `document.querySelector(…)` and `addEventListener(…)`, with or without the define file.
declare global {
  interface HTMLElementTagNameMap {
    'council-service-detail': ServiceDetail;
  }
}
