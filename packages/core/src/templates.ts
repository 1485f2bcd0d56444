import { html, nothing, type TemplateResult } from 'lit';

/** The inline error with GOV.UK's visually hidden "Error:" prefix. */
export function fieldError(id: string, message: string | undefined, prefix: string): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="error-message" id=${id}><span class="visually-hidden">${prefix}</span> ${message}</p>`;
}
