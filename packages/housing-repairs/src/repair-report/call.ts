import { html, nothing } from 'lit';
import { stepHeading } from '@council-kit/core/forms';
import { inOfficeHours, readRepairCatalogue, type Bilingual, type RepairCatalogue } from '@council-kit/contracts';
import { phoneNow, tel } from './phone-now.js';
import type { ReportStep } from './report-flow.js';
import { contract } from '../shared/contract.js';
export { callStrings, type CallKey } from './call.i18n.js';

/*
 * The repair report's 'call' page (an emergency, or a repair that must be phoned in: the number
 * to call now, and no form), and the catalogue's reader. The element fetches this small module
 * (and its messages) as soon as it connects, beside the catalogue, and shows the emergency
 * question once both are here: the number to call is then ready the moment an emergency is
 * answered. (Given a `catalogue` property, the element fetches it all the same, and waits for it
 * only if the call page shows before it arrives.)
 */

/** The repairs catalogue, as fetched from `{api-base}/repairs/catalogue`. */
export const toCatalogue = contract(readRepairCatalogue);

/** What the call page needs of the element, read as the page renders. */
export interface CallContext {
  /** The repairs catalogue (loaded before the page can show). */
  catalogue(): RepairCatalogue;
  /** The moment to judge office hours by. */
  now(): Date;
  /** A catalogue text in the page language. */
  label(text: Bilingual): string;
}

/** The call page, seeing the element through `ctx`. */
export function callStep(ctx: CallContext): ReportStep {
  return {
    id: 'call',
    page: true,
    render: (f) => {
      const catalogue = ctx.catalogue();
      const { council, emergencies } = catalogue;
      const now = ctx.now();
      const gas = emergencies.some((e) => e.gas && e.id === f.answers.emergency);
      return html`${stepHeading(f.t(gas ? 'gasTitle' : 'callTitle'))}
        ${gas ? html`<p>${f.t('gasBody')} ${tel(council.gasEmergencyPhone)}</p>` : nothing}
        <p>${f.t(gas ? 'gasThen' : 'callBody', { council: ctx.label(council.name) })} ${tel(phoneNow(catalogue, now))}</p>
        ${inOfficeHours(council.officeHours, now) ? nothing : html`<p>${f.t('callOutOfHours')}</p>`}`;
    },
  };
}
