import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { announce, CouncilElement, isApiError, QuestionFlow, type StepError } from '@council-kit/core';
import { backLink, busy, confirmationPanel, fieldError, formStyles, radios, stepHeading, summaryList, textField } from '@council-kit/core/forms';
import { cancelReasons, parsePostcode, readRepair, readRepairSlots, validate, type CancelReason, type Repair, type RepairSlot, type RepairSlots } from '@council-kit/contracts';
import { repairAppointmentStrings } from './repair-appointment.i18n.js';
import { styles } from './repair-appointment.styles.js';
import { contactLink } from '../shared/contact-link.js';
import { repairPath, slotsPath } from '../shared/endpoints.js';
import { Loader, problemPage } from '../shared/loader.js';
import { slotRadios } from '../shared/slots.js';

/** `detail` of `council-repair-updated`: which repair, and what changed. */
export interface RepairUpdatedDetail {
  reference: string;
  action: 'moved' | 'cancelled';
}

/** What the resident types and chooses. Nothing is kept in session storage. */
interface AppointmentAnswers {
  reference: string;
  postcode: string;
  slot?: RepairSlot;
  reason: '' | CancelReason;
  detail: string;
}

/** A reference as the council writes it: capitals, no spaces or dashes. */
const normalise = (reference: string): string => reference.toUpperCase().replace(/[\s-]/g, '');

/**
 * Find a repair by its reference and the property's postcode, see its status and appointment,
 * and move the appointment or cancel the repair, with a confirmation each time. A reference
 * and postcode that do not match get one message, which does not say whether the reference
 * exists.
 *
 * @summary Check, move or cancel a housing repair appointment.
 * @slot - Fallback shown until the element upgrades: a link to the council's repairs page or phone number.
 * @fires council-repair-updated - The appointment was moved or the repair cancelled. `detail: { reference, action }`.
 * @fires council-step-change - The resident moved to another page (hide the page's intro when `first` is false). `detail: { step, first }`.
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
  };

  /** Base URL of the council API; every request resolves against it. */
  apiBase = '';

  /** The council's contact page, offered when a repair cannot be changed online. */
  contactUrl = '';

  /** The repair found. */
  private repair?: Repair;
  /** The free slots, while moving the appointment. */
  private slots?: RepairSlots;
  /** Cancelled or completed since it was found. */
  private closed = false;
  private readonly loader = new Loader(this);

  private readonly flow: QuestionFlow<AppointmentAnswers, Repair> = new QuestionFlow<AppointmentAnswers, Repair>(this, {
    steps: [
      {
        id: 'find',
        button: 'find',
        render: (f) => {
          const errorPrefix = f.t('errorPrefix');
          return html`${stepHeading(f.t('findTitle'))}
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
      {
        id: 'view',
        page: true,
        render: (f) => {
          const repair = this.repair!;
          const { appointment, status } = repair;
          const open = !this.closed && (status === 'booked' || status === 'awaiting-appointment');
          return html`${stepHeading(f.t('repairTitle', { reference: repair.reference }))}
            <p><strong class="status" part="status">${f.t(this.closed ? 'closed' : status)}</strong></p>
            ${summaryList(
              [
                { key: f.t('leafKey'), value: repair.label },
                { key: f.t('describeKey'), value: repair.description },
                { key: f.t('addressKey'), value: repair.address },
                { key: f.t('reportedKey'), value: this.formatDate(repair.reportedOn) },
                {
                  key: f.t('appointmentKey'),
                  value: appointment ? `${this.formatDate(appointment.date)}, ${f.t(appointment.period)}` : status === 'awaiting-appointment' ? f.t('weWillContact') : '–',
                },
                { key: f.t('targetKey'), value: this.formatDate(repair.targetDate) },
              ],
              '',
            )}
            ${open
              ? html`<button class="button" part="button" type="button" @click=${() => f.go('move')}>${f.t('move')}</button>
                  <button class="button secondary" part="button" type="button" @click=${() => f.go('cancel')}>${f.t('cancel')}</button>`
              : html`${this.closed ? nothing : html`<p>${f.t('closed')}</p>`}${this.contactLink()}`}`;
        },
      },
      {
        // The element loads the free slots each time this step shows.
        id: 'move',
        button: 'moveButton',
        render: (f) =>
          slotRadios({
            slots: this.slots!.slots,
            value: f.answers.slot?.id,
            legend: f.t('moveTitle'),
            hint: f.t('slotHint'),
            error: f.errorFor('slot-0'),
            errorPrefix: f.t('errorPrefix'),
            date: (iso) => this.formatDate(iso, { year: false }),
            period: (slot) => f.t(slot.period),
            onChange: (slot) => f.set({ slot }),
          }),
        check: (a) => (a.slot ? [] : [{ field: 'slot-0', message: 'errorSlot' }]),
        next: () => void this.flow.submit(),
      },
      {
        id: 'cancel',
        button: 'cancelButton',
        render: (f) => {
          const { reason, detail } = f.answers;
          const error = f.errorFor('detail');
          return html`${radios({
            id: 'reason',
            legend: f.t('cancelTitle'),
            legendIsHeading: true,
            options: cancelReasons.map((r) => ({ value: r, label: f.t(r) })),
            value: reason,
            error: f.errorFor('reason-0'),
            errorPrefix: f.t('errorPrefix'),
            onChange: (r) => f.set({ reason: r as CancelReason }),
          })}
          ${reason === 'other'
            ? html`<div class="form-group ${error ? 'error' : ''}">
                <label class="label" for="detail">${f.t('detailLabel')}</label>
                ${fieldError('detail-error', error, f.t('errorPrefix'))}
                <textarea class="input" id="detail" rows="3" aria-describedby=${error ? 'detail-error' : nothing} .value=${detail} @input=${(e: Event) => f.set({ detail: (e.target as HTMLTextAreaElement).value })}></textarea>
              </div>`
            : nothing}`;
        },
        check: ({ reason, detail }) =>
          !reason
            ? [{ field: 'reason-0', message: 'errorReason' }]
            : reason !== 'other'
              ? []
              : !detail.trim()
                ? [{ field: 'detail', message: 'errorDetail' }]
                : detail.trim().length > 500
                  ? [{ field: 'detail', message: 'errorDetailLong' }]
                  : [],
        next: () => void this.flow.submit(),
      },
      {
        id: 'done',
        page: true,
        render: (f) => {
          const repair = f.receipt!;
          const moved = repair.status !== 'cancelled';
          return html`${confirmationPanel(f.t(moved ? 'movedTitle' : 'cancelledTitle'), html`${f.t('referenceIs')}<br /><strong>${repair.reference}</strong>`)}
            <p>${moved && repair.appointment ? f.t('movedBody', { date: this.formatDate(repair.appointment.date), period: f.t(repair.appointment.period) }) : f.t('cancelledBody')}</p>`;
        },
      },
    ],
    answers: { reference: '', postcode: '', reason: '', detail: '' },
    t: (key, params) => this.t(repairAppointmentStrings, key, params),
    send: (a) => this.change(a),
    sent: (repair) => {
      const action = repair.status === 'cancelled' ? 'cancelled' : 'moved';
      announce(this.flow.t(`${action}Title`));
      this.emit<RepairUpdatedDetail>('council-repair-updated', { reference: repair.reference, action });
    },
    help: () => this.contactLink(),
  });

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

  /** Finds the repair; a reference and postcode that do not match go back to the question. */
  private find(a: AppointmentAnswers): Promise<void> {
    const postcode = parsePostcode(a.postcode);
    const { flow } = this;
    return this.loader.run(
      flow.t('loading'),
      async () => {
        if (!postcode.ok) return;
        this.repair = await this.http(this.apiBase).get(repairPath(normalise(a.reference)), {
          query: { postcode: postcode.postcode, lang: this.locale },
          read: (json) => validate(readRepair, json),
        });
        flow.set({ postcode: postcode.postcode });
        this.closed = false;
        flow.go('view');
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
    const options = { query: { postcode: a.postcode, lang: this.locale }, timeout: 20_000, read: (json: unknown) => (json === undefined ? undefined : validate(readRepair, json)) };
    try {
      const updated = await (flow.step === 'move'
        ? client.patch(path, { slotId: a.slot!.id }, options)
        : client.delete(path, options, a.reason === 'other' ? { reason: 'other', detail: a.detail.trim() } : { reason: a.reason }));
      // A 204 to a cancellation carries no body: the repair as we know it, now cancelled.
      return updated ?? { ...repair, status: 'cancelled' };
    } catch (error) {
      if (!isApiError(error) || (error.status !== 409 && error.status !== 422)) throw error;
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
    const { flow, slots } = this;
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
          : flow.step === 'move' && slots && (slots.callBack || !slots.slots.length)
            ? html`${backLink(t('back'), back)}${stepHeading(t('callBackTitle'))}<p>${t('callBackBody')}</p>`
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
