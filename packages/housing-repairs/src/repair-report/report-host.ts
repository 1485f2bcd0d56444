import type { TemplateResult, nothing } from 'lit';
import type { ApiError, DraftStore, FieldError, HttpClient, Locale, StringOverrides } from '@council-kit/core';
import type { RadioOption } from '@council-kit/core/forms';
import type { Bilingual, ContactPreference, Repair, RepairCatalogue, RepairLeaf, RepairLocation, RepairOutcome, RepairProblem, RepairProperty, RepairSlot, RepairSlots, Reporter } from '@council-kit/contracts';

export type Step =
  | 'emergency' | 'call' | 'reporter' | 'property' | 'notCouncil' | 'location' | 'reported' | 'already' | 'problem' | 'leaf' | 'end'
  | 'describe' | 'photos' | 'contact' | 'slot' | 'check' | 'done';

export interface Answers {
  emergency: string;
  reporter: '' | Reporter;
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
  callBack?: boolean;
}

export interface Draft {
  step: Step;
  history: Step[];
  property?: RepairProperty;
  answers: Answers;
  /** One idempotency key per submission; a changed answer makes a new submission. */
  key?: string;
}

/**
 * The element as the on-demand half of the journey (journey.ts) sees it: its state and
 * helpers, including the ones TypeScript keeps private or protected. Type only.
 */
export interface ReportHost extends HTMLElement {
  apiBase: string;
  uprn: string;
  appointmentUrl: string;
  catalogue?: RepairCatalogue;
  locale: Locale;
  strings?: StringOverrides;
  draft: Draft;
  errors: FieldError[];
  busy: string;
  failure?: ApiError;
  slots?: RepairSlots;
  uploading: boolean;
  sending: boolean;
  sendError?: ApiError;
  sent?: Repair;
  focusTarget: string;
  countTimer?: ReturnType<typeof setTimeout>;
  store: DraftStore<Draft>;
  readonly a: Answers;
  readonly location?: RepairLocation;
  readonly problem?: RepairProblem;
  readonly leaf?: RepairLeaf;
  readonly outcome: RepairOutcome;
  msg(key: string, params?: Record<string, string | number>): string;
  t(key: string, params?: Record<string, string | number>): string;
  label(text: Bilingual): string;
  run(busy: string, task: () => Promise<void>): Promise<void>;
  set(patch: Partial<Answers>): void;
  go(step: Step, force?: boolean): void;
  check(errors: FieldError[], params?: Record<string, string | number>): boolean;
  need(key: keyof Answers, id: string, message: string): boolean;
  errorFor(field: string): string | undefined;
  heading(text: string): TemplateResult;
  page(question: TemplateResult, next: () => unknown, button?: string): TemplateResult;
  endPage(title: string, body: TemplateResult): TemplateResult;
  choice(id: string, legend: string, options: RadioOption[], key: keyof Answers, hint?: string, heading?: boolean): TemplateResult;
  contactLink(): TemplateResult | typeof nothing;
  http(base: string): HttpClient;
  announce(message: string): void;
  emit<T>(name: `council-${string}`, detail: T): boolean;
  formatDate(iso: string, options?: { weekday?: boolean; year?: boolean }): string;
  renderBusy(text: string): TemplateResult;
  renderErrorSummary(errors: FieldError[]): TemplateResult | typeof nothing;
  renderFieldError(id: string, message?: string): TemplateResult | typeof nothing;
  renderProblem(error: unknown, retry?: () => void, extra?: TemplateResult | typeof nothing): TemplateResult;
  tel(phone: string): TemplateResult;
  backLink(): TemplateResult | typeof nothing;
}
