import { css, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ApiError, CouncilElement, type FieldError } from '@council-kit/core';
import { backLink, confirmationPanel, formStyles, radios, summaryList, textField } from '@council-kit/core/forms';
import { cancelReasons, parsePostcode, readRepair, readRepairSlots, validate, type CancelReason, type Repair, type RepairSlot, type RepairSlots } from '@council-kit/contracts';
import { repairAppointmentStrings } from './repair-appointment.i18n.js';
import { slotRadios } from '../shared/slots.js';

type Step = 'find' | 'view' | 'move' | 'cancel' | 'done';

/** `detail` of `council-repair-updated`: which repair, and what changed. */
export interface RepairUpdatedDetail {
  reference: string;
  action: 'moved' | 'cancelled';
}

/**
 * Find a repair by its reference and the property's postcode, see its status and appointment,
 * and move the appointment or cancel the repair, with a confirmation each time. A reference
 * and postcode that do not match get one message, which does not say whether the reference
 * exists.
 *
 * @summary Check, move or cancel a housing repair appointment.
 * @slot - Fallback shown until the element upgrades: a link to the council's repairs page or phone number.
 * @fires council-repair-updated - The appointment was moved or the repair cancelled. `detail: { reference, action }`.
 * @csspart button - Every button.
 * @csspart panel - The confirmation panel.
 * @csspart summary-list - The repair's details.
 * @csspart problem - The panel shown when the service fails.
 * @csspart error-summary - The GOV.UK error summary.
 * @csspart status - The repair's status label.
 * @cssprop --council-panel-colour - Background of the status label.
 */
export class RepairAppointment extends CouncilElement {
  static override styles = [
    ...CouncilElement.styles,
    formStyles,
    css`
      .status {
        display: inline-block;
        padding: 2px 8px;
        outline: 2px solid transparent;
        background: var(--_council-panel-colour);
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    contactUrl: { attribute: 'contact-url' },
    step: { state: true },
    reference: { state: true },
    postcode: { state: true },
    errors: { state: true },
    repair: { state: true },
    slots: { state: true },
    chosen: { state: true },
    reason: { state: true },
    detail: { state: true },
    busy: { state: true },
    failure: { state: true },
    closed: { state: true },
  };

  /** Base URL of the council API; every request resolves against it. */
  apiBase = '';

  /** The council's contact page, offered when a repair cannot be changed online. */
  contactUrl = '';

  private step: Step = 'find';
  private reference = '';
  private postcode = '';
  private errors: FieldError[] = [];
  private repair?: Repair;
  private slots?: RepairSlots;
  private chosen?: RepairSlot;
  private reason: '' | CancelReason = '';
  private detail = '';
  private busy = '';
  private failure?: ApiError;
  private retry?: () => void;
  private closed = false;
  private focusTarget = '';

  override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    const target = this.focusTarget && this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (target) {
      this.focusTarget = '';
      target.focus();
    }
  }

  private msg(key: string, params?: Record<string, string | number>): string {
    return this.t(repairAppointmentStrings, key, params);
  }

  private go(step: Step): void {
    this.step = step;
    this.errors = [];
    this.failure = undefined;
    this.focusTarget = '[data-step-heading]';
  }

  private fail(errors: FieldError[]): boolean {
    this.errors = errors.map((e) => ({ field: e.field, message: this.msg(e.message) }));
    if (errors.length) this.focusTarget = '.error-summary';
    return !errors.length;
  }

  private errorFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  private async run(busy: string, task: () => Promise<void>): Promise<void> {
    this.busy = busy;
    this.failure = undefined;
    try {
      await task();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('invalid', String(error));
      if (apiError.kind === 'aborted') return;
      if (apiError.status === 404) {
        // The same answer whether the reference is unknown or the postcode does not match.
        this.go('find');
        this.fail([{ field: 'reference', message: 'notFound' }]);
      } else if (apiError.status === 409) {
        this.chosen = undefined;
        this.go('move');
        void this.loadSlots();
        this.fail([{ field: 'slot-0', message: 'slotTaken' }]);
      } else if (apiError.status === 422) {
        // Cancelled or completed since the page loaded: show it as it is now.
        this.closed = true;
        this.go('view');
      } else {
        this.failure = apiError;
        this.retry = () => void this.run(busy, task);
      }
    } finally {
      this.busy = '';
    }
  }

  private get path(): string {
    return `/repairs/${encodeURIComponent(this.repair?.reference ?? '')}`;
  }

  private get query(): Record<string, string> {
    return { postcode: this.postcode, lang: this.locale };
  }

  private find(): void {
    const reference = this.reference.toUpperCase().replace(/[\s-]/g, '');
    const postcode = parsePostcode(this.postcode);
    const errors: FieldError[] = [];
    if (!reference) errors.push({ field: 'reference', message: 'errorReference' });
    else if (!/^[A-Z0-9]{8}$/.test(reference)) errors.push({ field: 'reference', message: 'errorReferenceFormat' });
    if (!postcode.ok) errors.push({ field: 'postcode', message: postcode.problem === 'empty' ? 'errorPostcode' : 'errorPostcodeFormat' });
    if (!this.fail(errors) || !postcode.ok) return;
    void this.run(this.msg('loading'), async () => {
      this.repair = await this.http(this.apiBase).get(`/repairs/${encodeURIComponent(reference)}`, {
        query: { postcode: postcode.postcode, lang: this.locale },
        read: (json) => validate(readRepair, json),
      });
      this.postcode = postcode.postcode;
      this.closed = false;
      this.go('view');
    });
  }

  private loadSlots(): Promise<void> {
    this.slots = undefined;
    const repair = this.repair!;
    return this.run(this.msg('loading'), async () => {
      this.slots = await this.http(this.apiBase).get('/repairs/slots', { query: { sor: repair.sor, uprn: repair.uprn }, read: (json) => validate(readRepairSlots, json) });
    });
  }

  private change(action: RepairUpdatedDetail['action'], method: 'PATCH' | 'DELETE', body: object): void {
    void this.run(this.msg('sending'), async () => {
      const repair = this.repair!;
      const client = this.http(this.apiBase);
      const options = { query: this.query, timeout: 20_000, read: (json: unknown) => (json === undefined ? undefined : validate(readRepair, json)) };
      const updated = await (method === 'PATCH' ? client.patch(this.path, body, options) : client.delete(this.path, options, body));
      // A 204 to a cancellation carries no body: the repair as we know it, now cancelled.
      this.repair = updated ?? { ...repair, status: 'cancelled' };
      this.go('done');
      this.announce(this.msg(`${action}Title`));
      this.emit<RepairUpdatedDetail>('council-repair-updated', { reference: repair.reference, action });
    });
  }

  private heading(text: string): TemplateResult {
    return html`<div role="heading" aria-level="2" class="heading-m" tabindex="-1" data-step-heading>${text}</div>`;
  }

  private page(back: Step | '', question: TemplateResult, next: () => unknown, button: string): TemplateResult {
    return html`${back ? backLink(this.msg('back'), () => this.go(back)) : nothing}${this.renderErrorSummary(this.errors)}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), next())}>
        ${question}
        <button class="button" part="button">${button}</button>
      </form>`;
  }

  private contactLink(): TemplateResult | typeof nothing {
    return this.contactUrl ? html`<p><a href=${this.contactUrl}>${this.msg('contactLink')}</a></p>` : nothing;
  }

  private when(slot: { date: string; period: string }): string {
    return `${this.formatDate(slot.date)}, ${this.msg(slot.period)}`;
  }

  override render(): TemplateResult {
    // Back to the question (or the repair) with every answer as it was typed.
    if (this.failure) return html`${backLink(this.msg('back'), () => this.go(this.step === 'find' ? 'find' : 'view'))}${this.renderProblem(this.failure, this.retry, this.contactLink())}`;
    if (this.busy) return this.renderBusy(this.busy);
    const errorPrefix = this.t('errorPrefix');
    const repair = this.repair;
    if (this.step === 'find' || !repair) {
      return this.page(
        '',
        html`${this.heading(this.msg('findTitle'))}
          <p class="hint">${this.msg('findHint')}</p>
          ${textField({ id: 'reference', label: this.msg('referenceLabel'), hint: this.msg('referenceHint'), value: this.reference, error: this.errorFor('reference'), errorPrefix, width: 'width-10', spellcheck: false, autocomplete: 'off', onInput: (v) => (this.reference = v) })}
          ${textField({ id: 'postcode', label: this.msg('postcodeLabel'), value: this.postcode, error: this.errorFor('postcode'), errorPrefix, width: 'width-10', spellcheck: false, autocomplete: 'postal-code', onInput: (v) => (this.postcode = v) })}`,
        () => this.find(),
        this.msg('find'),
      );
    }
    if (this.step === 'move') {
      const slots = this.slots;
      if (!slots) return this.renderBusy(this.msg('loading'));
      if (slots.callBack || !slots.slots.length) {
        return html`${backLink(this.msg('back'), () => this.go('view'))}${this.heading(this.msg('callBackTitle'))}<p>${this.msg('callBackBody')}</p>`;
      }
      return this.page(
        'view',
        slotRadios({
          slots: slots.slots,
          value: this.chosen?.id,
          legend: this.msg('moveTitle'),
          hint: this.msg('slotHint'),
          error: this.errorFor('slot-0'),
          errorPrefix,
          date: (iso) => this.formatDate(iso, { year: false }),
          period: (slot) => this.msg(slot.period),
          onChange: (slot) => (this.chosen = slot),
        }),
        () => this.fail(this.chosen ? [] : [{ field: 'slot-0', message: 'errorSlot' }]) && this.change('moved', 'PATCH', { slotId: this.chosen!.id }),
        this.msg('moveButton'),
      );
    }
    if (this.step === 'cancel') {
      return this.page(
        'view',
        html`${radios({
          id: 'reason',
          legend: this.msg('cancelTitle'),
          legendIsHeading: true,
          options: cancelReasons.map((r) => ({ value: r, label: this.msg(r) })),
          value: this.reason,
          error: this.errorFor('reason-0'),
          errorPrefix,
          onChange: (r) => (this.reason = r as CancelReason),
        })}
        ${this.reason === 'other'
          ? html`<div class="form-group ${this.errorFor('detail') ? 'error' : ''}">
              <label class="label" for="detail">${this.msg('detailLabel')}</label>
              ${this.renderFieldError('detail-error', this.errorFor('detail'))}
              <textarea class="input" id="detail" rows="3" aria-describedby=${this.errorFor('detail') ? 'detail-error' : nothing} .value=${this.detail} @input=${(e: Event) => (this.detail = (e.target as HTMLTextAreaElement).value)}></textarea>
            </div>`
          : nothing}`,
        () => {
          const detail = this.detail.trim();
          const errors = !this.reason
            ? [{ field: 'reason-0', message: 'errorReason' }]
            : this.reason !== 'other'
              ? []
              : !detail
                ? [{ field: 'detail', message: 'errorDetail' }]
                : detail.length > 500
                  ? [{ field: 'detail', message: 'errorDetailLong' }]
                  : [];
          if (this.fail(errors)) this.change('cancelled', 'DELETE', this.reason === 'other' ? { reason: 'other', detail } : { reason: this.reason });
        },
        this.msg('cancelButton'),
      );
    }
    if (this.step === 'done') {
      const moved = repair.status !== 'cancelled';
      return html`${confirmationPanel(this.msg(moved ? 'movedTitle' : 'cancelledTitle'), html`${this.msg('referenceIs')}<br /><strong>${repair.reference}</strong>`)}
        <p>${moved && repair.appointment ? this.msg('movedBody', { date: this.formatDate(repair.appointment.date), period: this.msg(repair.appointment.period) }) : this.msg('cancelledBody')}</p>`;
    }
    const open = !this.closed && (repair.status === 'booked' || repair.status === 'awaiting-appointment');
    return html`${backLink(this.msg('back'), () => this.go('find'))}
      ${this.heading(this.msg('repairTitle', { reference: repair.reference }))}
      <p><strong class="status" part="status">${this.msg(this.closed ? 'closed' : repair.status)}</strong></p>
      ${summaryList(
        [
          { key: this.msg('leafKey'), value: repair.label },
          { key: this.msg('describeKey'), value: repair.description },
          { key: this.msg('addressKey'), value: repair.address },
          { key: this.msg('reportedKey'), value: this.formatDate(repair.reportedOn) },
          { key: this.msg('appointmentKey'), value: repair.appointment ? this.when(repair.appointment) : repair.status === 'awaiting-appointment' ? this.msg('weWillContact') : '–' },
          { key: this.msg('targetKey'), value: this.formatDate(repair.targetDate) },
        ],
        '',
      )}
      ${open
        ? html`<button class="button" part="button" type="button" @click=${() => (this.go('move'), void this.loadSlots())}>${this.msg('move')}</button>
            <button class="button secondary" part="button" type="button" @click=${() => this.go('cancel')}>${this.msg('cancel')}</button>`
        : html`${this.closed ? nothing : html`<p>${this.msg('closed')}</p>`}${this.contactLink()}`}`;
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
