import { html, type TemplateResult, type PropertyDeclarations, type nothing } from 'lit';
import { announce, CouncilElement, isApiError, QuestionFlow, type Catalogue, type StepError } from '@council-kit/core';
import { busy, formStyles, stepHeading, textField } from '@council-kit/core/forms';
import { parsePostcode, readRepair, readRepairSlots, readRepairStatusSummary, validate, type Repair, type RepairSlots, type RepairStatusSummary } from '@council-kit/contracts';
import { repairAppointmentStrings } from './repair-appointment.i18n.js';
import { styles } from './repair-appointment.styles.js';
import type { AppointmentAnswers, AppointmentFlow, AppointmentStep } from './appointment-flow.js';
import type { ManageContext } from './manage.js';
import { contactLink } from '../shared/contact-link.js';
import { repairPath, repairStatusPath, slotsPath } from '../shared/endpoints.js';
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
 * a reference and the property's postcode show the repair's status only, and say that the link
 * is needed for anything more: a block's neighbours share its postcode. A reference and
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
    answers: { reference: '', postcode: '', reason: '', detail: '' },
    t: (key, params) => this.t(this.words, key, params),
    send: (a) => this.change(a),
    sent: (repair) => {
      const action = repair.status === 'cancelled' ? 'cancelled' : 'moved';
      announce(this.flow.t(`${action}Title`));
      this.emit<RepairUpdatedDetail>('council-repair-updated', { reference: repair.reference, action });
    },
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
      const { sor, uprn } = this.repair!;
      void this.loader.run(this.flow.t('loading'), async () => {
        this.slots = await this.http(this.apiBase).get(slotsPath, { query: { sor, uprn }, read: (json) => validate(readRepairSlots, json) });
      });
    }
  }

  /**
   * Loads the later pages (the repair, move, cancel, confirmation) and their messages: a dynamic
   * import, its own chunk, fetched with the repair.
   */
  private loadManage(): Promise<void> {
    return (this.manage ??= import('./manage.js').then(
      ({ manageSteps, manageStrings: { en, cy } }) => {
        this.words = { en: { ...repairAppointmentStrings.en, ...en }, cy: { ...repairAppointmentStrings.cy, ...cy } };
        this.steps.push(...manageSteps(this.context));
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
    return this.loader.run(
      flow.t('loading'),
      async () => {
        const get = this.http(this.apiBase).get(repairPath(reference), { query: { lang: this.locale }, headers: authorization(this.token), read: (json) => validate(readRepair, json) });
        [this.repair] = await Promise.all([get, this.loadManage()]);
        this.closed = false;
        flow.go('view');
      },
      (error) => [401, 403, 404].includes(error.status ?? 0) && !flow.check([{ field: 'reference', message: error.status === 403 ? 'linkExpired' : 'linkNotWorking' }]),
    );
  }

  /**
   * Finds the repair by reference and postcode: its status, and how to do more. A reference and
   * postcode that do not match go back to the question.
   */
  private find(a: AppointmentAnswers): Promise<void> {
    const postcode = parsePostcode(a.postcode);
    const { flow } = this;
    return this.loader.run(
      flow.t('loading'),
      async () => {
        if (!postcode.ok) return;
        const get = this.http(this.apiBase).get(repairStatusPath(normalise(a.reference)), {
          query: { postcode: postcode.postcode },
          read: (json) => validate(readRepairStatusSummary, json),
        });
        [this.summary] = await Promise.all([get, this.loadManage()]);
        flow.set({ postcode: postcode.postcode });
        flow.go('status');
      },
      // The same answer whether the reference is unknown or the postcode does not match.
      (error) => error.status === 404 && !flow.check([{ field: 'reference', message: 'notFound' }]),
    );
  }

  /** Sends the change from the step shown: a new slot (PATCH) or a cancellation (DELETE). */
  private async change(a: AppointmentAnswers): Promise<Repair | undefined> {
    const { flow } = this;
    const repair = this.repair!;
    const client = this.http(this.apiBase);
    const path = repairPath(repair.reference);
    const options = {
      query: { lang: this.locale },
      headers: authorization(this.token),
      timeout: 20_000,
      read: (json: unknown) => (json === undefined ? undefined : validate(readRepair, json)),
    };
    try {
      const updated = await (flow.step === 'move'
        ? client.patch(path, { slotId: a.slot!.id }, options)
        : client.delete(path, options, a.reason === 'other' ? { reason: 'other', detail: a.detail.trim() } : { reason: a.reason }));
      // A 204 to a cancellation carries no body: the repair as we know it, now cancelled.
      return updated ?? { ...repair, status: 'cancelled' };
    } catch (error) {
      // 403: closed meanwhile, so its token has expired; 422: closed, or not booked online.
      if (!isApiError(error) || (error.status !== 409 && error.status !== 422 && error.status !== 403)) throw error;
      if (error.status === 409) {
        // Booked by someone else meanwhile: choose another from the slots free now.
        flow.set({ slot: undefined });
        this.slots = undefined;
        flow.check([{ field: 'slot-0', message: 'slotTaken' }]);
      } else {
        // Cancelled or completed since it was found: show it as it is now.
        this.closed = true;
        flow.back();
      }
      return undefined;
    }
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
