import type { Catalogue } from '@council-kit/core';
import { laterStrings } from '../shared/later-steps.i18n.js';

const en = {
  ...laterStrings.en,
  serviceTitle: 'Which collection was missed?',
  serviceHint: 'Only collections you can still report are shown.',
  errorService: 'Select the collection that was missed',
  collectionOn: 'Due {date}',
  serviceOn: '{service}, {date}',
  binOutTitle: 'Was your bin out by {time|time} on {date}?',
  binOutHint: 'Bins must be at the edge of your property, with the lid closed.',
  errorBinOut: 'Select yes if your bin was out by {time|time}',
  lateTitle: 'We cannot report this as a missed collection',
  lateBody: 'Crews can only collect bins that are out by {time|time} on collection day. Put your bin out by {time|time} on the next collection day.',
  serviceKey: 'Collection',
  binOutKey: 'Bin out by {time|time}',
  doneTitle: 'Missed collection reported',
  duplicateTitle: 'We already have this report',
  doneNext: 'We will return to collect it within 2 working days. You do not need to do anything else.',
  duplicateNext: 'Someone has already reported this collection. You do not need to report it again.',
  'refused-report-window-closed': 'It is too late to report this collection online. Contact us if your bin has still not been collected.',
};

/** The messages of `<council-missed-bin-report>`'s pages after the property (finish.ts): which collection, whether the bin was out, contact details, check answers, confirmation. */
export const finishStrings = {
  en,
  cy: {
    ...laterStrings.cy,
    serviceTitle: 'Pa gasgliad a fethwyd?',
    serviceHint: 'Dim ond casgliadau y gallwch roi gwybod amdanynt o hyd sy’n cael eu dangos.',
    errorService: 'Dewiswch y casgliad a fethwyd',
    collectionOn: 'Dyddiad casglu: {date|lower}',
    // The collection in check answers: "Sbwriel, dydd Mawrth 24 Tachwedd".
    serviceOn: '{service}, {date|lower}',
    // After "ar" the day softens: "ar ddydd Mawrth".
    binOutTitle: 'Oedd eich bin allan erbyn {time|time} ar {date|lower|soft}?',
    binOutHint: 'Rhaid i finiau fod ar ymyl eich eiddo, gyda’r caead ar gau.',
    errorBinOut: 'Dewiswch ydy os oedd eich bin allan erbyn {time|time}',
    lateTitle: 'Ni allwn gofnodi hyn fel casgliad a fethwyd',
    lateBody: 'Dim ond biniau sydd allan erbyn {time|time} ar y diwrnod casglu y gall criwiau eu casglu. Rhowch eich bin allan erbyn {time|time} ar y diwrnod casglu nesaf.',
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
