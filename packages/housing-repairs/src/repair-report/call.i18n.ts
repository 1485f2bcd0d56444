import type { Catalogue } from '@council-kit/core';

const en = {
  callTitle: 'Call us now',
  callBody: 'Do not report this online. Call {council} on',
  callOutOfHours: 'Our offices are closed. This is our out-of-hours emergency line.',
  gasTitle: 'Call the National Gas Emergency Service now',
  gasBody: 'If you can smell gas, open doors and windows, do not use switches or flames, and call free on',
  gasThen: 'When you are safe, tell us too. Call {council} on',
};

/**
 * The messages of the repair report's 'call' page (an emergency, or a repair that must be phoned
 * in), loaded with the page (call.ts). A council overrides any of them with the `strings`
 * property. Typed by the English keys, so a message missing in Welsh fails the type check.
 */
export const callStrings = {
  en,
  cy: {
    callTitle: 'Ffoniwch ni nawr',
    callBody: 'Peidiwch â rhoi gwybod am hyn ar-lein. Ffoniwch {council|soft} ar',
    callOutOfHours: 'Mae ein swyddfeydd ar gau. Dyma ein llinell argyfwng y tu allan i oriau.',
    gasTitle: 'Ffoniwch y Gwasanaeth Argyfwng Nwy Cenedlaethol nawr',
    gasBody: 'Os gallwch arogli nwy, agorwch ddrysau a ffenestri, peidiwch â defnyddio switshis na fflamau, a ffoniwch am ddim ar',
    gasThen: 'Pan fyddwch yn ddiogel, rhowch wybod i ni hefyd. Ffoniwch {council|soft} ar',
  },
} satisfies Catalogue<CallKey>;

/** A message key of `callStrings`. */
export type CallKey = keyof typeof en;
