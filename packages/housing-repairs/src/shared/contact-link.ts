import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '@council-kit/core/forms';

/** The link to the council's contact page (`contact-url`), when it has one. */
export function contactLink(url: string, t: Translate): TemplateResult | typeof nothing {
  return url ? html`<p><a href=${url}>${t('contactLink')}</a></p>` : nothing;
}
