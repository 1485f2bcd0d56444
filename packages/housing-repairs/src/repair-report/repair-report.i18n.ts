import { flowStrings, type Catalogue } from '@council-kit/core';

const en = {
  ...flowStrings.en,
  loading: 'Loading',
  emergencyTitle: 'Is this an emergency?',
  emergencyHint: 'Select the first that applies.',
  noEmergency: 'No, none of these',
  errorEmergency: 'Select whether this is an emergency',
};

/**
 * Every message of the repair report's first page (the emergency screen), with the words every
 * question flow shares (`flowStrings`: Back, Continue…). The later pages bring their own when
 * they load: the number to call (`callStrings`, see call.i18n.ts) and the rest of the report
 * (`journeyStrings`, see journey.i18n.ts). A council overrides any of them with the `strings`
 * property. Typed by the English keys, so a message missing in Welsh fails the type check.
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
  },
} satisfies Catalogue<RepairReportKey>;

/** A message key of `repairReportStrings`. */
export type RepairReportKey = keyof typeof en;
