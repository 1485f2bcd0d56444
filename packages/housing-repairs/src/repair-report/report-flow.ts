import type { QuestionFlow, Step } from '@council-kit/core';
import type { ContactPreference, RepairProperty, RepairSlot, Reporter, ReportedRepair } from '@council-kit/contracts';

/*
 * The repair report's answers, for its first pages (repair-report.ts) and the later ones loaded
 * on demand (journey.ts). Types only.
 */

/** Everything the resident answers; kept in the draft. */
export interface ReportAnswers {
  emergency: string;
  reporter: '' | Reporter;
  /** The property, as the council API knows it (from the `uprn` attribute or the address lookup). */
  property?: RepairProperty;
  locationId: string;
  reported: string;
  problemId: string;
  leafId: string;
  description: string;
  photos: { id: string; name: string }[];
  preference: '' | ContactPreference;
  mobile: string;
  email: string;
  phone: string;
  slot?: RepairSlot;
  /** No slot could be offered: the council will call to arrange one. */
  callBack?: boolean;
}

export type ReportFlow = QuestionFlow<ReportAnswers, ReportedRepair>;
export type ReportStep = Step<ReportAnswers, ReportedRepair>;
