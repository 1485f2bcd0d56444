import type { Catalogue } from '@council-kit/core';
import { baseStrings } from '../shared/base.i18n.js';

/** Every message `<council-repair-report>` shows; override any with the `strings` property. */
export const strings = {
  en: {
    emergencyTitle: 'Is this an emergency?',
    emergencyHint: 'Select the first that applies.',
    noEmergency: 'No, none of these',
    errorEmergency: 'Select whether this is an emergency',
    callTitle: 'Call us now',
    callBody: 'Do not report this online. Call {council} on',
    callOutOfHours: 'Our offices are closed. This is our out-of-hours emergency line.',
    gasTitle: 'Call the National Gas Emergency Service now',
    gasBody: 'If you can smell gas, open doors and windows, do not use switches or flames, and call free on',
    gasThen: 'When you are safe, tell us too. Call {council} on',
    reporterTitle: 'Are you a tenant or a leaseholder?',
    tenant: 'Tenant',
    tenantHint: 'You rent your home from us.',
    leaseholder: 'Leaseholder',
    leaseholderHint: 'You own the lease of a flat in one of our buildings.',
    errorReporter: 'Select whether you are a tenant or a leaseholder',
    propertyTitle: 'Find the property',
    checkingProperty: 'Checking the property',
    manualAddress: 'We could not match that address to one of our homes. Try the postcode again, or contact us.',
  },
  cy: {
    emergencyTitle: 'A yw hwn yn argyfwng?',
    emergencyHint: 'Dewiswch y cyntaf sy’n berthnasol.',
    noEmergency: 'Na, dim un o’r rhain',
    errorEmergency: 'Dewiswch a yw hwn yn argyfwng',
    callTitle: 'Ffoniwch ni nawr',
    callBody: 'Peidiwch â rhoi gwybod am hyn ar-lein. Ffoniwch {council} ar',
    callOutOfHours: 'Mae ein swyddfeydd ar gau. Dyma ein llinell argyfwng y tu allan i oriau.',
    gasTitle: 'Ffoniwch y Gwasanaeth Argyfwng Nwy Cenedlaethol nawr',
    gasBody: 'Os gallwch arogli nwy, agorwch ddrysau a ffenestri, peidiwch â defnyddio switshis na fflamau, a ffoniwch am ddim ar',
    gasThen: 'Pan fyddwch yn ddiogel, rhowch wybod i ni hefyd. Ffoniwch {council} ar',
    reporterTitle: 'Ydych chi’n denant neu’n lesddeiliad?',
    tenant: 'Tenant',
    tenantHint: 'Rydych yn rhentu eich cartref gennym ni.',
    leaseholder: 'Lesddeiliad',
    leaseholderHint: 'Chi sy’n berchen ar les fflat yn un o’n hadeiladau.',
    errorReporter: 'Dewiswch a ydych chi’n denant neu’n lesddeiliad',
    propertyTitle: 'Dod o hyd i’r eiddo',
    checkingProperty: 'Yn gwirio’r eiddo',
    manualAddress: 'Nid oeddem yn gallu paru’r cyfeiriad hwnnw ag un o’n cartrefi. Rhowch gynnig arall ar y cod post, neu cysylltwch â ni.',
  },
} satisfies Catalogue;

/**
 * The element's catalogue. It starts with the triage pages' messages; the second half of the
 * journey adds its own (`journeyStrings`) when it loads.
 */
export const repairReportStrings: Catalogue = {
  en: { ...baseStrings.en, ...strings.en },
  cy: { ...baseStrings.cy, ...strings.cy },
};
