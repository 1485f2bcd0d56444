import { html, nothing, type TemplateResult } from 'lit';
import { fieldError } from '../templates.js';

export { fieldError };

/**
 * GOV.UK question-page controls as template functions. Functions (not base-class methods) so
 * an element that does not use them does not download them.
 */

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

export interface RadiosOptions {
  /** Used for the fieldset id (the error summary links to the first radio, `<id>-0`). */
  id: string;
  legend: string;
  /** Render the legend as the page heading (GOV.UK "question page" pattern). */
  legendIsHeading?: boolean;
  hint?: string;
  options: RadioOption[];
  value?: string;
  error?: string;
  errorPrefix: string;
  onChange: (value: string) => void;
}

// Templates here hold no nested template or template string in their text, so the build can
// collapse their indentation (scripts/minify-css.mjs): nested parts are built first.

/** The ids a control is described by: its hint and its error, when it has them. */
function describedBy(o: { id: string; hint?: string; error?: string }): string | typeof nothing {
  return [o.hint && o.id + '-hint', o.error && o.id + '-error'].filter(Boolean).join(' ') || nothing;
}

/** A hint paragraph with its id, or nothing. */
function hint(id: string, text?: string): TemplateResult | typeof nothing {
  return text ? html`<p class="hint" id=${id + '-hint'}>${text}</p>` : nothing;
}

/** A GOV.UK radios question. The error summary should link to `${id}-0`. */
export function radios(o: RadiosOptions): TemplateResult {
  const legend = o.legendIsHeading ? html`<span role="heading" aria-level="2" tabindex="-1" data-step-heading>${o.legend}</span>` : o.legend;
  const options = o.options.map((option, i) => {
    const id = o.id + '-' + i;
    // `.checked` before `name`: the next question reuses these inputs (the same template in the
    // same place), and a radio still checked when its name moves it into the new group would
    // uncheck that group's answer. Set first, the answer unchecks the old group's instead.
    return html`<div class="radio">
      <input
        type="radio"
        id=${id}
        .checked=${option.value === o.value}
        name=${o.id}
        .value=${option.value}
        aria-describedby=${option.hint ? id + '-hint' : nothing}
        @change=${() => o.onChange(option.value)}
      />
      <label for=${id}>${option.label}</label>
      ${hint(id, option.hint)}
    </div>`;
  });
  return html`<div class="form-group ${o.error ? 'error' : ''}">
    <fieldset aria-describedby=${describedBy(o)}>
      <legend class=${o.legendIsHeading ? 'heading-m' : ''}>${legend}</legend>
      ${hint(o.id, o.hint)}
      ${fieldError(o.id + '-error', o.error, o.errorPrefix)}
      <div class="radios">${options}</div>
    </fieldset>
  </div>`;
}

export interface TextFieldOptions {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  errorPrefix: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  spellcheck?: boolean;
  /** GOV.UK fixed widths: `width-10`, `width-20`, or full width. */
  width?: string;
  maxlength?: number;
  onInput: (value: string) => void;
}

/** A GOV.UK text input with label, hint and inline error. */
export function textField(o: TextFieldOptions): TemplateResult {
  return html`<div class="form-group ${o.error ? 'error' : ''}">
    <label class="label" for=${o.id}>${o.label}</label>
    ${hint(o.id, o.hint)}
    ${fieldError(o.id + '-error', o.error, o.errorPrefix)}
    <input
      class="input ${o.width ?? ''} ${o.error ? 'error' : ''}"
      id=${o.id}
      type=${o.type ?? 'text'}
      autocomplete=${o.autocomplete ?? 'off'}
      inputmode=${o.inputmode ?? nothing}
      spellcheck=${o.spellcheck === false ? 'false' : nothing}
      maxlength=${o.maxlength ?? nothing}
      .value=${o.value}
      aria-describedby=${describedBy(o)}
      aria-invalid=${o.error ? 'true' : 'false'}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />
  </div>`;
}

export interface SummaryRow {
  key: string;
  value: string;
  /** Omit for rows the resident cannot change. */
  onChange?: () => void;
}

/** The GOV.UK summary list for "Check your answers", with "Change" links that name their row. */
export function summaryList(rows: SummaryRow[], changeText: string): TemplateResult {
  const items = rows.map((row) => {
    const change = row.onChange
      ? html`<button type="button" class="link" @click=${row.onChange}>${changeText}<span class="visually-hidden"> ${row.key}</span></button>`
      : nothing;
    return html`<div class="summary-row">
      <dt>${row.key}</dt>
      <dd class="summary-value">${row.value}</dd>
      <dd class="summary-action">${change}</dd>
    </div>`;
  });
  return html`<dl class="summary-list" part="summary-list">${items}</dl>`;
}

/**
 * A page heading that receives focus when the page appears, as on GOV.UK question pages
 * (`QuestionFlow` focuses `[data-step-heading]` after each step change).
 */
export function stepHeading(text: string): TemplateResult {
  return html`<div role="heading" aria-level="2" class="heading-m" tabindex="-1" data-step-heading>${text}</div>`;
}

/** The GOV.UK confirmation panel. */
export function confirmationPanel(title: string, body: TemplateResult | string): TemplateResult {
  return html`<div class="panel" part="panel">
    <div role="heading" aria-level="2" class="panel-title" tabindex="-1" data-step-heading>${title}</div>
    <div class="panel-body">${body}</div>
  </div>`;
}

/** The GOV.UK back link, as a button: the flow's history lives in the element, not the URL. */
export function backLink(text: string, onBack: () => void): TemplateResult {
  return html`<button type="button" class="link back-link" @click=${onBack}>${text}</button>`;
}
