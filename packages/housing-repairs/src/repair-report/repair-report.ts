import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ApiError, CouncilElement, councilNow, DraftStore, draftKey, type FieldError } from '@council-kit/core';
import { backLink, formStyles, radios, type RadioOption } from '@council-kit/core/forms';
import { inOfficeHours, leafOutcome, readRepairCatalogue, readRepairProperty, validate, type Bilingual, type Repair, type RepairCatalogue, type RepairSlots } from '@council-kit/contracts';
import type { AddressSelectedDetail } from '@council-kit/address-lookup';
import '@council-kit/address-lookup/address-lookup';
import { repairReportStrings } from './repair-report.i18n.js';
import { styles } from './repair-report.styles.js';
import { phoneNow } from './phone-now.js';
import type { Answers, Draft, ReportHost, Step } from './report-host.js';
import type * as Journey from './journey.js';

/** `detail` of `council-repair-reported`: the reference and whether an appointment was booked. */
export interface RepairReportedDetail {
  reference: string;
  /** `book`: an appointment was booked; `we-will-contact`: the council will call to arrange one. */
  outcome: 'book' | 'we-will-contact';
}

// Answers that depend on the one before: changing one clears those after it.
const chain = ['reporter', 'locationId', 'reported', 'problemId', 'leafId'] as const;

/**
 * Report a housing repair, as GOV.UK question pages driven by the council's repairs catalogue:
 * the emergency screen first (gas goes to the national gas emergency number), who is reporting,
 * the property (council homes only), where, what, which best describes it, a description,
 * optional photos, how to contact the resident, an appointment, check answers and confirmation.
 * Repairs that cannot be booked online end on a page that says what to do instead. Answers
 * survive a reload (session storage) and a failed send.
 *
 * @summary Report a housing repair and book an appointment.
 * @slot - Fallback shown until the element upgrades and the catalogue loads: a link to the council's repairs page or phone number.
 * @fires council-repair-reported - The repair was accepted. `detail: { reference, outcome }` (no personal data).
 * @csspart button - Every button.
 * @csspart panel - The confirmation panel.
 * @csspart summary-list - The check-answers list.
 * @csspart problem - The panel shown when the service fails.
 * @csspart error-summary - The GOV.UK error summary.
 * @csspart phone - A phone number to call (emergency, contact us).
 * @cssprop --council-success-colour - Confirmation panel background.
 * @cssprop --council-error-colour - Error colour (summary, inline errors, character count over the limit).
 */
export class RepairReport extends CouncilElement {
  static override styles = [...CouncilElement.styles, formStyles, styles];
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    uprn: {},
    contactUrl: { attribute: 'contact-url' },
    appointmentUrl: { attribute: 'appointment-url' },
    noRemember: { type: Boolean, attribute: 'no-remember' },
    catalogue: { attribute: false },
    now: { attribute: false },
    draft: { state: true },
    errors: { state: true },
    busy: { state: true },
    failure: { state: true },
    slots: { state: true },
    uploading: { state: true },
    sending: { state: true },
    sendError: { state: true },
    sent: { state: true },
  };

  /** Base URL of the council API; every request resolves against it. */
  apiBase = '';

  /** The property, when the page already knows it (the address is then not asked for). */
  uprn = '';

  /** The council's contact page, offered wherever the resident cannot go on online. */
  contactUrl = '';

  /** The page with `<council-repair-appointment>`, linked from the confirmation. */
  appointmentUrl = '';

  /** Do not keep the answers in session storage (shared computers, kiosks). */
  noRemember = false;

  /** The repairs catalogue. Default: fetched from `{api-base}/repairs/catalogue`. */
  catalogue?: RepairCatalogue;

  /** The moment to judge office hours by (default: now), for previews and tests. */
  now?: Date;

  private draft: Draft = {
    step: 'emergency',
    history: [],
    answers: { emergency: '', reporter: '', locationId: '', reported: '', problemId: '', leafId: '', description: '', photos: [], preference: '', mobile: '', email: '', phone: '' },
  };
  private errors: FieldError[] = [];
  private busy = '';
  private failure?: ApiError;
  private retry?: () => void;
  private slots?: RepairSlots;
  private uploading = false;
  private sending = false;
  private sendError?: ApiError;
  private sent?: Repair;
  private focusTarget = '';
  private countTimer?: ReturnType<typeof setTimeout>;
  private readonly store = new DraftStore<Draft>(draftKey('repair-report'));
  private journey?: typeof Journey;
  private journeyLoad?: Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = this.noRemember ? undefined : this.store.load();
    if (saved?.answers && saved.step && saved.step !== 'done') this.draft = saved as Draft;
    if (!this.catalogue) void this.loadCatalogue();
  }

  override willUpdate(): void {
    const step = this.draft.step;
    if (!this.journey && (step !== 'emergency' && step !== 'call')) this.loadJourney();
    if (step === 'slot' && !this.slots && !this.busy && !this.failure && this.catalogue && this.journey) void this.journey.loadSlots(this.host);
  }

  /** The element as the on-demand half of the journey sees it. */
  private get host(): ReportHost {
    return this as unknown as ReportHost;
  }

  /**
   * Loads the second half of the journey (description to confirmation) once the resident is
   * past the emergency screen, while they answer where the problem is. A dynamic import: its
   * own chunk, so a page with this element downloads only the triage up front (see journey.ts).
   */
  private loadJourney(): void {
    this.journeyLoad ??= import('./journey.js').then(
      (journey) => {
        for (const lang of ['en', 'cy'] as const) Object.assign(repairReportStrings[lang], journey.journeyStrings[lang]);
        this.journey = journey;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.journeyLoad = undefined;
        this.failure = new ApiError('network', String(error));
        this.retry = () => ((this.failure = undefined), this.loadJourney());
      },
    );
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (changed.has('draft') && !this.noRemember && this.draft.step !== 'done') this.store.save(this.draft);
    // Each page moves focus to its heading (or to the error summary) once it has rendered,
    // which may be after a request: the busy page has neither.
    const target = this.focusTarget && this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (target) {
      this.focusTarget = '';
      target.focus();
    }
  }

  private msg(key: string, params?: Record<string, string | number>): string {
    return this.t(repairReportStrings, key, params);
  }

  private label(text: Bilingual): string {
    return text[this.locale] || text.en;
  }

  private async run(busy: string, task: () => Promise<void>): Promise<void> {
    this.busy = busy;
    this.failure = undefined;
    try {
      await task();
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') return;
      this.failure = error instanceof ApiError ? error : new ApiError('invalid', String(error));
      this.retry = () => void this.run(busy, task);
    } finally {
      this.busy = '';
    }
  }

  private loadCatalogue(): Promise<void> {
    return this.run('', async () => {
      this.catalogue = await this.http(this.apiBase).get('/repairs/catalogue', { read: (json) => validate(readRepairCatalogue, json) });
    });
  }

  private findProperty(uprn: string): void {
    void this.run(this.msg('checkingProperty'), async () => {
      const property = await this.http(this.apiBase).get(`/repairs/properties/${encodeURIComponent(uprn)}`, {
        query: { lang: this.locale },
        read: (json) => validate(readRepairProperty, json),
      });
      // Appointments are per property: a different home needs a new one.
      if (property.uprn !== this.draft.property?.uprn) this.set({ slot: undefined, callBack: false });
      this.draft = { ...this.draft, property };
      this.go(property.councilOwned ? 'location' : 'notCouncil', !property.councilOwned);
    });
  }


  // ---- answers and navigation -------------------------------------------------------------

  private get a(): Answers {
    return this.draft.answers;
  }

  private get location() {
    return this.catalogue?.locations.find((l) => l.id === this.a.locationId);
  }

  private get problem() {
    return this.location?.problems.find((p) => p.id === this.a.problemId);
  }

  private get leaf() {
    return this.problem?.leaves.find((l) => l.id === this.a.leafId);
  }

  /** Booked online, or the council calls back (urgent jobs; no free slots). */
  private get outcome() {
    return this.leaf && this.a.reporter ? leafOutcome(this.leaf, this.a.reporter) : 'book';
  }

  private set(patch: Partial<Answers>): void {
    this.draft = { ...this.draft, answers: { ...this.a, ...patch }, key: undefined };
  }

  /** The first answer still needed, when coming back from "Check your answers". */
  private missing(): Step | undefined {
    const a = this.a;
    if (!a.locationId) return 'location';
    if (!a.problemId) return 'problem';
    if (!this.leaf) return 'leaf';
    if (!a.description.trim()) return 'describe';
    if (!a.preference) return 'contact';
    if (this.outcome === 'book' && !a.slot && !a.callBack) return 'slot';
    return undefined;
  }

  /**
   * Moves to `step`, remembering the way back. After a Change link, Continue returns to check
   * answers unless a changed answer needs another one (`force` for end pages, which always show).
   */
  private go(step: Step, force = false): void {
    const { history, step: current } = this.draft;
    const next = !force && current !== 'check' && history.includes('check') ? (this.missing() ?? 'check') : step;
    if (next === 'slot') this.slots = undefined;
    this.errors = [];
    this.draft = { ...this.draft, step: next, history: [...history.filter((s) => s !== next), current] };
    this.focusTarget = '[data-step-heading]';
  }

  private back(): void {
    const history = [...this.draft.history];
    const step = history.pop();
    if (!step) return;
    this.errors = [];
    this.failure = undefined;
    this.draft = { ...this.draft, step, history };
    this.focusTarget = '[data-step-heading]';
  }

  private check(errors: FieldError[], params?: Record<string, string | number>): boolean {
    this.errors = errors.map((e) => ({ field: e.field, message: this.msg(e.message, params) }));
    if (errors.length) this.focusTarget = '.error-summary';
    return !errors.length;
  }

  /** Requires an answer to a radios question (the summary links to its first radio). */
  private need(key: keyof Answers, id: string, message: string): boolean {
    return this.check(this.a[key] ? [] : [{ field: `${id}-0`, message }]);
  }

  private errorFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  // ---- templates --------------------------------------------------------------------------

  private heading(text: string): TemplateResult {
    return html`<div role="heading" aria-level="2" class="heading-m" tabindex="-1" data-step-heading>${text}</div>`;
  }

  private backLink(): TemplateResult | typeof nothing {
    return this.draft.history.length ? backLink(this.msg('back'), () => this.back()) : nothing;
  }

  private page(question: TemplateResult, next: () => unknown, button = this.msg('continue')): TemplateResult {
    return html`${this.backLink()}${this.renderErrorSummary(this.errors)}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), next())}>
        ${question}
        <button class="button" part="button">${button}</button>
      </form>`;
  }

  private endPage(title: string, body: TemplateResult): TemplateResult {
    return html`${this.backLink()}${this.heading(title)}${body}`;
  }

  private choice(id: string, legend: string, options: RadioOption[], key: keyof Answers, hint?: string, heading = true): TemplateResult {
    const value = this.a[key] as string;
    return radios({
      id,
      legend,
      legendIsHeading: heading,
      hint,
      options,
      value,
      error: this.errorFor(`${id}-0`),
      errorPrefix: this.t('errorPrefix'),
      onChange: (v) => {
        if (v === value) return;
        const i = chain.indexOf(key as (typeof chain)[number]);
        const cleared = i < 0 ? {} : { ...Object.fromEntries(chain.slice(i + 1).map((k) => [k, ''])), slot: undefined, callBack: false };
        this.set({ ...cleared, [key]: v });
      },
    });
  }

  private tel(phone: string): TemplateResult {
    return html`<a class="phone" part="phone" href=${`tel:${phone.replace(/[^\d+]/g, '')}`}>${phone}</a>`;
  }

  private contactLink(): TemplateResult | typeof nothing {
    return this.contactUrl ? html`<p><a href=${this.contactUrl}>${this.msg('contactLink')}</a></p>` : nothing;
  }

  override render(): TemplateResult {
    if (this.failure) return html`${this.backLink()}${this.renderProblem(this.failure, this.retry, this.contactLink())}`;
    if (this.busy) return this.renderBusy(this.busy);
    const catalogue = this.catalogue;
    // The light-DOM fallback stays until there is something better to show.
    if (!catalogue) return html`<slot></slot>`;
    const a = this.a;
    const msg = this.msg.bind(this);
    const council = this.label(catalogue.council.name);
    switch (this.draft.step) {
      case 'emergency':
        return this.page(
          this.choice('emergency', msg('emergencyTitle'), [...catalogue.emergencies.map((e) => ({ value: e.id, label: this.label(e.label) })), { value: 'none', label: msg('noEmergency') }], 'emergency', msg('emergencyHint')),
          () => this.need('emergency', 'emergency', 'errorEmergency') && this.go(a.emergency === 'none' ? 'reporter' : 'call'),
        );
      case 'call': {
        const now = this.now ?? councilNow(this.today);
        const gas = catalogue.emergencies.some((e) => e.gas && e.id === a.emergency);
        return this.endPage(
          msg(gas ? 'gasTitle' : 'callTitle'),
          html`${gas ? html`<p>${msg('gasBody')} ${this.tel(catalogue.council.gasEmergencyPhone)}</p>` : nothing}
            <p>${msg(gas ? 'gasThen' : 'callBody', { council })} ${this.tel(phoneNow(catalogue, now))}</p>
            ${inOfficeHours(catalogue.council.officeHours, now) ? nothing : html`<p>${msg('callOutOfHours')}</p>`}`,
        );
      }
      case 'reporter':
        return this.page(
          this.choice('reporter', msg('reporterTitle'), (['tenant', 'leaseholder'] as const).map((r) => ({ value: r, label: msg(r), hint: msg(`${r}Hint`) })), 'reporter'),
          () => this.need('reporter', 'reporter', 'errorReporter') && (this.uprn ? this.findProperty(this.uprn) : this.go('property')),
        );
      case 'property':
        return html`${this.backLink()}${this.renderErrorSummary(this.errors)}${this.heading(msg('propertyTitle'))}
          <council-address-lookup id="lookup" api-base=${this.apiBase} heading-level="3" .strings=${this.strings} @council-address-selected=${this.onAddress}></council-address-lookup>`;
      default:
        return this.journey ? this.journey.renderJourney(this.host) : this.renderBusy(this.msg('loading'));
    }
  }

  private onAddress(event: CustomEvent<AddressSelectedDetail>): void {
    event.stopPropagation();
    if (event.detail.uprn) this.findProperty(event.detail.uprn);
    else this.check([{ field: 'lookup', message: 'manualAddress' }]);
  }

}

// Declared with the class, so importing the class or the package gives typed
// `document.querySelector(…)` and `addEventListener(…)`, with or without the define file.
declare global {
  interface HTMLElementTagNameMap {
    'council-repair-report': RepairReport;
  }
  interface HTMLElementEventMap {
    'council-repair-reported': CustomEvent<RepairReportedDetail>;
  }
}
