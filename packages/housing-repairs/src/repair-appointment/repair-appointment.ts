import { html, type TemplateResult, type PropertyDeclarations, type nothing } from 'lit';
import { CouncilElement, isApiError, QuestionFlow, type Catalogue, type StepError } from '@council-kit/core';
import { busy, formStyles, stepHeading, textField } from '@council-kit/core/forms';
import { parsePostcode, type Repair, type RepairSlots, type RepairStatusSummary } from '@council-kit/contracts';
import { repairAppointmentStrings } from './repair-appointment.i18n.js';
import { styles } from './repair-appointment.styles.js';
import type { AppointmentAnswers, AppointmentFlow, AppointmentStep } from './appointment-flow.js';
import type * as Manage from './manage.js';
import type { ManageContext } from './manage.js';
import { contactLink } from '../shared/contact-link.js';
import { repairPath, repairStatusPath } from '../shared/endpoints.js';
import { authorization, readManageLink } from '../shared/manage-link.js';
import { Loader, problemPage } from '../shared/loader.js';

/** `detail` of `council-repair-updated`: which repair, and what changed. */
export interface RepairUpdatedDetail {
  reference: string;
  action: 'moved' | 'cancelled';
}

/** A reference as the council writes it: capitals, no spaces or dashes. */
const normalise = (reference: string): string => reference.toUpperCase().replace(/[\s-]/g, '');

/**
 * Open a repair from its manage link (the reference and the manage token in the page URL's
 * fragment, `#reference=…&token=…`, or the `reference` and `token` attributes), see its details
 * and appointment, and move the appointment or cancel the repair, with a confirmation each
 * time. The token is sent only in the `Authorization` header, never in a URL. Without the link,
 * a reference and the property's postcode show the repair's status only (a block's neighbours
 * share its postcode); for an open repair they can ask for a one-time code, sent to the email
 * address or mobile on the repair, which opens it as the link does. A reference and
 * postcode that do not match get one message, which does not say whether the reference exists.
 *
 * @summary Check, move or cancel a housing repair appointment.
 * @slot - Fallback shown until the element upgrades: a link to the council's repairs page or phone number.
 * @fires council-repair-updated - The appointment was moved or the repair cancelled. `detail: { reference, action }`.
 * @fires council-step-change - The resident moved to another page of the form. `detail: { step, index, first, done }`: `index` counts the pages they came through (0 on the first), `first` is true on the opening page (show the page's intro only then), `done` on the confirmation. Never any answers.
 * @csspart button - Every button.
 * @csspart panel - The confirmation panel.
 * @csspart summary-list - The repair's details.
 * @csspart problem - The panel shown when the service fails.
 * @csspart error-summary - The GOV.UK error summary.
 * @csspart status - The repair's status label.
 * @cssprop --council-panel-colour - Background of the status label.
 */
export class RepairAppointment extends CouncilElement {
  static override styles = [...CouncilElement.styles, formStyles, styles];
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    contactUrl: { attribute: 'contact-url' },
    reference: { attribute: 'reference' },
    token: { attribute: 'token' },
  };

  /** Base URL of the council API; every request resolves against it. */
  apiBase = '';

  /** The council's contact page, offered when a repair cannot be changed online. */
  contactUrl = '';

  /** The repair to open with `token` (default: the `reference` in the page URL's fragment). */
  reference = '';

  /**
   * The repair's manage token, from its manage link (default: the `token` in the page URL's
   * fragment). Secret: the element sends it only as `Authorization: Bearer`, and never reflects
   * it, logs it or puts it in an event.
   */
  token = '';

  /** The repair opened with its token. */
  private repair?: Repair;
  /** The repair found by reference and postcode: its status only. */
  private summary?: RepairStatusSummary;
  /** The free slots, while moving the appointment. */
  private slots?: RepairSlots;
  /** Cancelled or completed after it was found. */
  private closed = false;
  /** The later pages (manage.ts), loading or loaded. */
  private manage?: Promise<void>;
  /** The later pages' module, once loaded. */
  private later?: typeof Manage;
  private readonly loader = new Loader(this);
  /** The messages: the first page's, joined by the later pages' when those load. */
  private words: Catalogue = repairAppointmentStrings;

  /** The first page: find the repair. The later ones are added when they load (see `loadManage`). */
  private readonly steps: AppointmentStep[] = [
    {
      id: 'find',
      button: 'find',
      render: (f) => {
        const errorPrefix = f.t('errorPrefix');
        return html`${stepHeading(f.t('findTitle'))}
          <p>${f.t('linkHint')}</p>
          <p class="hint">${f.t('findHint')}</p>
          ${textField({ id: 'reference', label: f.t('referenceLabel'), hint: f.t('referenceHint'), value: f.answers.reference, error: f.errorFor('reference'), errorPrefix, width: 'width-10', spellcheck: false, autocomplete: 'off', onInput: (reference) => f.set({ reference }) })}
          ${textField({ id: 'postcode', label: f.t('postcodeLabel'), value: f.answers.postcode, error: f.errorFor('postcode'), errorPrefix, width: 'width-10', spellcheck: false, autocomplete: 'postal-code', onInput: (postcode) => f.set({ postcode }) })}`;
      },
      check: (a) => {
        const reference = normalise(a.reference);
        const postcode = parsePostcode(a.postcode);
        const errors: StepError[] = [];
        if (!reference) errors.push({ field: 'reference', message: 'errorReference' });
        else if (!/^[A-Z0-9]{8}$/.test(reference)) errors.push({ field: 'reference', message: 'errorReferenceFormat' });
        if (!postcode.ok) errors.push({ field: 'postcode', message: postcode.problem === 'empty' ? 'errorPostcode' : 'errorPostcodeFormat' });
        return errors;
      },
      // Looked up, then on to the repair (see `find`).
      next: (a) => void this.find(a),
    },
  ];

  private readonly flow: AppointmentFlow = new QuestionFlow<AppointmentAnswers, Repair>(this, {
    steps: this.steps,
    answers: { reference: '', postcode: '', reason: '', detail: '', code: '' },
    t: (key, params) => this.t(this.words, key, params),
    send: (a) => this.later!.change(this.context, a),
    sent: (repair) => this.later!.changed(this.context, repair),
    help: () => this.contactLink(),
  });

  /** What the later pages (manage.ts) see of the element. */
  private readonly context: ManageContext = {
    flow: this.flow,
    repair: () => this.repair!,
    summary: () => this.summary!,
    slots: () => this.slots,
    closed: () => this.closed,
    locale: () => this.locale,
    contactLink: () => this.contactLink(),
    client: () => this.http(this.apiBase),
    token: () => this.token,
    forgetSlots: () => (this.slots = undefined),
    close: () => (this.closed = true),
    updated: (detail) => this.emit<RepairUpdatedDetail>('council-repair-updated', detail),
    openWith: (token) => ((this.reference = this.summary!.reference), (this.token = token), this.open()),
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // The manage link: its fragment never reaches a server, so the token in it is never logged.
    const link = readManageLink(location.hash);
    this.reference ||= link.reference ?? '';
    this.token ||= link.token ?? '';
  }

  override firstUpdated(): void {
    if (this.reference && this.token) void this.open();
  }

  override willUpdate(): void {
    // Fetched each time the move step shows: the free slots change as others book.
    if (this.flow.step !== 'move') this.slots = undefined;
    else if (!this.slots && !this.loader.busy && !this.loader.failure) {
      void this.loader.run(this.flow.t('loading'), async () => {
        this.slots = await this.later!.loadSlots(this.context);
      });
    }
  }

  /**
   * Loads the later pages (the repair, move, cancel, confirmation) and their messages: a dynamic
   * import, its own chunk, fetched with the repair.
   */
  private loadManage(): Promise<void> {
    return (this.manage ??= import('./manage.js').then(
      (later) => {
        const { en, cy } = later.manageStrings;
        this.later = later;
        this.words = { en: { ...repairAppointmentStrings.en, ...en }, cy: { ...repairAppointmentStrings.cy, ...cy } };
        this.steps.push(...later.manageSteps(this.context));
      },
      (error: unknown) => {
        this.manage = undefined;
        throw error;
      },
    ));
  }

  /**
   * Opens the repair with its manage token: its details, and moving and cancelling. A link that
   * does not work (a token that does not match, or one for a closed repair) goes to the
   * question, the reference filled in, saying why: the reference and postcode still show the
   * status.
   */
  private open(): Promise<void> {
    const { flow } = this;
    const reference = normalise(this.reference);
    flow.set({ reference });
    return this.loader.run(flow.t('loading'), async () => {
      // Read against its contract by the later pages' module, fetched meanwhile.
      const get = this.http(this.apiBase).get(repairPath(reference), { query: { lang: this.locale }, headers: authorization(this.token), read: (json) => json });
      const manage = this.loadManage();
      try {
        const [json] = await Promise.all([get, manage]);
        this.repair = this.later!.toRepair(json);
      } catch (error) {
        if (!isApiError(error) || ![401, 403, 404].includes(error.status ?? 0)) throw error;
        // Its messages come with the later pages.
        await manage;
        flow.check([{ field: 'reference', message: error.status === 403 ? 'linkExpired' : 'linkNotWorking' }]);
        return;
      }
      this.closed = false;
      // From the link or from a one-time code: Back goes to the question either way.
      flow.restart('view', ['find']);
    });
  }

  /**
   * Finds the repair by reference and postcode: its status, and how to do more. A reference and
   * postcode that do not match go back to the question.
   */
  private find(a: AppointmentAnswers): Promise<void> {
    const postcode = parsePostcode(a.postcode);
    const { flow } = this;
    return this.loader.run(flow.t('loading'), async () => {
      if (!postcode.ok) return;
      const get = this.http(this.apiBase).get(repairStatusPath(normalise(a.reference)), {
        query: { postcode: postcode.postcode },
        read: (json) => json,
      });
      const manage = this.loadManage();
      try {
        const [json] = await Promise.all([get, manage]);
        this.summary = this.later!.toSummary(json);
      } catch (error) {
        // The same answer whether the reference is unknown or the postcode does not match; its
        // message comes with the later pages.
        if (!isApiError(error) || error.status !== 404) throw error;
        await manage;
        flow.check([{ field: 'reference', message: 'notFound' }]);
        return;
      }
      flow.set({ postcode: postcode.postcode });
      flow.go('status');
    });
  }

  private contactLink(): TemplateResult | typeof nothing {
    return contactLink(this.contactUrl, this.flow.t);
  }

  override render(): TemplateResult {
    const { flow } = this;
    const { t } = flow;
    const help = this.contactLink();
    // Back from a failure: to the question (or the repair), with every answer as it was typed.
    const back = () => flow.back();
    return (
      this.loader.render(t, help, back) ??
      (flow.failure
        ? problemPage(t, flow.failure, () => void flow.submit(), help, () => ((flow.failure = undefined), back()))
        : flow.sending
          ? busy(t('sending'))
          : flow.render())
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'council-repair-appointment': RepairAppointment;
  }
  interface HTMLElementEventMap {
    'council-repair-updated': CustomEvent<RepairUpdatedDetail>;
  }
}
