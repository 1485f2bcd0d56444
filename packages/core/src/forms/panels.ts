import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../http/errors.js';
import type { Params } from '../i18n/translate.js';

/**
 * The panels every element and every journey shows, as template functions shared by
 * `CouncilElement` and `QuestionFlow`. `t` translates core's message keys (`problemTitle`,
 * `errorSummaryTitle`…) with the council's overrides in the page language.
 */
export type Translate = (key: string, params?: Params) => string;

/** One entry in an error summary: the id of the control in this shadow root, and the message. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The failure panel: what went wrong, in plain words, what to do next, and "Try again" when
 * trying again can help. `extra` carries the element's own way forward (e.g. a phone number).
 */
export function problemPanel(t: Translate, error: unknown, retry?: () => void, extra?: unknown): TemplateResult {
  const apiError = error instanceof ApiError ? error : new ApiError('network', String(error));
  const rateLimited = apiError.status === 429;
  const body = rateLimited
    ? 'rateLimitedBody'
    : apiError.kind === 'timeout'
      ? 'timeoutBody'
      : apiError.kind === 'network'
        ? 'networkBody'
        : 'problemBody';
  const button = retry && apiError.retryable
    ? html`<button type="button" class="button secondary" part="button retry" @click=${retry}>${t('tryAgain')}</button>`
    : nothing;
  return html`<div class="problem" part="problem" role="alert">
    <h2 tabindex="-1">${t(rateLimited ? 'rateLimitedTitle' : 'problemTitle')}</h2>
    <p>${t(body)}</p>
    ${extra ?? nothing}
    ${button}
  </div>`;
}

/** The GOV.UK error summary. Each entry moves focus to its field when activated. */
export function errorSummary(t: Translate, errors: FieldError[]): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const items = errors.map((e) => html`<li><a class="link" href=${'#' + e.field} @click=${(event: Event) => focusField(event, e.field)}>${e.message}</a></li>`);
  return html`<div class="error-summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${t('errorSummaryTitle')}</h2>
    <ul>${items}</ul>
  </div>`;
}

function focusField(event: Event, id: string): void {
  // Fragment links cannot reach into a shadow root, so we move focus ourselves.
  event.preventDefault();
  const root = (event.currentTarget as Element).getRootNode() as ParentNode;
  const field = root.querySelector<HTMLElement>('#' + CSS.escape(id));
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
}

/**
 * The busy state: a spinner (still under reduced motion) and text. Not a live region itself:
 * elements announce a noticeable wait through the page's one announcer.
 */
export function busy(text: string): TemplateResult {
  return html`<div class="busy" part="busy"><span class="spinner" aria-hidden="true"></span>${text}</div>`;
}
