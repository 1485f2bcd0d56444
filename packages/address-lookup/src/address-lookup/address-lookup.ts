import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ApiError, CouncilElement, type FieldError } from '@council-kit/core';
import { parsePostcode } from '@council-kit/contracts';
import type { Address, AddressLookupResult } from '@council-kit/contracts';
import { addressLookupStrings, type AddressLookupKey } from './address-lookup.i18n.js';
import { styles } from './address-lookup.styles.js';
import { councilApiSource, type AddressSource } from './address-source.js';
import { checkManualAddress, emptyManualAddress, postcodeMessage, type ManualAddress } from './manual-address.js';
import { notChosen, type StepError } from './not-chosen.js';
import { sending } from './sending.js';

/**
 * The lookup's steps, as a journey's: the postcode (and the same, busy, while `loading`); the
 * list of addresses or a dead end (none found, outside the area, the service unavailable);
 * typing the address; the chosen address.
 */
type Step = 'postcode' | 'loading' | 'addresses' | 'none' | 'outside' | 'unavailable' | 'manual' | 'done';

/** `detail` of `council-address-selected`: only what a listener needs, never typed text. */
export interface AddressSelectedDetail {
  /** The chosen property's UPRN, or `null` for an address typed by hand. */
  uprn: string | null;
  /** True when the resident typed the address because it was not in the list. */
  manual: boolean;
}

/** What the element saves for the browser to restore (back/forward cache, autofill restore). */
type SavedState = { uprn: string; address: Address } | { manual: ManualAddress };

/**
 * Finds an address from a postcode, following the GOV.UK "find an address" pattern: postcode,
 * then a list of addresses, with manual entry when the address is not listed. Form-associated:
 * inside a `<form>`, `name` submits the chosen UPRN (or `name-line1`, `name-line2`,
 * `name-town`, `name-postcode` for a typed address). With `required`, sending the form before an
 * address is chosen shows the element's own error summary, pointing at what moves the resident on
 * (the postcode or the list, with an inline error, or a dead end's way on), and moves focus to
 * the summary: never the browser's validation bubble.
 *
 * @summary Postcode lookup with manual fallback, for any council form.
 * @slot - Fallback shown until the element upgrades: a link to the council's existing address page, or a plain postcode field.
 * @fires council-address-selected - An address was chosen or typed. `detail: { uprn: string | null, manual: boolean }`. Read `value` for the full address.
 * @csspart input - Every text input (the postcode and the typed address).
 * @csspart select - The list of addresses.
 * @csspart button - Every button.
 * @csspart error-summary - The GOV.UK error summary.
 * @csspart problem - The panel shown when the service fails.
 * @csspart busy - The busy indicator while addresses load.
 * @cssprop --council-focus-colour - Focus highlight colour.
 * @cssprop --council-error-colour - Error colour for the summary, borders and messages.
 */
export class AddressLookup extends CouncilElement {
  static formAssociated = true;
  static override styles = [...CouncilElement.styles, styles];
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    postcode: {},
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    source: { attribute: false },
    step: { state: true },
    typedPostcode: { state: true },
    result: { state: true },
    chosenUprn: { state: true },
    selected: { state: true },
    manual: { state: true },
    errors: { state: true },
    failure: { state: true },
    slow: { state: true },
  };

  /** Base URL of the council API; the lookup resolves against it. */
  apiBase = '';

  /** A postcode to look up straight away (e.g. one the site already knows). */
  postcode = '';

  /** Name under which the chosen address is submitted with an enclosing form. */
  name = '';

  /** Whether an enclosing form may be submitted without an address. */
  required = false;

  /** Disables every control (also set by a disabled `<fieldset>`). */
  disabled = false;

  /** Level of the element's headings, to fit the page's outline (default 2). */
  headingLevel = 2;

  /**
   * Where addresses come from. Default: the Council Kit contract. Use `osPlacesSource` (exported)
   * for an OS Places API-shaped proxy, or supply your own `{ path, query, read }`.
   */
  source: AddressSource = councilApiSource;

  private step: Step = 'postcode';
  private typedPostcode = '';
  private result?: AddressLookupResult;
  private chosenUprn = '';
  private selected?: Address | ManualAddress;
  private manual: ManualAddress = { ...emptyManualAddress };
  private errors: FieldError[] = [];
  private failure?: ApiError;
  private slow = false;

  private readonly internals = this.attachInternals();
  private slowTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    // The form fires `invalid` at the element when it is sent without an address: never the
    // browser's bubble (it pointed at whichever control came first, often "Change").
    this.addEventListener('invalid', (event) => {
      event.preventDefault();
      if (sending()) this.showNotChosen();
    });
    // Starts the page's click watch now, before the click that sends the form.
    sending();
  }

  /** The chosen address: from the list (with `uprn`), typed by hand, or `undefined`. */
  get value(): Address | ManualAddress | undefined {
    return this.selected;
  }

  /** The enclosing form, when there is one. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('postcode') && this.postcode) {
      this.typedPostcode = this.postcode;
      // A postcode the page supplied: show the results without taking focus from the page.
      void this.find(false);
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncFormValue();
  }

  private msg(key: AddressLookupKey, params?: Record<string, string | number>): string {
    return this.t(addressLookupStrings, key, params);
  }

  private heading(text: string, extra = ''): TemplateResult {
    const level = Math.min(6, Math.max(2, this.headingLevel));
    // Headings receive focus on a step change, as on GOV.UK question pages.
    return html`<div role="heading" aria-level=${level} class="heading-m ${extra}" tabindex="-1" data-step-heading>${text}</div>`;
  }

  private async find(moveFocus = true): Promise<void> {
    const parsed = parsePostcode(this.typedPostcode);
    if (!parsed.ok) {
      this.check([{ field: 'postcode', message: postcodeMessage(parsed.problem) }]);
      return;
    }
    this.typedPostcode = parsed.postcode;
    // The postcode, busy (also after Try again on the failure step), leaving focus where it is.
    this.restart('loading', '');
    this.slow = false;
    clearTimeout(this.slowTimer);
    // Say nothing for quick answers; tell the resident when the wait becomes noticeable.
    this.slowTimer = setTimeout(() => {
      this.slow = true;
      this.announce(this.msg('slow'));
    }, 2000);
    try {
      // Unset (a host passing on its own unset `addressSource`): the default.
      const source = this.source || councilApiSource;
      const result = await this.http(this.apiBase).get('/' + source.path, {
        key: 'addresses',
        query: source.query(parsed.postcode, this.locale),
        read: (json) => source.read(json, parsed.postcode),
      });
      this.result = result;
      this.chosenUprn = '';
      this.restart(this.resultStep(), moveFocus ? '[data-step-heading]' : '');
      this.announce(this.resultTitle());
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') return;
      if (error instanceof ApiError && error.status === 400) {
        this.restart('postcode', '');
        this.check([{ field: 'postcode', message: 'errorInvalid' }]);
        return;
      }
      this.failure = error instanceof ApiError ? error : new ApiError('invalid', String(error));
      this.restart('unavailable', moveFocus ? '.problem h2' : '');
    } finally {
      clearTimeout(this.slowTimer);
      this.slow = false;
    }
  }

  /** Where the last lookup leads: the list, or a dead end. */
  private resultStep(): 'addresses' | 'none' | 'outside' {
    const { outsideArea, addresses } = this.result!;
    return outsideArea ? 'outside' : addresses.length ? 'addresses' : 'none';
  }

  /** The heading of the step the last lookup led to, also announced. */
  private resultTitle(): string {
    const { postcode, addresses } = this.result!;
    const key = ({ outside: 'outsideTitle', none: 'noResultsTitle', addresses: 'found' } as const)[this.resultStep()];
    return this.msg(key, { count: addresses.length, postcode });
  }

  // ---- steps: one way to change step, and to check answers and show their errors -----------

  /**
   * Shows `step` with no errors, then focuses `focus` (its heading by default; `''` leaves focus
   * where it is, as when the page supplied the postcode). Every step change comes through here.
   */
  private restart(step: Step, focus = '[data-step-heading]'): void {
    this.errors = [];
    this.step = step;
    if (focus) void this.focusAfterRender(focus);
  }

  /**
   * Shows `errors` (message keys) in the summary and beside their fields, moving focus to the
   * summary unless `focus` is false; true when there are none.
   */
  private check(errors: StepError[], focus = true): boolean {
    this.errors = errors.map((e) => ({ field: e.field, message: this.msg(e.message) }));
    if (errors.length && focus) void this.focusAfterRender('.error-summary');
    return !errors.length;
  }

  /** The page's form was sent (or `reportValidity` called) before an address was chosen. */
  private showNotChosen(): void {
    // A complete typed address the resident did not confirm: confirm it, as "Use this address".
    if (this.step === 'manual' && !checkManualAddress(this.manual).errors.length) return this.useManual(new Event('submit'));
    // Focus moves here only when this is the form's first problem, as the browser's would.
    const first = [...(this.form?.elements ?? [])].find((e) => (e as HTMLInputElement).validity?.valid === false);
    this.check(notChosen(this.step, this.manual), !first || first === this);
  }

  private errorFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  private onFind(event: Event): void {
    event.preventDefault();
    void this.find();
  }

  private useListed(event: Event): void {
    event.preventDefault();
    const address = this.result?.addresses.find((a) => a.uprn === this.chosenUprn);
    if (!address) return void this.check([{ field: 'address', message: 'errorSelect' }]);
    this.choose(address, { uprn: address.uprn, manual: false }, address.address);
  }

  private useManual(event: Event): void {
    event.preventDefault();
    const { address, errors } = checkManualAddress(this.manual);
    if (!this.check(errors)) return;
    this.manual = address;
    const oneLine = [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(', ');
    this.choose(address, { uprn: null, manual: true }, oneLine);
  }

  private choose(address: Address | ManualAddress, detail: AddressSelectedDetail, oneLine: string): void {
    this.selected = address;
    this.restart('done');
    this.announce(this.msg('selected', { address: oneLine }));
    this.emit<AddressSelectedDetail>('council-address-selected', detail);
  }

  private startManual(): void {
    // The postcode the resident typed, even when the lookup failed before it found anything.
    if (!this.manual.postcode) this.manual = { ...this.manual, postcode: this.typedPostcode };
    this.restart('manual');
  }

  /** Back to the list (or dead end) the address came from, else to the postcode. */
  private changeAddress(): void {
    this.selected = undefined;
    this.restart(this.result ? this.resultStep() : 'postcode', '[data-step-heading], #postcode');
  }

  /** "Change postcode" and "Check the postcode". */
  private changePostcode(): void {
    this.restart('postcode', '#postcode');
  }

  // ---- form association ------------------------------------------------------------------

  private syncFormValue(): void {
    if (!this.selected) {
      // Anchored on the control that moves the resident on from this step, never "Change".
      const anchor = this.renderRoot.querySelector<HTMLElement>('#' + notChosen(this.step, this.manual)[0]!.field) ?? undefined;
      this.internals.setFormValue(null);
      if (this.required) this.internals.setValidity({ valueMissing: true }, this.msg('valueMissing'), anchor);
      else this.internals.setValidity({});
      return;
    }
    const data = new FormData();
    let saved: SavedState;
    if ('uprn' in this.selected) {
      if (this.name) data.append(this.name, this.selected.uprn);
      saved = { uprn: this.selected.uprn, address: this.selected };
    } else {
      for (const [field, value] of Object.entries(this.selected)) if (this.name) data.append(`${this.name}-${field}`, value);
      saved = { manual: this.selected };
    }
    this.internals.setFormValue(data, JSON.stringify(saved));
    this.internals.setValidity({});
  }

  /** @internal Called by the browser when the enclosing form is reset. */
  formResetCallback(): void {
    this.selected = undefined;
    this.result = undefined;
    this.typedPostcode = '';
    this.manual = { ...emptyManualAddress };
    this.restart('postcode', '');
  }

  /** @internal Called by the browser to restore the value after back/forward navigation or autofill. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const saved = JSON.parse(state) as SavedState;
      this.selected = 'manual' in saved ? saved.manual : saved.address;
      if ('manual' in saved) this.manual = saved.manual;
      this.restart('done', '');
    } catch {
      /* an unreadable saved state: start again from the postcode */
    }
  }

  /** @internal Called by the browser when a disabled fieldset changes. */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** The element's validity state, as for a native control. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message the browser shows when the element is invalid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the element takes part in form validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Labels associated with the element (`<label for>` in the page). */
  get labels(): NodeList {
    return this.internals.labels;
  }

  /** Checks validity like a native control, showing nothing (the form's `checkValidity` too). */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and, when no address is chosen, shows the element's own error summary. */
  reportValidity(): boolean {
    const valid = this.checkValidity();
    if (!valid) this.showNotChosen();
    return valid;
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div part="root">${this.renderErrorSummary(this.errors)}${this.steps[this.step]()}</div>`;
  }

  /** The step table: what each step shows below the error summary. */
  private readonly steps: Record<Step, () => TemplateResult> = {
    postcode: () => this.renderPostcode(),
    loading: () => this.renderPostcode(),
    addresses: () => this.renderAddresses(),
    none: () => html`${this.heading(this.resultTitle())}
      <p>${this.msg('noResultsBody')}</p>
      ${this.renderCheckPostcode()}
      ${this.renderManualLink()}`,
    outside: () => html`${this.heading(this.resultTitle())}
      <p>${this.msg('outsideBody')}</p>
      <p><a href="https://www.gov.uk/find-local-council">${this.msg('findCouncil')}</a></p>
      ${this.renderCheckPostcode()}`,
    unavailable: () => this.renderProblem(this.failure, () => void this.find(), html`<p>${this.msg('unavailableManual')}</p>${this.renderManualLink()}`),
    manual: () => this.renderManual(),
    done: () => this.renderDone(),
  };

  private renderPostcode(): TemplateResult {
    const error = this.errorFor('postcode');
    return html`<form @submit=${this.onFind} novalidate>
      <div class="form-group ${error ? 'error' : ''}">
        <label class="label" for="postcode">${this.msg('postcodeLabel')}</label>
        <p class="hint" id="postcode-hint">${this.msg('postcodeHint')}</p>
        ${this.renderFieldError('postcode-error', error)}
        <input
          class="input width-10 ${error ? 'error' : ''}"
          part="input"
          id="postcode"
          name="postcode"
          type="text"
          autocomplete="postal-code"
          spellcheck="false"
          maxlength="16"
          .value=${this.typedPostcode}
          ?disabled=${this.disabled}
          aria-describedby="postcode-hint${error ? ' postcode-error' : ''}"
          aria-invalid=${error ? 'true' : 'false'}
          @input=${(e: Event) => (this.typedPostcode = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${this.step === 'loading'
        ? this.renderBusy(this.slow ? this.msg('slow') : this.msg('finding'))
        : html`<button class="button" part="button" type="submit" ?disabled=${this.disabled}>${this.msg('find')}</button>`}
    </form>`;
  }

  private renderChangePostcode(postcode: string): TemplateResult {
    return html`<div class="summary-list">
      <p><span class="visually-hidden">${this.msg('postcodeLabel')}: </span><strong>${postcode}</strong></p>
      <button type="button" class="link" @click=${this.changePostcode}>
        ${this.t('change')}<span class="visually-hidden"> ${this.msg('changePostcode')}</span>
      </button>
    </div>`;
  }

  // A dead end's ways on carry ids, so the "not chosen" error summary can point at them.
  private renderCheckPostcode(): TemplateResult {
    return html`<p><button type="button" class="link" id="check-postcode" @click=${this.changePostcode}>${this.msg('checkPostcode')}</button></p>`;
  }

  private renderManualLink(): TemplateResult {
    return html`<p><button type="button" class="link" id="enter-manually" @click=${this.startManual}>${this.msg('enterManually')}</button></p>`;
  }

  private renderAddresses(): TemplateResult {
    const result = this.result!;
    const error = this.errorFor('address');
    return html`${this.renderChangePostcode(result.postcode)}
      ${this.heading(this.resultTitle())}
      <form @submit=${this.useListed} novalidate>
        <div class="form-group ${error ? 'error' : ''}">
          <label class="label" for="address">${this.msg('selectLabel')}</label>
          ${this.renderFieldError('address-error', error)}
          <select
            class="input select ${error ? 'error' : ''}"
            part="select"
            id="address"
            ?disabled=${this.disabled}
            aria-describedby=${error ? 'address-error' : nothing}
            aria-invalid=${error ? 'true' : 'false'}
            @change=${(e: Event) => (this.chosenUprn = (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!this.chosenUprn}>${this.msg('choose')}</option>
            ${result.addresses.map((a) => html`<option value=${a.uprn} ?selected=${a.uprn === this.chosenUprn}>${a.address}</option>`)}
          </select>
        </div>
        <button class="button" part="button" type="submit" ?disabled=${this.disabled}>${this.msg('useAddress')}</button>
      </form>
      <p><button type="button" class="link" @click=${this.startManual}>${this.msg('notListed')}</button></p>`;
  }

  private renderManualField(field: keyof ManualAddress, id: string, label: AddressLookupKey, autocomplete: string, width = ''): TemplateResult {
    const error = this.errorFor(id);
    return html`<div class="form-group ${error ? 'error' : ''}">
      <label class="label" for=${id}>${this.msg(label)}</label>
      ${this.renderFieldError(`${id}-error`, error)}
      <input
        class="input ${width} ${error ? 'error' : ''}"
        part="input"
        id=${id}
        type="text"
        autocomplete=${autocomplete}
        .value=${this.manual[field]}
        ?disabled=${this.disabled}
        aria-describedby=${error ? `${id}-error` : nothing}
        aria-invalid=${error ? 'true' : 'false'}
        @input=${(e: Event) => (this.manual = { ...this.manual, [field]: (e.target as HTMLInputElement).value })}
      />
    </div>`;
  }

  private renderManual(): TemplateResult {
    return html`<form @submit=${this.useManual} novalidate>
      <fieldset>
        <legend>${this.heading(this.msg('manualTitle'))}</legend>
        ${this.renderManualField('line1', 'line1', 'line1Label', 'address-line1')}
        ${this.renderManualField('line2', 'line2', 'line2Label', 'address-line2')}
        ${this.renderManualField('town', 'town', 'townLabel', 'address-level2', 'width-20')}
        ${this.renderManualField('postcode', 'manual-postcode', 'postcodeLabel', 'postal-code', 'width-10')}
      </fieldset>
      <button class="button" part="button" type="submit" ?disabled=${this.disabled}>${this.msg('useAddress')}</button>
    </form>`;
  }

  private renderDone(): TemplateResult {
    const address = this.selected!;
    const lines = 'uprn' in address ? [...address.lines, address.town, address.postcode] : [address.line1, address.line2, address.town, address.postcode];
    return html`${this.heading(this.msg('selectedTitle'))}
      <div class="summary-list">
        <p class="address-lines">${lines.filter(Boolean).join('\n')}</p>
        <button type="button" class="link" ?disabled=${this.disabled} @click=${this.changeAddress}>
          ${this.t('change')}<span class="visually-hidden"> ${this.msg('changeAddress')}</span>
        </button>
      </div>`;
  }
}

// Declared with the class, so importing the class or the package gives typed
// `document.querySelector(…)` and `addEventListener(…)`, with or without the define file.
declare global {
  interface HTMLElementTagNameMap {
    'council-address-lookup': AddressLookup;
  }
  interface HTMLElementEventMap {
    'council-address-selected': CustomEvent<AddressSelectedDetail>;
  }
}
