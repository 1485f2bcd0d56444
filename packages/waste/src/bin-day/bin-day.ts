import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ApiError, CouncilElement, councilNow, readServerData } from '@council-kit/core';
import { dayNumber, readCollectionsResult, todayInLondon, validate, type CollectionsResult, type WasteService } from '@council-kit/contracts';
import type { AddressSelectedDetail, AddressSource } from '@council-kit/address-lookup';
import { addressLookupExportParts } from '@council-kit/address-lookup/address-lookup';
import { binDayStrings, type BinDayKey } from './bin-day.i18n.js';
import { styles } from './bin-day.styles.js';
import { describeContainer, describeFrequency } from '../shared/describe.js';
import { collectionsPath, icsPath } from '../shared/endpoints.js';
import { collectionsQuery } from '../shared/collections-query.js';
import { forgetProperty, rememberedProperty, rememberProperty } from '../shared/property-store.js';

/** `detail` of `council-collections-loaded`. */
export interface CollectionsLoadedDetail {
  /** How many services the property has. */
  services: number;
}

/**
 * "When is my bin day?": finds the property (or takes a `uprn`), then shows each waste service
 * with its next collection, changed dates, today's state, the missed-collection report window,
 * paid-service subscriptions and calendar links.
 *
 * @summary Bin collection days for a property.
 * @slot - Fallback shown until the element upgrades: a link to the council's bin-day page.
 * @fires council-collections-loaded - Collections rendered. `detail: { services: number }`.
 * @fires council-address-selected - Re-fired from the embedded address lookup.
 * @csspart service - One service card.
 * @csspart problem - The panel shown when the service fails.
 * @csspart button - Every button.
 * @csspart address-lookup-input - The embedded address lookup's text inputs (see `<council-address-lookup>`).
 * @csspart address-lookup-select - The embedded address lookup's list of addresses.
 * @csspart address-lookup-button - The embedded address lookup's buttons.
 * @csspart address-lookup-error-summary - The embedded address lookup's error summary.
 * @csspart address-lookup-problem - The embedded address lookup's failure panel.
 * @csspart address-lookup-busy - The embedded address lookup's busy indicator.
 * @cssprop --council-brand-colour - The bar above each service card.
 * @cssprop --council-border-colour - Card borders.
 */
export class BinDay extends CouncilElement {
  static override styles = [...CouncilElement.styles, styles];
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    uprn: {},
    weeks: { type: Number },
    noRemember: { type: Boolean, attribute: 'no-remember' },
    reportUrl: { attribute: 'report-url' },
    changeUrl: { attribute: 'change-url' },
    contactUrl: { attribute: 'contact-url' },
    gardenUrl: { attribute: 'garden-url' },
    bulkyUrl: { attribute: 'bulky-url' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    addressSource: { attribute: false },
    collections: { attribute: false },
    httpOptions: { attribute: false },
    result: { state: true },
    error: { state: true },
    loading: { state: true },
    manualOnly: { state: true },
    address: { state: true },
  };

  /** Base URL of the council API. */
  apiBase = '';

  /**
   * The council's garden waste page (with `<council-garden-waste>`, e.g. `/bins/garden-waste/`):
   * when set, a property without an active garden waste subscription links there to subscribe or
   * renew (the property is remembered, so the form starts at its garden waste). Unset: the API's
   * `renewUrl` (`GARDEN_SUBSCRIPTION_URL`).
   */
  gardenUrl = '';

  /** The property to show. Without it (and without a remembered one) the resident finds their address first. */
  uprn = '';

  /** How many weeks of upcoming collections to show. */
  weeks = 8;

  /** Do not remember the chosen property for the session (shared computers, kiosks). */
  noRemember = false;

  /** Page for reporting a missed collection; `?service=<id>` is added. */
  reportUrl = '';

  /**
   * Where "Change address" leads before the element's script has run (a page rendered on the
   * server, see `@council-kit/ssr`): the page's own no-JavaScript postcode form. Once the element
   * is defined, "Change address" is its button again.
   */
  changeUrl = '';

  /** Page explaining how to contact the council about bins. */
  contactUrl = '';

  /** The council's page for booking a bulky waste collection (`<council-bulky-waste>`): linked under the collections. */
  bulkyUrl = '';

  /** Level of the element's main heading (service cards use the next level). */
  headingLevel = 2;

  /**
   * The embedded address lookup's data source (a property, no attribute): see
   * `<council-address-lookup>`'s `source`, e.g. `osPlacesSource`. Unset: the Council Kit contract.
   */
  addressSource?: AddressSource;

  /**
   * The property's collections, already fetched (a property, no attribute): shown for `uprn`
   * without asking the API again. A server renderer (`@council-kit/ssr`) sets it, and writes it
   * into the page as a `<script type="application/json" data-council-data>` child, which the
   * element reads when it connects; so the page the server sent and the element that takes it
   * over show the same answer, fetched once.
   */
  collections?: CollectionsResult;

  private result?: CollectionsResult;
  private error?: ApiError;
  private loading = false;
  private manualOnly = false;
  private address = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.collections ??= this.serverCollections();
    if (this.collections && !this.noRemember) rememberProperty({ uprn: this.collections.uprn, address: this.collections.address });
    if (!this.uprn && !this.noRemember) {
      const remembered = rememberedProperty();
      if (remembered) {
        this.address = remembered.address;
        this.uprn = remembered.uprn;
      }
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!(changed.has('uprn') || changed.has('apiBase') || changed.has('weeks') || changed.has('collections'))) return;
    // Given the answer for this property (rendered on the server, or by the page): no fetch.
    if (this.collections && this.collections.uprn === this.uprn) this.show(this.collections);
    else void this.load();
  }

  /** The server's data block for this property (see `readServerData`), if it is a valid answer. */
  private serverCollections(): CollectionsResult | undefined {
    const data = readServerData(this);
    if (data === undefined) return undefined;
    try {
      return validate(readCollectionsResult, data);
    } catch {
      return undefined;
    }
  }

  private show(result: CollectionsResult): void {
    this.result = result;
    this.address = result.address;
    this.error = undefined;
    this.loading = false;
  }

  private get todayDate(): string {
    return todayInLondon(councilNow(this.today));
  }

  private msg(key: BinDayKey, params?: Record<string, string | number>): string {
    return this.t(binDayStrings, key, params);
  }

  private async load(): Promise<void> {
    this.result = undefined;
    this.error = undefined;
    if (!this.uprn || !this.apiBase) return;
    this.loading = true;
    try {
      const result = await this.http(this.apiBase).get(collectionsPath(this.uprn), {
        key: 'collections',
        query: collectionsQuery(this.todayDate, this.weeks, this.locale),
        read: (json) => validate(readCollectionsResult, json),
      });
      this.result = result;
      this.address = result.address;
      if (!this.noRemember) rememberProperty({ uprn: result.uprn, address: result.address });
      this.announce(`${this.msg('title', { address: result.address })}. ${this.msg('found', { count: result.services.length })}`);
      this.emit<CollectionsLoadedDetail>('council-collections-loaded', { services: result.services.length });
      void this.focusAfterRender('[data-step-heading]');
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') return;
      this.error = error instanceof ApiError ? error : new ApiError('invalid', String(error));
    } finally {
      this.loading = false;
    }
  }

  private onAddress(event: CustomEvent<AddressSelectedDetail>): void {
    if (!event.detail.uprn) {
      this.manualOnly = true;
      return;
    }
    this.manualOnly = false;
    this.uprn = event.detail.uprn;
  }

  private changeAddress(): void {
    forgetProperty();
    this.uprn = '';
    this.address = '';
    this.result = undefined;
    this.error = undefined;
    void this.focusAfterRender('council-address-lookup');
  }

  private relative(date: string): string {
    const days = dayNumber(date) - dayNumber(this.todayDate);
    if (days === 0) return this.msg('today');
    if (days === 1) return this.msg('tomorrow');
    return this.msg('inDays', { count: days });
  }

  // In the page language: the calendar's names and notes are written by the API (`?lang=`).
  private calendarUrl(): URL {
    return this.http(this.apiBase).url(icsPath(this.uprn), { lang: this.locale });
  }

  override render(): TemplateResult {
    if (!this.uprn) {
      return html`<council-address-lookup
          exportparts=${addressLookupExportParts}
          api-base=${this.apiBase}
          heading-level=${this.headingLevel}
          .source=${this.addressSource}
          .httpOptions=${this.httpOptions}
          .strings=${this.strings}
          @council-address-selected=${this.onAddress}
        ></council-address-lookup>
        ${this.manualOnly ? html`<div class="inset" role="alert">${this.msg('manualAddress')} ${this.renderContact()}</div>` : nothing}`;
    }
    if (this.error) {
      return html`${this.renderProblem(this.error, () => void this.load(), this.renderContact())}${this.renderChange()}`;
    }
    if (this.loading || !this.result) return this.renderBusy(this.msg('loading'));
    const level = Math.min(6, Math.max(2, this.headingLevel));
    return html`<div role="heading" aria-level=${level} class="heading-m" tabindex="-1" data-step-heading>${this.msg('title', { address: this.result.address })}</div>
      ${this.renderChange()}
      ${this.result.services.length === 0
        ? html`<div class="inset"><p><strong>${this.msg('noServicesTitle')}</strong></p><p>${this.msg('noServicesBody')}</p>${this.renderContact()}</div>`
        : html`<ul class="services">${this.result.services.map((s) => this.renderService(s, level + 1))}</ul>
            <div class="actions">
              <a href=${this.calendarUrl().href} download>${this.msg('download')}</a>
              <a href=${this.calendarUrl().href.replace(/^https?:/, 'webcal:')}>${this.msg('subscribeCalendar')}</a>
              ${this.bulkyUrl ? html`<a href=${this.bulkyUrl}>${this.msg('bookBulky')}</a>` : nothing}
            </div>`}`;
  }

  private renderChange(): TemplateResult {
    // Rendered on a server, the button needs the script; until the element is defined, the
    // stylesheet shows the link to the page's no-JavaScript form instead (see bin-day.styles.ts).
    return html`<p><button type="button" class="link js-only" @click=${this.changeAddress}>${this.msg('changeAddress')}</button>${this.changeUrl
      ? html`<a class="no-js-only" href=${this.changeUrl}>${this.msg('changeAddress')}</a>`
      : nothing}</p>`;
  }

  private renderContact(): TemplateResult | typeof nothing {
    return this.contactUrl ? html`<p><a href=${this.contactUrl}>${this.msg('contact')}</a></p>` : nothing;
  }

  /** The council's own name for a service (`strings` key `service-<id>`), else the API's. */
  private serviceName(service: WasteService): string {
    const key = `service-${service.id}`;
    const name = this.t(binDayStrings, key);
    return name === key ? service.name : name;
  }

  private renderService(service: WasteService, level: number): TemplateResult {
    const t = (key: string, params?: Record<string, string | number>) => this.t(binDayStrings, key, params);
    const later = service.upcoming.filter((d) => d !== service.nextCollection);
    return html`<li class="service" part="service">
      <div role="heading" aria-level=${level} class="heading-s">${this.serviceName(service)}</div>
      <p class="secondary-text">${describeContainer(service.container, t)}${service.frequency ? html`<br />${describeFrequency(service.frequency, t)}` : nothing}</p>
      ${service.todayState ? html`<p><span class="state ${service.todayState.replace("_", "-")}">${this.msg(stateKeys[service.todayState])}</span></p>` : nothing}
      ${service.nextCollection
        ? html`<p>${this.msg('next')}:</p><p class="next">${this.formatDate(service.nextCollection, { year: false })} <span class="secondary-text">(${this.relative(service.nextCollection)})</span></p>`
        : // A lapsed subscription explains itself below; otherwise say the dates are missing.
          service.subscription && service.subscription.status !== 'active'
          ? nothing
          : html`<p>${this.msg('noDates')}</p>`}
      ${(service.changedDates ?? []).map(
        (c) => html`<p><strong>${this.msg('changed')}</strong> (${c.reason}):<br />
          <del><span class="visually-hidden">${this.msg('usualDay')} </span>${this.formatDate(c.was, { year: false })}</del>
          <ins><span class="visually-hidden">${this.msg('newDay')} </span>${this.formatDate(c.now, { year: false })}</ins></p>`,
      )}
      ${service.previousCollection ? html`<p>${this.msg('previous')}: ${this.formatDate(service.previousCollection, { year: false })}</p>` : nothing}
      ${service.reportMissed.open && this.reportUrl
        ? html`<p><a href=${`${this.reportUrl}${this.reportUrl.includes('?') ? '&' : '?'}service=${encodeURIComponent(service.id)}`}>${this.msg('reportMissed')}</a>
            ${service.reportMissed.until ? html`<br />${this.msg('reportUntil', { date: this.formatDate(service.reportMissed.until, { year: false }) })}` : nothing}</p>`
        : nothing}
      ${this.renderSubscription(service)}
      ${later.length
        ? html`<details><summary>${this.msg('upcoming', { count: this.weeks })}</summary>
            <ul class="list">${later.map((d) => html`<li>${this.formatDate(d, { year: false })}</li>`)}</ul></details>`
        : nothing}
    </li>`;
  }

  private renderSubscription(service: WasteService): TemplateResult | typeof nothing {
    const sub = service.subscription;
    if (!sub) return nothing;
    const target = this.gardenUrl || sub.renewUrl;
    const link = target && /^https?:|^\//.test(target) ? target : undefined;
    const text = sub.status === 'active' ? 'subscriptionActive' : sub.status === 'expired' ? 'subscriptionExpired' : 'subscriptionNone';
    return html`<p>${this.msg(text)}
      ${link && sub.status !== 'active' ? html`<br /><a href=${link}>${this.msg(sub.status === 'expired' ? 'renew' : 'subscribe')}</a>` : nothing}</p>`;
  }
}

const stateKeys = {
  scheduled: 'stateScheduled',
  in_progress: 'stateInProgress',
  collected: 'stateCollected',
  not_collected: 'stateNotCollected',
} as const;

// Declared with the class, so importing the class or the package gives typed
// `document.querySelector(…)` and `addEventListener(…)`, with or without the define file.
declare global {
  interface HTMLElementTagNameMap {
    'council-bin-day': BinDay;
  }
  interface HTMLElementEventMap {
    'council-collections-loaded': CustomEvent<CollectionsLoadedDetail>;
  }
}
