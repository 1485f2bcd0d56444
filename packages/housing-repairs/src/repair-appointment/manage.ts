import { html, nothing } from 'lit';
import { announce, formatDate, isApiError, type HttpClient, type Locale } from '@council-kit/core';
import { confirmationPanel, fieldError, radios, stepHeading, summaryList } from '@council-kit/core/forms';
import { cancelReasons, readRepair, readRepairSlots, readRepairStatusSummary, validate, type CancelReason, type Repair, type RepairSlots, type RepairStatusSummary } from '@council-kit/contracts';
import type { AppointmentAnswers, AppointmentFlow, AppointmentStep } from './appointment-flow.js';
import type { RepairUpdatedDetail } from './repair-appointment.js';
import { repairPath, slotsPath } from '../shared/endpoints.js';
import { contract } from '../shared/contract.js';
import { authorization } from '../shared/manage-link.js';
import { slotRadios } from '../shared/slots.js';
import { codePages, sendFromCodePages } from './code.js';
export { manageStrings, type ManageKey } from './manage.i18n.js';

/*
 * `<council-repair-appointment>`'s later pages, as QuestionFlow step definitions: the repair
 * found, moving the appointment, cancelling the repair, and the confirmation; with reading the
 * repair (or its status) against its contract, loading the free slots and sending the change.
 * Without the link, an open repair found by reference and postcode offers a one-time code
 * (code.ts). The element loads this module (and its messages) together with the repair, so its first page,
 * the question, downloads only what finding a repair needs. The steps see the element only through a
 * `ManageContext`.
 */

/** What the later pages need of the element. */
export interface ManageContext {
  /** The element's journey. */
  readonly flow: AppointmentFlow;
  /** The repair opened with its manage token. */
  repair(): Repair;
  /** The repair found by reference and postcode: its status only. */
  summary(): RepairStatusSummary;
  /** The free slots, once the element has loaded them for the move step. */
  slots(): RepairSlots | undefined;
  /** True when the repair was cancelled or completed after it was found. */
  closed(): boolean;
  /** The page language. */
  locale(): Locale;
  /** The link to the council's contact page, when it has one. */
  contactLink(): unknown;
  /** The element's http client for its `api-base`. */
  client(): HttpClient;
  /** The repair's manage token (secret: only ever sent as `Authorization: Bearer`). */
  token(): string;
  /** Forgets the free slots, so the move step loads them again. */
  forgetSlots(): void;
  /** Marks the repair closed: cancelled or completed since it was found. */
  close(): void;
  /** Fires `council-repair-updated`. */
  updated(detail: RepairUpdatedDetail): void;
  /** Opens the repair with a manage token from a one-time code, as if from its link. */
  openWith(token: string): Promise<void>;
}

/** The repair opened with its manage token, as fetched. */
export const toRepair = contract(readRepair);

/** The repair's status found by reference and postcode, as fetched. */
export const toSummary = contract(readRepairStatusSummary);

/** The free slots for the repair's trade at its property, for the move step. */
export function loadSlots(ctx: ManageContext): Promise<RepairSlots> {
  const { sor, uprn } = ctx.repair();
  return ctx.client().get(slotsPath, { query: { sor, uprn }, read: (json) => validate(readRepairSlots, json) });
}

/** Sends the change from the step shown: a new slot (PATCH) or a cancellation (DELETE); or the code pages' request. */
export async function change(ctx: ManageContext, a: AppointmentAnswers): Promise<Repair | undefined> {
  const { flow } = ctx;
  // Asking for a one-time code, or exchanging it (code.ts): no change to the repair.
  if (flow.step === 'status' || flow.step === 'code') return sendFromCodePages(ctx);
  const repair = ctx.repair();
  const client = ctx.client();
  const path = repairPath(repair.reference);
  const options = {
    query: { lang: ctx.locale() },
    headers: authorization(ctx.token()),
    timeout: 20_000,
    read: (json: unknown) => (json === undefined ? undefined : validate(readRepair, json)),
  };
  try {
    const updated = await (flow.step === 'check'
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
      ctx.forgetSlots();
      // From the check page back to the slots.
      flow.back();
      flow.check([{ field: 'slot-0', message: 'slotTaken' }]);
    } else {
      // Cancelled or completed since it was found: show it as it is now.
      ctx.close();
      toView(flow);
    }
    return undefined;
  }
}

/** Back to the repair, as the resident first saw it (Back from there returns to the question). */
function toView(flow: AppointmentFlow): void {
  flow.restart('view', ['find']);
}

/** The change was accepted: says so, and fires `council-repair-updated`. */
export function changed(ctx: ManageContext, repair: Repair): void {
  const action = repair.status === 'cancelled' ? 'cancelled' : 'moved';
  announce(ctx.flow.t(`${action}Title`));
  ctx.updated({ reference: repair.reference, action });
}

/**
 * The later pages, seeing the element through `ctx`. Moving and cancelling each end on a check
 * page (`check`: old and new appointment; `confirmCancel`: are you sure), which sends with
 * `flow.submit`.
 */
export function manageSteps(ctx: ManageContext): AppointmentStep[] {
  const date = (iso: string, year?: boolean) => formatDate(iso, ctx.locale(), { year });
  const send = () => void ctx.flow.submit();
  const slotText = (slot: { date: string; period: string }) => ctx.flow.t('slot', { date: date(slot.date), period: ctx.flow.t(slot.period) });
  const code = codePages(ctx);
  return [
    {
      // Found by reference and postcode: the status, and the link (or, for an open repair, a
      // one-time code) needed for anything more.
      id: 'status',
      page: true,
      render: (f) => {
        const { reference, status } = ctx.summary();
        return html`${stepHeading(f.t('repairTitle', { reference }))}
          <p><strong class="status" part="status">${f.t(status)}</strong></p>
          <p>${f.t('needLink')}</p>
          ${status === 'booked' || status === 'awaiting-appointment' ? code.offer(f) : nothing}
          ${ctx.contactLink()}`;
      },
    },
    code.step,
    {
      id: 'view',
      page: true,
      render: (f) => {
        const repair = ctx.repair();
        const { appointment, status } = repair;
        const closed = ctx.closed();
        const open = !closed && (status === 'booked' || status === 'awaiting-appointment');
        return html`${stepHeading(f.t('repairTitle', { reference: repair.reference }))}
          <p><strong class="status" part="status">${f.t(closed ? 'closed' : status)}</strong></p>
          ${summaryList(
            [
              { key: f.t('leafKey'), value: repair.label },
              { key: f.t('describeKey'), value: repair.description },
              { key: f.t('addressKey'), value: repair.address },
              { key: f.t('reportedKey'), value: date(repair.reportedOn) },
              { key: f.t('appointmentKey'), value: appointment ? f.t('slot', { date: date(appointment.date), period: f.t(appointment.period) }) : status === 'awaiting-appointment' ? f.t('weWillContact') : '–' },
              { key: f.t('targetKey'), value: date(repair.targetDate) },
            ],
            '',
          )}
          ${open
            ? html`<button class="button" part="button" type="button" @click=${() => f.go('move')}>${f.t('move')}</button>
                <button class="button secondary" part="button" type="button" @click=${() => f.go('cancel')}>${f.t('cancel')}</button>`
            : html`${closed ? nothing : html`<p>${f.t('closed')}</p>`}${ctx.contactLink()}`}`;
      },
    },
    {
      // The element loads the free slots each time this step shows. A page of its own, with its
      // own form: when no slot can be offered online there is nothing to choose, and no button.
      id: 'move',
      page: true,
      render: (f) => {
        const slots = ctx.slots()!;
        const { appointment } = ctx.repair();
        // The appointment being moved, above the choice.
        const current = appointment ? html`<p class="inset" part="current">${f.t('currentAppointment', { date: date(appointment.date), period: f.t(appointment.period) })}</p>` : nothing;
        if (slots.callBack || !slots.slots.length) return html`${stepHeading(f.t('callBackTitle'))}<p>${f.t('callBackBody')}</p>`;
        const question = slotRadios({
          slots: slots.slots,
          value: f.answers.slot?.id,
          legend: f.t('moveTitle'),
          hint: f.t('slotHint'),
          error: f.errorFor('slot-0'),
          errorPrefix: f.t('errorPrefix'),
          date: (iso) => date(iso, false),
          period: (slot) => f.t(slot.period),
          onChange: (slot) => f.set({ slot }),
        });
        return html`<form novalidate @submit=${(e: Event) => (e.preventDefault(), f.continue())}>${current}${question}<button class="button" part="button" type="submit">${f.t('continue')}</button></form>`;
      },
      check: (a) => (a.slot ? [] : [{ field: 'slot-0', message: 'errorSlot' }]),
      next: 'check',
    },
    {
      // Check the new appointment against the old before moving it.
      id: 'check',
      page: true,
      render: (f) => {
        const { appointment } = ctx.repair();
        return html`${stepHeading(f.t('checkMoveTitle'))}
          ${summaryList(
            [
              { key: f.t('leafKey'), value: ctx.repair().label },
              ...(appointment ? [{ key: f.t('oldAppointmentKey'), value: slotText(appointment) }] : []),
              { key: f.t('newAppointmentKey'), value: slotText(f.answers.slot!), onChange: () => f.go('move') },
            ],
            f.t('change'),
          )}
          <p>${f.t('slotHint')}</p>
          <button class="button" part="button" type="button" @click=${send}>${f.t('moveButton')}</button>`;
      },
    },
    {
      id: 'cancel',
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
      next: 'confirmCancel',
    },
    {
      // Are you sure? The repair and the reason, a red button to cancel, a way to keep it.
      id: 'confirmCancel',
      page: true,
      render: (f) => {
        const { reason, detail } = f.answers;
        const why = reason === 'other' ? detail.trim() || f.t('other') : reason ? f.t(reason) : '';
        return html`${stepHeading(f.t('confirmCancelTitle'))}
          ${summaryList(
            [
              { key: f.t('leafKey'), value: ctx.repair().label },
              { key: f.t('addressKey'), value: ctx.repair().address },
              { key: f.t('reasonKey'), value: why, onChange: () => f.go('cancel') },
            ],
            f.t('change'),
          )}
          <p>${f.t('confirmCancelBody')}</p>
          <div class="button-group">
            <button class="button warning" part="button" type="button" @click=${send}>${f.t('cancelButton')}</button>
            <button class="link" type="button" @click=${() => toView(f)}>${f.t('keepRepair')}</button>
          </div>`;
      },
    },
    {
      id: 'done',
      page: true,
      render: (f) => {
        const repair = f.receipt!;
        const moved = repair.status !== 'cancelled';
        return html`${confirmationPanel(f.t(moved ? 'movedTitle' : 'cancelledTitle'), html`${f.t('referenceIs')}<br /><strong>${repair.reference}</strong>`)}
          <p>${moved && repair.appointment ? f.t('movedBody', { date: date(repair.appointment.date), period: f.t(repair.appointment.period) }) : f.t('cancelledBody')}</p>`;
      },
    },
  ];
}
