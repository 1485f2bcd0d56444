import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ApiError, CouncilElement, QuestionFlow, type Step } from '@council-kit/core';
import { stepHeading } from '@council-kit/core/forms';
import { readReportableServices, validate, type ReportableService, type SubmissionReceipt } from '@council-kit/contracts';
import type { AddressSource } from '@council-kit/address-lookup';
import { missedBinReportStrings } from './missed-bin-report.i18n.js';
import { styles } from './missed-bin-report.styles.js';
import type { MissedBinAnswers } from './missed-bin-answers.js';
import type { FinishContext } from './finish.js';
import { collectionsPath } from '../shared/endpoints.js';
import { announceReference, contactLink, LaterSteps, propertyStep, useKnownProperty } from '../shared/waste-steps.js';

/** `detail` of `council-missed-bin-reported`. */
export interface MissedBinReportedDetail {
  reference: string;
  serviceId: string;
  duplicate: boolean;
}

/**
 * Report a missed bin collection, as GOV.UK question pages: the property, which collection
 * (only those still inside their report window), whether the bin was out in time, optional
 * contact details, check answers, confirmation with a reference. A second report of the same
 * collection is recognised and answered kindly.
 *
 * @summary Report a missed bin collection.
 * @slot - Fallback shown until the element upgrades: a link to the council's own form or phone number.
 * @fires council-missed-bin-reported - The report was accepted. `detail: { reference, serviceId, duplicate }`.
 * @fires council-step-change - The resident moved to another page of the form. `detail: { step, index, first, done }`: `index` counts the pages they came through (0 on the first), `first` is true on the opening page (show the page's intro only then), `done` on the confirmation. Never any answers.
 * @csspart button - Every button.
 * @csspart panel - The confirmation panel.
 * @csspart summary-list - The check-answers list.
 * @csspart problem - The panel shown when the service fails.
 * @csspart address-lookup-input - The embedded address lookup's text inputs (see `<council-address-lookup>`).
 * @csspart address-lookup-select - The embedded address lookup's list of addresses.
 * @csspart address-lookup-button - The embedded address lookup's buttons.
 * @csspart address-lookup-error-summary - The embedded address lookup's error summary.
 * @csspart address-lookup-problem - The embedded address lookup's failure panel.
 * @csspart address-lookup-busy - The embedded address lookup's busy indicator.
 * @cssprop --council-success-colour - Confirmation panel background.
 */
export class MissedBinReport extends CouncilElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    uprn: {},
    noRemember: { type: Boolean, attribute: 'no-remember' },
    addressSource: { attribute: false },
    httpOptions: { attribute: false },
    contactUrl: { attribute: 'contact-url' },
    binOutTime: { attribute: 'bin-out-time' },
    service: {},
    binDayUrl: { attribute: 'bin-day-url' },
    services: { state: true },
    loadError: { state: true },
  };

  /** Base URL of the council API. */
  apiBase = '';

  /** Start with this property instead of asking for the address. */
  uprn = '';

  /** Do not remember the property or the draft answers (shared computers, kiosks). */
  noRemember = false;

  /**
   * The embedded address lookup's data source (a property, no attribute): see
   * `<council-address-lookup>`'s `source`, e.g. `osPlacesSource`. Unset: the Council Kit contract.
   */
  addressSource?: AddressSource;

  /** Page explaining how to contact the council. */
  contactUrl = '';

  /** The time bins must be out by on collection day, as residents are told it. */
  binOutTime = '7am';

  /** Preselect this service (e.g. from the bin-day page's `?service=` link). */
  service = '';

  /** The council's bin-day page, offered when nothing can be reported. */
  binDayUrl = '';

  private services?: ReportableService[];
  private loadError?: ApiError;
  private loadedFor = '';

  /**
   * The first page (the property); the questions and the later pages (finish.ts) join it when
   * they load. Until then a known property shows the busy state (see render()).
   */
  private readonly steps: Step<MissedBinAnswers, SubmissionReceipt>[] = [propertyStep(this, 'service')];

  private readonly flow = new QuestionFlow<MissedBinAnswers, SubmissionReceipt>(this, {
    steps: this.steps,
    answers: { contact: { email: '', phone: '' }, serviceId: '', collectionDate: '', binOut: '' },
    draft: 'missed-bin-report',
    t: (key, params) => this.msg(key, params),
    send: (a, idempotencyKey) => this.later.pages!.send(a, idempotencyKey),
    sent: (receipt, a) => {
      announceReference(this.flow.t, receipt);
      this.emit<MissedBinReportedDetail>('council-missed-bin-reported', { reference: receipt.reference, serviceId: a.serviceId, duplicate: !!receipt.duplicate });
    },
    help: () => this.renderContactLink(),
  });

  /** What the later pages (finish.ts) see of the element. */
  private readonly context: FinishContext = {
    host: this,
    services: () => this.services!,
    missedDate: (service) => this.missedDate(service),
    date: (iso) => this.formatDate(iso, { year: false }),
    binDayLink: () => this.renderBinDayLink(),
    client: () => this.http(this.apiBase),
  };

  // A chunk of their own, loaded while the resident finds the property (or the collections load).
  private readonly later = new LaterSteps(this, this.steps, async () => (await import('./finish.js')).finish(this.context));

  override connectedCallback(): void {
    useKnownProperty(this, this.flow, 'service');
    super.connectedCallback();
  }

  // The property's collections, once the property is known (lookup, `uprn`, session or draft).
  override willUpdate(): void {
    const uprn = this.flow.answers.property?.uprn;
    if (uprn && uprn !== this.loadedFor && this.flow.step !== 'property') void this.loadServices(uprn);
  }

  private msg(key: string, params?: Record<string, string | number>): string {
    return this.t(this.later.words(missedBinReportStrings), key, params);
  }

  private async loadServices(uprn: string): Promise<void> {
    if (!this.apiBase) return;
    this.loadedFor = uprn;
    this.loadError = undefined;
    this.services = undefined;
    try {
      // The report window comes from the API; the default date range is enough to find it.
      const result = await this.http(this.apiBase).get(collectionsPath(uprn), {
        key: 'collections',
        query: { lang: this.locale },
        read: (json) => validate(readReportableServices, json),
      });
      this.services = result.services.filter((s) => s.reportMissed.open);
      if (!this.flow.answers.property?.address) this.flow.set({ property: { uprn, address: result.address } });
      const preselected = this.services.find((s) => s.id === (this.flow.answers.serviceId || this.service));
      if (preselected) this.flow.set({ serviceId: preselected.id, collectionDate: this.missedDate(preselected) });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') return;
      this.loadError = error instanceof ApiError ? error : new ApiError('invalid', String(error));
    }
  }

  /**
   * The collection being reported: today's if the crew marked it not collected, else the last one.
   * "Today" is the API's (it sends `todayState` only for a collection due today), so a resident
   * whose device clock is wrong still reports the collection the council will accept.
   */
  private missedDate(service: ReportableService): string {
    return (service.todayState === 'not_collected' ? service.nextCollection : service.previousCollection) ?? '';
  }

  override render(): TemplateResult {
    const { step } = this.flow;
    if (step !== 'property' && step !== 'done') {
      if (this.loadError) return this.renderProblem(this.loadError, () => void this.loadServices(this.loadedFor), this.renderContactLink());
      if (!this.services) return this.renderBusy(this.msg('loading'));
      if (this.services.length === 0) return this.renderNone();
    }
    // A known property or a restored draft waits for the questions' chunk.
    if (!this.steps.some((s) => s.id === step)) {
      const { failure } = this.later;
      return failure ? this.renderProblem(failure, () => void this.later.load(), this.renderContactLink()) : this.renderBusy(this.msg('loading'));
    }
    return this.flow.render();
  }

  private renderNone(): TemplateResult {
    return html`${stepHeading(this.msg('noneTitle'))}
      <p>${this.msg('noneBody')}</p>
      ${this.renderBinDayLink()} ${this.renderContactLink()}`;
  }

  private renderContactLink(): TemplateResult | typeof nothing {
    return contactLink(this.contactUrl, (key) => this.msg(key));
  }

  private renderBinDayLink(): TemplateResult | typeof nothing {
    return this.binDayUrl ? html`<p><a href=${this.binDayUrl}>${this.msg('binDayLink')}</a></p>` : nothing;
  }
}

// Declared with the class, so importing the class or the package gives typed
// `document.querySelector(…)` and `addEventListener(…)`, with or without the define file.
declare global {
  interface HTMLElementTagNameMap {
    'council-missed-bin-report': MissedBinReport;
  }
  interface HTMLElementEventMap {
    'council-missed-bin-reported': CustomEvent<MissedBinReportedDetail>;
  }
}
