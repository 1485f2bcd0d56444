import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ApiError, CouncilElement, DraftStore, draftKey, newIdempotencyKey, type Catalogue, type FieldError } from '@council-kit/core';
import { backLink, formStyles, summaryList, textField, type SummaryRow } from '@council-kit/core/forms';
import { readSubmissionReceipt, validate, type SubmissionReceipt } from '@council-kit/contracts';
import type { AddressSelectedDetail } from '@council-kit/address-lookup';
import '@council-kit/address-lookup/address-lookup';
import { checkContact, contactPayload, type ContactAnswers } from './contact.js';
import { rememberedProperty, rememberProperty, type RememberedProperty } from './property-store.js';

/** What every waste form keeps in its draft. */
export interface WasteDraft<A> {
  step: string;
  history: string[];
  property?: RememberedProperty;
  answers: A;
  contact: ContactAnswers;
  idempotencyKey?: string;
}

/**
 * The question-page machinery the waste forms share: the property step (reusing the address
 * lookup, or the property remembered from the bin-day page), contact details, Back, drafts that
 * survive a reload, an idempotent submit that keeps every answer when it fails, and focus
 * moved to each new page's heading.
 */
export abstract class WasteForm<A extends object> extends CouncilElement {
  static override styles = [...CouncilElement.styles, formStyles];
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    uprn: {},
    noRemember: { type: Boolean, attribute: 'no-remember' },
    contactUrl: { attribute: 'contact-url' },
    draft: { state: true },
    errors: { state: true },
    submitting: { state: true },
    submitError: { state: true },
    receipt: { state: true },
  };

  /** Base URL of the council API. */
  apiBase = '';

  /** Start with this property instead of asking for the address. */
  uprn = '';

  /** Do not remember the property or the draft answers (shared computers, kiosks). */
  noRemember = false;

  /** Page explaining how to contact the council. */
  contactUrl = '';

  protected draft: WasteDraft<A>;
  protected errors: FieldError[] = [];
  protected submitting = false;
  private focusStep = false;
  protected submitError?: ApiError;
  protected receipt?: SubmissionReceipt;

  protected abstract readonly catalogue: Catalogue;
  protected abstract readonly tag: string;
  /** The first step after the property is known. */
  protected abstract readonly firstStep: string;

  constructor(initialAnswers: A) {
    super();
    this.draft = { step: 'property', history: [], answers: initialAnswers, contact: { email: '', phone: '' } };
  }

  private get store(): DraftStore<WasteDraft<A>> {
    return new DraftStore(draftKey(this.tag));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = this.noRemember ? undefined : this.store.load();
    if (saved?.step && saved.answers) {
      this.draft = { ...this.draft, ...saved } as WasteDraft<A>;
      if (this.draft.property && this.draft.step !== 'property') this.onPropertyChosen();
    } else {
      const known = this.uprn ? { uprn: this.uprn, address: '' } : this.noRemember ? undefined : rememberedProperty();
      if (known) this.usePropertyNow(known);
    }
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (changed.has('draft') && !this.noRemember && !this.receipt) this.store.save(this.draft);
    // The lookup that had focus is gone once the address is chosen: focus the first question
    // when it shows (it may wait for the property's services to load).
    const heading = this.focusStep && this.renderRoot.querySelector<HTMLElement>('[data-step-heading]');
    if (heading) {
      this.focusStep = false;
      heading.focus();
    }
  }

  /** Called once the property is known (from the lookup, a `uprn`, or the session). */
  protected usePropertyNow(property: RememberedProperty): void {
    this.draft = { ...this.draft, property, step: this.firstStep, history: [] };
    this.onPropertyChosen();
  }

  /** Hook: load what the form needs about the property. */
  protected onPropertyChosen(): void {}

  protected msg(key: string, params?: Record<string, string | number>): string {
    return this.t(this.catalogue, key, params);
  }

  // A changed answer is a new submission, so it gets a new idempotency key when sent.
  protected setAnswers(patch: Partial<A>): void {
    this.draft = { ...this.draft, answers: { ...this.draft.answers, ...patch }, idempotencyKey: undefined };
  }

  /** Moves to `step`, remembering where Back goes; returns to "check" when changing an answer. */
  protected go(step: string): void {
    const returning = this.draft.history.includes('check') && step !== 'check' && this.draft.step !== 'check';
    const next = returning ? 'check' : step;
    this.errors = [];
    this.draft = { ...this.draft, step: next, history: [...this.draft.history.filter((s) => s !== next), this.draft.step] };
    void this.focusAfterRender('[data-step-heading]');
  }

  protected back(): void {
    const history = [...this.draft.history];
    const previous = history.pop();
    if (!previous) return;
    this.errors = [];
    this.draft = { ...this.draft, step: previous, history };
    void this.focusAfterRender('[data-step-heading]');
  }

  /** Shows errors (message keys translated) in the summary and inline; true when there were none. */
  protected check(errors: { field: string; message: string }[], params?: Record<string, string | number>): boolean {
    this.errors = errors.map((e) => ({ field: e.field, message: this.msg(e.message, params) }));
    if (errors.length) void this.focusAfterRender('.error-summary');
    return errors.length === 0;
  }

  protected errorFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  protected async submit(path: string, body: object): Promise<void> {
    // One key per submission, kept in the draft: a retry after a failure or a reload is the same submission.
    const idempotencyKey = this.draft.idempotencyKey ?? newIdempotencyKey();
    this.draft = { ...this.draft, idempotencyKey };
    this.submitting = true;
    this.submitError = undefined;
    try {
      this.receipt = await this.http(this.apiBase).post(path, body, { idempotencyKey, read: (json) => validate(readSubmissionReceipt, json) });
      this.store.clear();
      this.draft = { ...this.draft, step: 'done', history: [] };
      this.announce(`${this.msg('referenceIs')}: ${this.receipt.reference}`);
      void this.focusAfterRender('[data-step-heading]');
    } catch (error) {
      this.submitError = error instanceof ApiError ? error : new ApiError('invalid', String(error));
      void this.focusAfterRender('.problem h2, .refused');
    } finally {
      this.submitting = false;
    }
  }

  /**
   * A submission the council refused for a reason the resident can act on (422), in their
   * language: each form's catalogue has `refused-<last segment of the problem type>` for the
   * refusals it can meet (see `problemTypes` in contracts).
   */
  private refusal(): string | undefined {
    const key = `refused-${this.submitError?.problemType?.split('/').pop()}`;
    const message = this.msg(key);
    return message === key ? undefined : message;
  }

  protected contactPayload(): { email?: string; phone?: string } {
    return contactPayload(this.draft.contact);
  }

  // ---- shared pages ----------------------------------------------------------------------

  private onAddress(event: CustomEvent<AddressSelectedDetail>): void {
    event.stopPropagation();
    const value = (event.target as HTMLElement & { value?: { address?: string } }).value;
    if (!event.detail.uprn) {
      this.check([{ field: 'lookup', message: 'manualAddress' }]);
      return;
    }
    const property = { uprn: event.detail.uprn, address: value?.address ?? '' };
    if (!this.noRemember) rememberProperty(property);
    this.usePropertyNow(property);
    this.draft = { ...this.draft, history: ['property'] };
    this.focusStep = true;
  }

  protected renderPropertyStep(): TemplateResult {
    return html`${this.heading(this.msg('propertyTitle'))}
      <council-address-lookup id="lookup" api-base=${this.apiBase} heading-level="3" .strings=${this.strings} @council-address-selected=${this.onAddress}></council-address-lookup>`;
  }

  protected renderContactStep(): TemplateResult {
    const errorPrefix = this.t('errorPrefix');
    const set = (patch: Partial<ContactAnswers>) => (this.draft = { ...this.draft, contact: { ...this.draft.contact, ...patch }, idempotencyKey: undefined });
    return this.page(
      html`<fieldset>
        <legend class="heading-m"><span role="heading" aria-level="2" tabindex="-1" data-step-heading>${this.msg('contactTitle')}</span></legend>
        <p class="hint">${this.msg('contactHint')}</p>
        ${textField({ id: 'email', label: this.msg('emailLabel'), type: 'email', autocomplete: 'email', spellcheck: false, value: this.draft.contact.email, error: this.errorFor('email'), errorPrefix, onInput: (email) => set({ email }) })}
        ${textField({ id: 'phone', label: this.msg('phoneLabel'), type: 'tel', autocomplete: 'tel', width: 'width-20', value: this.draft.contact.phone, error: this.errorFor('phone'), errorPrefix, onInput: (phone) => set({ phone }) })}
      </fieldset>`,
      () => this.check(checkContact(this.draft.contact)) && this.go('check'),
    );
  }

  /** A question page: Back, the error summary, the question and Continue. */
  protected page(question: TemplateResult, onContinue: () => void, continueText = this.msg('continue')): TemplateResult {
    return html`${this.draft.history.length ? backLink(this.msg('back'), () => this.back()) : nothing}
      ${this.renderErrorSummary(this.errors)}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), onContinue())}>
        ${question}
        <button class="button" part="button" type="submit">${continueText}</button>
      </form>`;
  }

  /** Send, with the failure panel (answers kept, same idempotency key) when it does not go through. */
  protected renderSend(onSend: () => void): TemplateResult {
    if (this.submitting) return this.renderBusy(this.msg('sending'));
    const refusal = this.refusal();
    if (refusal) return html`<p class="error-message refused" tabindex="-1" role="alert">${refusal}</p>${this.renderContactLink()}`;
    return html`${this.submitError ? this.renderProblem(this.submitError, onSend, this.renderContactLink()) : nothing}
      <button class="button" part="button" type="button" @click=${onSend}>${this.msg('send')}</button>`;
  }

  protected renderContactLink(): TemplateResult | typeof nothing {
    return this.contactUrl ? html`<p><a href=${this.contactUrl}>${this.msg('contactLink')}</a></p>` : nothing;
  }

  /** A page heading that receives focus when the page appears, as on GOV.UK question pages. */
  protected heading(text: string): TemplateResult {
    return html`<div role="heading" aria-level="2" class="heading-m" tabindex="-1" data-step-heading>${text}</div>`;
  }

  /** "Check your answers": the form's own rows, then the property and contact details, then Send. */
  protected renderCheckAnswers(rows: SummaryRow[], onSend: () => void, notice: TemplateResult | typeof nothing = nothing): TemplateResult {
    return html`${backLink(this.msg('back'), () => this.back())}
      ${this.heading(this.msg('checkTitle'))}
      ${summaryList([...rows, ...this.commonRows()], this.t('change'))}
      ${notice}
      ${this.renderSend(onSend)}`;
  }

  private commonRows(): SummaryRow[] {
    const { contact, property } = this.draft;
    return [
      { key: this.msg('addressKey'), value: property?.address || property?.uprn || '', onChange: this.uprn ? undefined : () => this.changeProperty() },
      { key: this.msg('emailKey'), value: contact.email.trim() || this.msg('notGiven'), onChange: () => this.go('contact') },
      { key: this.msg('phoneKey'), value: contact.phone.trim() || this.msg('notGiven'), onChange: () => this.go('contact') },
    ];
  }

  private changeProperty(): void {
    this.draft = { ...this.draft, property: undefined, step: 'property', history: [] };
    void this.focusAfterRender('[data-step-heading]');
  }
}
