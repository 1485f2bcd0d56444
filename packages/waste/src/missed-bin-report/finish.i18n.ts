import type { Catalogue } from '@council-kit/core';
import { laterStrings } from '../shared/later-steps.i18n.js';

const en = {
  ...laterStrings.en,
  serviceKey: 'Collection',
  binOutKey: 'Bin out by {time|time}',
  doneTitle: 'Missed collection reported',
  duplicateTitle: 'We already have this report',
  doneNext: 'We will return to collect it within 2 working days. You do not need to do anything else.',
  duplicateNext: 'Someone has already reported this collection. You do not need to report it again.',
  'refused-report-window-closed': 'It is too late to report this collection online. Contact us if your bin has still not been collected.',
};

/** The messages of `<council-missed-bin-report>`'s later pages (finish.ts): contact details, check answers, confirmation. */
export const finishStrings = {
  en,
  cy: {
    ...laterStrings.cy,
    serviceKey: 'Casgliad',
    binOutKey: 'Bin allan erbyn {time|time}',
    doneTitle: 'Rhoddwyd gwybod am gasgliad a fethwyd',
    duplicateTitle: 'Mae’r adroddiad hwn gennym eisoes',
    doneNext: 'Byddwn yn dychwelyd i’w gasglu o fewn 2 ddiwrnod gwaith. Nid oes angen i chi wneud unrhyw beth arall.',
    duplicateNext: 'Mae rhywun eisoes wedi rhoi gwybod am y casgliad hwn. Nid oes angen i chi roi gwybod eto.',
    'refused-report-window-closed': 'Mae’n rhy hwyr i roi gwybod am y casgliad hwn ar-lein. Cysylltwch â ni os nad yw eich bin wedi’i gasglu o hyd.',
  },
} satisfies Catalogue<FinishKey>;

/** A message key of `finishStrings`. */
export type FinishKey = keyof typeof en;
