import { html, nothing, type TemplateResult } from 'lit';
import { stepHeading, summaryList, type SummaryRow } from '../forms/fields.js';
import { busy, problemPanel } from '../forms/panels.js';
import type { ApiError } from '../http/errors.js';
import type { QuestionFlow } from './question-flow.js';

/**
 * GOV.UK's "Check your answers" page for a `QuestionFlow`: the heading, the rows with their
 * Change links, `notice`, then Send (through `flow.submit`), the problem panel with Try again
 * after a failure, or a 422 refusal in the element's words (`refused-<problem type's last
 * segment>`). A function rather than a method of the flow, so an element that loads its later
 * pages on demand loads this with them.
 */
export function checkAnswers<A extends object, R>(flow: QuestionFlow<A, R>, rows: SummaryRow[], notice: unknown = nothing): TemplateResult {
  const { t, failure } = flow;
  const help = flow.options.help?.();
  const send = () => void flow.submit();
  // A refusal the resident can act on (422), in the element's words: trying again cannot help.
  const refusedKey = `refused-${(failure as ApiError | undefined)?.problemType?.split('/').pop()}`;
  const refusal = t(refusedKey);
  const action = flow.sending
    ? busy(t('sending'))
    : refusal !== refusedKey
      ? html`<p class="error-message refused" tabindex="-1" role="alert">${refusal}</p>${help}`
      : html`${failure ? problemPanel(t, failure, send, help) : nothing}<button class="button" part="button" type="button" @click=${send}>${t('send')}</button>`;
  return html`${stepHeading(t('checkTitle'))}${summaryList(rows, t('change'))}${notice}${action}`;
}
