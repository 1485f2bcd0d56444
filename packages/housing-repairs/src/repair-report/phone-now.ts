import { html, type TemplateResult } from 'lit';
import { inOfficeHours, type RepairCatalogue } from '@council-kit/contracts';

/** The number to call now: the repairs line in office hours, the out-of-hours line otherwise. */
export function phoneNow(catalogue: RepairCatalogue, now: Date): string {
  return inOfficeHours(catalogue.council.officeHours, now) ? catalogue.council.phone : catalogue.council.outOfHoursPhone;
}

/** A phone number to call, as a link. */
export function tel(phone: string): TemplateResult {
  return html`<a class="phone" part="phone" href=${`tel:${phone.replace(/[^\d+]/g, '')}`}>${phone}</a>`;
}
