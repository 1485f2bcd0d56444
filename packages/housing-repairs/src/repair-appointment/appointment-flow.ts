import type { QuestionFlow, Step } from '@council-kit/core';
import type { CancelReason, Repair, RepairSlot } from '@council-kit/contracts';

/*
 * The appointment journey's answers, for its first page (repair-appointment.ts) and the later
 * ones loaded on demand (manage.ts). Types only.
 */

/** What the resident types and chooses. Nothing is kept in session storage. */
export interface AppointmentAnswers {
  reference: string;
  postcode: string;
  slot?: RepairSlot;
  reason: '' | CancelReason;
  detail: string;
  /** The one-time code sent to the contact details on the repair, as typed. */
  code: string;
}

/** The journey; its receipt is the repair as changed. */
export type AppointmentFlow = QuestionFlow<AppointmentAnswers, Repair>;
export type AppointmentStep = Step<AppointmentAnswers, Repair>;
