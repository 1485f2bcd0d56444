import { html, type nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { announce, CouncilElement, councilNow, QuestionFlow, type Catalogue } from '@council-kit/core';
import { busy, formStyles, radios } from '@council-kit/core/forms';
import type { Bilingual, RepairCatalogue, RepairSlots, ReportedRepair } from '@council-kit/contracts';
import type { AddressSource } from '@council-kit/address-lookup';
import { repairReportStrings } from './repair-report.i18n.js';
import { styles } from './repair-report.styles.js';
import type { ReportAnswers, ReportFlow, ReportStep } from './report-flow.js';
import type * as Journey from './journey.js';
import type * as Call from './call.js';
import { contactLink } from '../shared/contact-link.js';
import { cataloguePath } from '../shared/endpoints.js';
import { Loader } from '../shared/loader.js';

/** `detail` of `council-repair-reported`: the reference and whether an appointment was booked. */
export interface RepairReportedDetail {
  reference: string;
  /** `book`: an appointment was booked; `we-will-contact`: the council will call to arrange one. */
  outcome: 'book' | 'we-will-contact';
}

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
 * @fires council-step-change - The resident moved to another page of the form. `detail: { step, index, first, done }`: `index` counts the pages they came through (0 on the first), `first` is true on the opening page (show the page's intro only then), `done` on the confirmation. Never any answers.
 * @csspart button - Every button.
 * @csspart panel - The confirmation panel.
 * @csspart summary-list - The check-answers list.
 * @csspart problem - The panel shown when the service fails.
 * @csspart error-summary - The GOV.UK error summary.
 * @csspart phone - A phone number to call (emergency, contact us).
 * @csspart address-lookup-input - The embedded address lookup's text inputs (see `<council-address-lookup>`).
 * @csspart address-lookup-select - The embedded address lookup's list of addresses.
 * @csspart address-lookup-button - The embedded address lookup's buttons.
 * @csspart address-lookup-error-summary - The embedded address lookup's error summary.
 * @csspart address-lookup-problem - The embedded address lookup's failure panel.
 * @csspart address-lookup-busy - The embedded address lookup's busy indicator.
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
    addressSource: { attribute: false },
    httpOptions: { attribute: false },
    catalogue: { attribute: false },
    now: { attribute: false },
  };

  /** Base URL of the council API; every request resolves against it. */
  apiBase = '';

  /** The property, when the page already knows it (the address is then not asked for). */
  uprn = '';

  /** The council's contact page, offered wherever the resident cannot go on online. */
  contactUrl = '';

  /**
   * The page with `<council-repair-appointment>`: the confirmation links to it with the repair's
   * reference and manage token in the fragment (`#reference=…&token=…`), the only way to manage
   * the repair online. Without it, the confirmation has no manage link.
   */
  appointmentUrl = '';

  /** Do not keep the answers in session storage (shared computers, kiosks). */
  noRemember = false;

  /**
   * The embedded address lookup's data source (a property, no attribute): see
   * `<council-address-lookup>`'s `source`, e.g. `osPlacesSource`. Unset: the Council Kit contract.
   */
  addressSource?: AddressSource;

  /** The repairs catalogue. Default: fetched from `{api-base}/repairs/catalogue`. */
  catalogue?: RepairCatalogue;

  /** The moment to judge office hours by (default: now), for previews and tests. */
  now?: Date;

  private readonly loader = new Loader(this);
  /** The later steps (journey.ts), once loaded. */
  private journey?: typeof Journey;
  private journeyLoading = false;
  /** The call page (call.ts), loading or loaded. */
  private call?: Promise<typeof Call>;
  private callLoading = false;
  private slots?: RepairSlots;
  /** The messages: the first pages', joined by the later pages' when those load. */
  private words: Catalogue = repairReportStrings;

  /**
   * The first page: the emergency screen. The later ones are added when they load: the number to
   * call (see `loadCall`) and the rest of the report (see `loadJourney`).
   */
  private readonly steps: ReportStep[] = [
    {
      id: 'emergency',
      render: (f) =>
        radios({
          id: 'emergency',
          legend: f.t('emergencyTitle'),
          legendIsHeading: true,
          hint: f.t('emergencyHint'),
          options: [...this.catalogue!.emergencies.map((e) => ({ value: e.id, label: this.label(e.label) })), { value: 'none', label: f.t('noEmergency') }],
          value: f.answers.emergency,
          error: f.errorFor('emergency-0'),
          errorPrefix: f.t('errorPrefix'),
          onChange: (emergency) => f.set({ emergency }),
        }),
      check: (a) => (a.emergency ? [] : [{ field: 'emergency-0', message: 'errorEmergency' }]),
      next: (a) => (a.emergency === 'none' ? 'reporter' : 'call'),
    },
  ];

  private readonly flow: ReportFlow = new QuestionFlow<ReportAnswers, ReportedRepair>(this, {
    steps: this.steps,
    answers: { emergency: '', reporter: '', locationId: '', reported: '', problemId: '', leafId: '', description: '', photos: [], preference: '', mobile: '', email: '', phone: '' },
    draft: 'repair-report',
    t: (key, params) => this.t(this.words, key, params),
    resume: (a) => this.journey?.missing(this.context, a),
    send: (a, idempotencyKey) => this.journey!.sendReport(this.context, a, idempotencyKey),
    sent: (repair, a) => {
      announce(`${this.flow.t('referenceIs')}: ${repair.reference}`);
      this.emit<RepairReportedDetail>('council-repair-reported', { reference: repair.reference, outcome: a.slot ? 'book' : 'we-will-contact' });
    },
    help: () => this.contactLink(),
  });

  /** What the later steps (journey.ts) see of the element: its public settings, and a few services. */
  private readonly context: Journey.JourneyContext = {
    host: this,
    flow: this.flow,
    locale: () => this.locale,
    slots: () => this.slots,
    client: () => this.http(this.apiBase),
    wait: (busy, task) => this.loader.run(busy, task),
    contactLink: () => this.contactLink(),
  };

  /** What the call page (call.ts) sees of the element. */
  private readonly callContext: Call.CallContext = {
    catalogue: () => this.catalogue!,
    now: () => this.now ?? councilNow(this.today),
    label: (text) => this.label(text),
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // The call page's module (call.ts), fetched beside the catalogue: it reads the catalogue, and
    // so the number to call is there the moment an emergency is answered.
    const call = this.loadCall();
    if (!this.catalogue) {
      void this.loader.run('', async () => {
        const [json, { toCatalogue }] = await Promise.all([this.http(this.apiBase).get(cataloguePath, { read: (json) => json }), call]);
        this.catalogue = toCatalogue(json);
      });
    } else call.catch(() => undefined);
  }

  override willUpdate(): void {
    const { step, answers } = this.flow;
    // Not an emergency: the later steps start loading as soon as the resident says so.
    if (!this.journeyLoading && ((step !== 'emergency' && step !== 'call') || answers.emergency === 'none')) this.loadJourney();
    // Fetched at connect; waited for (Try again if it failed) only when the page shows before it arrives.
    if (!this.callLoading && step === 'call') {
      this.callLoading = true;
      void this.loader.run('', async () => void (await this.loadCall()));
    }
    // Fetched each time the slot step shows: the repair, the property or the free slots may have changed.
    if (step !== 'slot') this.slots = undefined;
    else if (!this.slots && this.journey && this.catalogue && !this.loader.busy && !this.loader.failure) {
      void this.loader.run(this.flow.t('loading'), async () => {
        this.slots = await this.journey!.loadSlots(this.context);
      });
    }
  }

  /**
   * Loads the later steps (from who is reporting to confirmation, with the address lookup) once
   * the resident says it is not an emergency. A dynamic import: its own chunk, so a page with
   * this element downloads only the emergency screen up front (see journey.ts).
   */
  private loadJourney(): void {
    this.journeyLoading = true;
    void this.loader.run('', async () => {
      const journey = await import('./journey.js');
      this.addWords(journey.journeyStrings);
      this.steps.push(...journey.journeySteps(this.context));
      this.journey = journey;
    });
  }

  /** Loads the call page, its messages and the catalogue's reader (call.ts): a dynamic import, its own small chunk. */
  private loadCall(): Promise<typeof Call> {
    return (this.call ??= import('./call.js').then(
      (call) => {
        this.addWords(call.callStrings);
        this.steps.splice(1, 0, call.callStep(this.callContext));
        this.requestUpdate();
        return call;
      },
      (error: unknown) => {
        this.call = undefined;
        throw error;
      },
    ));
  }

  /** Joins a later page's messages to the ones loaded so far. */
  private addWords({ en, cy }: Catalogue): void {
    this.words = { en: { ...this.words.en, ...en }, cy: { ...this.words.cy, ...cy } };
  }

  private label(text: Bilingual): string {
    return text[this.locale] || text.en;
  }

  private contactLink(): TemplateResult | typeof nothing {
    return contactLink(this.contactUrl, this.flow.t);
  }

  override render(): TemplateResult {
    const { flow } = this;
    const { step } = flow;
    return (
      this.loader.render(flow.t, this.contactLink(), step === 'emergency' ? undefined : () => flow.back()) ??
      // The light-DOM fallback stays until there is something better to show; a later step
      // (a restored draft) waits for its chunk.
      (!this.catalogue ? html`<slot></slot>` : this.steps.some((s) => s.id === step) ? flow.render() : busy(flow.t('loading')))
    );
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
