import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { DraftStore, draftKey } from '../drafts.js';
import { backLink } from '../forms/fields.js';
import { errorSummary, type FieldError, type Translate } from '../forms/panels.js';
import { newIdempotencyKey } from '../http/client.js';
import type { Params } from '../i18n/translate.js';

/** A problem with an answer: the id of the control to focus, and a message key (with its parameters). */
export interface StepError {
  field: string;
  message: string;
  params?: Params;
}

/** One page of a journey: a question (with Continue) or a page of its own (`page: true`). */
export interface Step<A extends object, R = unknown> {
  /** Unique within the journey. `check` and `done` are the flow's own: check answers and confirmation. */
  id: string;
  /**
   * The question, which the flow puts in a form above Continue (after Back and the error
   * summary); with `page`, everything below Back and the error summary.
   */
  render(flow: QuestionFlow<A, R>): unknown;
  /** A page without a form or Continue: a notice, a dead end, check answers, confirmation. */
  page?: boolean;
  /** The problems with the answers to this question (message keys, translated by the flow). */
  check?(answers: A): StepError[];
  /**
   * Where Continue goes: a step id, or one chosen from the answers. Default: the following step.
   * A function may return `undefined` when the element moves on itself: after a request (then
   * `go`), or by sending from this step (`submit`).
   */
  next?: string | ((answers: A) => string | undefined);
  /** Message key of the Continue button (default `continue`). */
  button?: string;
}

/** What the flow needs of its element: any Lit element (a true `noRemember` turns drafts off). */
export type FlowHost = ReactiveElement & { noRemember?: boolean };

export interface FlowOptions<A extends object, R> {
  /**
   * The journey, in order. The first step is where it starts. Steps loaded on demand may be
   * pushed onto this array later; until a restored draft's step has arrived, render a busy state.
   */
  steps: Step<A, R>[];
  /** The answers before the resident has given any. */
  answers: A;
  /** Keep a draft in session storage under `draftKey(draft)`; omit for none. */
  draft?: string;
  /**
   * Translates a message key in the page language with the council's overrides: the element's
   * catalogue, which spreads core's `flowStrings` (Back, Continue, Send…), then `coreStrings`
   * ("There is a problem", "Try again"…). A `CouncilElement` passes `(key, params) =>
   * this.t(catalogue, key, params)`, which does both.
   */
  t: Translate;
  /**
   * Sends the answers with the submission's idempotency key; resolves with the receipt, or with
   * `undefined` when the element handled the answer itself (e.g. a 409 sent the resident back
   * to choose another slot, with `go` and `check`). A rejection shows the problem panel.
   */
  send?(answers: A, idempotencyKey: string): Promise<R | undefined>;
  /** The submission was accepted and "done" shows: announce it, fire the element's event. */
  sent?(receipt: R, answers: A): void;
  /** The element's way forward when sending fails or is refused (a link to its contact page). */
  help?(): unknown;
  /** After a Change link, the first step still needing an answer; default: back to `check`. */
  resume?(answers: A): string | undefined;
}

/** What the flow keeps in session storage. */
export interface FlowDraft<A> {
  step: string;
  /** The steps Back returns through, most recent last. */
  history: string[];
  answers: A;
  /** One key per submission: a retry (even after a reload) is the same submission. */
  idempotencyKey?: string;
}

/**
 * `detail` of `council-step-change`. Never any answers: only where the resident is, so a page
 * can place the journey (hide its introduction, scroll) and count how far residents get.
 */
export interface StepChangeDetail {
  /** The step now shown (the element's step id, e.g. `service`; `check` and `done` are the flow's own). */
  step: string;
  /**
   * How many pages the resident came through to reach this one: the length of the way Back,
   * so 0 on the opening page. It counts the resident's path, not the step's place in the
   * element's table (a dead end or a skipped question changes the path). After a Change from
   * check answers the way Back still runs through check answers, so the count does not fall.
   * On the confirmation: the pages of the journey just sent, check answers included.
   */
  index: number;
  /** True on the journey's opening page (nothing to go Back to, nothing sent): show the page's intro. */
  first: boolean;
  /** True on the confirmation: the submission was accepted (the page's intro stays hidden). */
  done: boolean;
}

/**
 * A multi-step journey as GOV.UK question pages, as a Lit reactive controller held as a field:
 * the steps as data; history and Back; returning to check answers after a Change; the error
 * summary and inline errors; focus moved to the step heading after each step change, to the
 * error summary after a failed check and to the problem panel after a failed send; a draft in
 * session storage; one idempotent send with Try again (from `checkAnswers`, the check answers
 * page with Change links, a function so it can load with a journey's later pages), and
 * 422 refusals explained in the element's words (`refused-<problem type's last segment>`).
 * Fires `council-step-change` (bubbles, composed) on every step change, `detail: { step, index,
 * first, done }` (see `StepChangeDetail`), so the page can hide its intro after the first question.
 *
 * ```ts
 * private flow = new QuestionFlow<Answers, Receipt>(this, {
 *   steps: [
 *     { id: 'colour', render: (f) => radios({ … value: f.answers.colour, onChange: (colour) => f.set({ colour }) }),
 *       check: (a) => (a.colour ? [] : [{ field: 'colour-0', message: 'errorColour' }]) },
 *     { id: 'check', page: true, render: (f) => checkAnswers(f, [{ key: …, value: …, onChange: () => f.go('colour') }]) },
 *     { id: 'done', page: true, render: (f) => confirmationPanel(…) },
 *   ],
 *   answers: { colour: '' },
 *   draft: 'colour-request',
 *   t: (key, params) => this.t(strings, key, params),
 *   send: (answers, idempotencyKey) => this.http(this.apiBase).post('/colours', answers, { idempotencyKey, read }),
 * });
 * override render() { return this.flow.render(); }
 * ```
 */
export class QuestionFlow<A extends object, R = unknown> implements ReactiveController {
  /** The problems shown in the error summary and beside their fields. */
  errors: FieldError[] = [];
  /** True while the answers are being sent. */
  sending = false;
  /** Why the last send failed (an `ApiError` from the http client); cleared when sending again. */
  failure?: unknown;
  /** The receipt of the accepted submission (the flow is then on `done`). */
  receipt?: R;
  /** The element's `t`, for steps: a message key in the page language, with the council's overrides. */
  readonly t: Translate;
  private draft: FlowDraft<A>;
  private store?: DraftStore<FlowDraft<A>>;
  private focusTarget?: string;

  constructor(
    private readonly host: FlowHost,
    /** The journey as the element gave it (its steps, `t`, `help`…). */
    readonly options: FlowOptions<A, R>,
  ) {
    this.draft = { step: options.steps[0]!.id, history: [], answers: options.answers };
    this.t = options.t;
    host.addController(this);
  }

  /** The step shown. */
  get step(): string {
    return this.draft.step;
  }

  /** The resident's answers so far. */
  get answers(): A {
    return this.draft.answers;
  }

  /** Restores the draft (once, when the element first connects). */
  hostConnected(): void {
    if (this.host.hasUpdated || !this.options.draft || this.host.noRemember) return;
    this.store = new DraftStore(draftKey(this.options.draft));
    const saved = this.store.load();
    if (saved?.step && saved.answers) {
      this.draft = { ...this.draft, ...saved };
      this.restart(this.draft.step, this.draft.history);
    }
  }

  /** Moves focus once its target has rendered (the first question may wait for data). */
  hostUpdated(): void {
    const target = this.focusTarget && this.host.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (target) {
      this.focusTarget = undefined;
      target.focus();
    }
  }

  /** Changes answers: a changed answer makes a new submission, with a new idempotency key. */
  set(patch: Partial<A>): void {
    this.save({ answers: { ...this.draft.answers, ...patch }, idempotencyKey: undefined });
  }

  /**
   * Moves to `step`, remembering the way Back. After a Change link, a question returns to
   * check answers (or to `resume`'s step); a page (a dead end) always shows.
   */
  go(step: string): void {
    const { history, step: current } = this.draft;
    const next = current !== 'check' && history.includes('check') && !this.find(step).page ? (this.options.resume?.(this.answers) ?? 'check') : step;
    this.restart(next, [...history.filter((s) => s !== next), current]);
  }

  /** Back to the previous step. */
  back(): void {
    const history = [...this.draft.history];
    const previous = history.pop();
    if (previous) this.restart(previous, history);
  }

  /**
   * Shows `step` with the given history (default none: no Back), e.g. to start again from a
   * step. Every step change comes through here: focus moves to the step's heading, and
   * `council-step-change` fires.
   */
  restart(step: string, history: string[] = []): void {
    // The confirmation starts with no way Back; its index counts the way the resident came.
    const done = step === 'done' && this.receipt !== undefined;
    const index = done ? this.draft.history.length + 1 : history.length;
    this.errors = [];
    this.save({ step, history });
    // Not before the first render: the resident has not moved, so focus stays where it is.
    if (this.host.hasUpdated) this.focusTarget = '[data-step-heading]';
    const detail: StepChangeDetail = { step, index, first: !history.length && !this.receipt, done };
    this.host.dispatchEvent(new CustomEvent<StepChangeDetail>('council-step-change', { detail, bubbles: true, composed: true }));
  }

  /** Continue: checks the answers to this step, then moves to its `next`. */
  continue(): void {
    const { steps } = this.options;
    const step = this.find(this.step);
    if (!this.check(step.check?.(this.answers) ?? [])) return;
    const { next } = step;
    const to = typeof next === 'function' ? next(this.answers) : (next ?? steps[steps.indexOf(step) + 1]!.id);
    if (to) this.go(to);
  }

  /** Shows `errors` (message keys) in the summary and beside their fields; true when there are none. */
  check(errors: StepError[]): boolean {
    this.errors = errors.map((e) => ({ field: e.field, message: this.t(e.message, e.params) }));
    if (errors.length) this.focusTarget = '.error-summary';
    this.host.requestUpdate();
    return !errors.length;
  }

  /** The message for `field`, when it has a problem. */
  errorFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  /**
   * Sends the answers once: one idempotency key per submission, kept in the draft, so Try again
   * (even after a reload) is the same submission. A failure keeps every answer.
   */
  async submit(): Promise<void> {
    const { answers, idempotencyKey = newIdempotencyKey() } = this.draft;
    this.sending = true;
    this.failure = undefined;
    this.save({ idempotencyKey });
    try {
      const receipt = await this.options.send!(answers, idempotencyKey);
      if (receipt === undefined) return;
      this.receipt = receipt;
      this.store?.clear();
      this.restart('done');
      this.options.sent?.(receipt, answers);
    } catch (error) {
      this.failure = error;
      this.focusTarget = '.problem h2, .refused';
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  /** The current step: Back, the error summary, then the question in a form with Continue (or the page). */
  render(): TemplateResult {
    const { t } = this;
    const step = this.find(this.step);
    const body = step.render(this);
    // One line per template: the build collapses template whitespace only in unnested templates.
    const form = html`<form novalidate @submit=${(e: Event) => (e.preventDefault(), this.continue())}>${body}<button class="button" part="button" type="submit">${t(step.button ?? 'continue')}</button></form>`;
    return html`${this.draft.history.length ? backLink(t('back'), () => this.back()) : nothing}${errorSummary(t, this.errors)}${step.page ? body : form}`;
  }

  // A draft saved by an older version may name a step that no longer exists: start again.
  private find(id: string): Step<A, R> {
    return this.options.steps.find((s) => s.id === id) ?? this.options.steps[0]!;
  }

  private save(patch: Partial<FlowDraft<A>>): void {
    this.draft = { ...this.draft, ...patch };
    if (!this.receipt) this.store?.save(this.draft);
    this.host.requestUpdate();
  }

}

declare global {
  interface HTMLElementEventMap {
    'council-step-change': CustomEvent<StepChangeDetail>;
  }
  // It bubbles out of shadow roots, so a page can listen once, on the document.
  interface DocumentEventMap {
    'council-step-change': CustomEvent<StepChangeDetail>;
  }
}
