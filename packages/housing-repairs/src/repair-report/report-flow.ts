import type { TemplateResult } from 'lit';
import type { QuestionFlow, Step, StepError } from '@council-kit/core';
import { radios, type RadioOption } from '@council-kit/core/forms';
import type { ContactPreference, Repair, RepairProperty, RepairSlot, Reporter } from '@council-kit/contracts';

/*
 * The repair report's answers, for its first pages (repair-report.ts) and the later ones loaded
 * on demand (journey.ts), and the question helpers of the later ones (types only in the first).
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

export type ReportFlow = QuestionFlow<ReportAnswers, Repair>;
export type ReportStep = Step<ReportAnswers, Repair>;

// Answers that depend on the one before: changing one clears those after it.
const chain = ['reporter', 'locationId', 'reported', 'problemId', 'leafId'] as const;

/** A radios question on one answer; a changed answer clears the answers that depended on it. */
export function choice(f: ReportFlow, id: string, legend: string, options: RadioOption[], key: keyof ReportAnswers, hint?: string, heading = true): TemplateResult {
  const value = f.answers[key] as string;
  return radios({
    id,
    legend,
    legendIsHeading: heading,
    hint,
    options,
    value,
    error: f.errorFor(`${id}-0`),
    errorPrefix: f.t('errorPrefix'),
    onChange: (v) => {
      if (v === value) return;
      const i = chain.indexOf(key as (typeof chain)[number]);
      const cleared = i < 0 ? {} : { ...Object.fromEntries(chain.slice(i + 1).map((k) => [k, ''])), slot: undefined, callBack: false };
      f.set({ ...cleared, [key]: v });
    },
  });
}

/** The check of a radios question: an answer is needed (the summary links to its first radio). */
export const need =
  (key: keyof ReportAnswers, id: string, message: string) =>
  (a: ReportAnswers): StepError[] =>
    a[key] ? [] : [{ field: `${id}-0`, message }];
