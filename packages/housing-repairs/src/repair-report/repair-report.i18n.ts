import { flowStrings, type Catalogue } from '@council-kit/core';

const en = {
  ...flowStrings.en,
  loading: 'Loading',
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
};

/**
 * Every message of the repair report's first pages (the emergency screen and the number to
 * call), with the words every question flow shares (`flowStrings`: Back, Continue…). The later
 * pages bring their own (`journeyStrings`, see journey.i18n.ts) when they load. A council
 * overrides any of them with the `strings` property. Typed by the English keys, so a message
 * missing in Welsh fails the type check.
 */
export const repairReportStrings = {
  en,
  cy: {
    ...flowStrings.cy,
    loading: 'Yn llwytho',
    emergencyTitle: 'A yw hwn yn argyfwng?',
    emergencyHint: 'Dewiswch y cyntaf sy’n berthnasol.',
    noEmergency: 'Na, dim un o’r rhain',
    errorEmergency: 'Dewiswch a yw hwn yn argyfwng',
    callTitle: 'Ffoniwch ni nawr',
    callBody: 'Peidiwch â rhoi gwybod am hyn ar-lein. Ffoniwch {council|soft} ar',
    callOutOfHours: 'Mae ein swyddfeydd ar gau. Dyma ein llinell argyfwng y tu allan i oriau.',
    gasTitle: 'Ffoniwch y Gwasanaeth Argyfwng Nwy Cenedlaethol nawr',
    gasBody: 'Os gallwch arogli nwy, agorwch ddrysau a ffenestri, peidiwch â defnyddio switshis na fflamau, a ffoniwch am ddim ar',
    gasThen: 'Pan fyddwch yn ddiogel, rhowch wybod i ni hefyd. Ffoniwch {council|soft} ar',
  },
} satisfies Catalogue<RepairReportKey>;

/** A message key of `repairReportStrings`. */
export type RepairReportKey = keyof typeof en;
