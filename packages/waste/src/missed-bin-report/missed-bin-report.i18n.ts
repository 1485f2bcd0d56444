import type { Catalogue } from '@council-kit/core';
import { formStrings } from '../shared/form-strings.js';

/** Every message `<council-missed-bin-report>` shows; override any with the `strings` property. */
export const strings = {
  en: {
    loading: 'Checking your collections',
    serviceTitle: 'Which collection was missed?',
    serviceHint: 'Only collections you can still report are shown.',
    errorService: 'Select the collection that was missed',
    collectionOn: 'Due {date}',
    binOutTitle: 'Was your bin out by {time} on {date}?',
    binOutHint: 'Bins must be at the edge of your property, with the lid closed.',
    errorBinOut: 'Select yes if your bin was out by {time}',
    lateTitle: 'We cannot report this as a missed collection',
    lateBody: 'Crews can only collect bins that are out by {time} on collection day. Put your bin out by {time} on the next collection day.',
    noneTitle: 'There are no collections you can report as missed',
    noneBody: 'You can report a missed collection until the end of the second working day after it was due. If your collection is due today, crews may still be working.',
    serviceKey: 'Collection',
    binOutKey: 'Bin out by {time}',
    doneTitle: 'Missed collection reported',
    duplicateTitle: 'We already have this report',
    doneNext: 'We will return to collect it within 2 working days. You do not need to do anything else.',
    duplicateNext: 'Someone has already reported this collection. You do not need to report it again.',
    binDayLink: 'Check your bin collection days',
    'refused-report-window-closed': 'It is too late to report this collection online. Contact us if your bin has still not been collected.',
  },
  cy: {
    loading: 'Yn gwirio eich casgliadau',
    serviceTitle: 'Pa gasgliad a fethwyd?',
    serviceHint: 'Dim ond casgliadau y gallwch roi gwybod amdanynt o hyd sy’n cael eu dangos.',
    errorService: 'Dewiswch y casgliad a fethwyd',
    // Not "ar {date}": after "ar" the day would have to mutate (ar ddydd Mawrth).
    collectionOn: 'Dyddiad casglu: {date}',
    binOutTitle: 'Oedd eich bin allan erbyn {time} ar y diwrnod casglu, {date}?',
    binOutHint: 'Rhaid i finiau fod ar ymyl eich eiddo, gyda’r caead ar gau.',
    errorBinOut: 'Dewiswch ydy os oedd eich bin allan erbyn {time}',
    lateTitle: 'Ni allwn gofnodi hyn fel casgliad a fethwyd',
    lateBody: 'Dim ond biniau sydd allan erbyn {time} ar y diwrnod casglu y gall criwiau eu casglu. Rhowch eich bin allan erbyn {time} ar y diwrnod casglu nesaf.',
    noneTitle: 'Nid oes casgliadau y gallwch roi gwybod eu bod wedi’u methu',
    noneBody: 'Gallwch roi gwybod am gasgliad a fethwyd tan ddiwedd yr ail ddiwrnod gwaith ar ôl iddo fod i ddigwydd. Os yw eich casgliad i fod heddiw, efallai bod criwiau’n dal i weithio.',
    serviceKey: 'Casgliad',
    binOutKey: 'Bin allan erbyn {time}',
    doneTitle: 'Rhoddwyd gwybod am gasgliad a fethwyd',
    duplicateTitle: 'Mae’r adroddiad hwn gennym eisoes',
    doneNext: 'Byddwn yn dychwelyd i’w gasglu o fewn 2 ddiwrnod gwaith. Nid oes angen i chi wneud unrhyw beth arall.',
    duplicateNext: 'Mae rhywun eisoes wedi rhoi gwybod am y casgliad hwn. Nid oes angen i chi roi gwybod eto.',
    binDayLink: 'Gwirio eich diwrnodau casglu biniau',
    'refused-report-window-closed': 'Mae’n rhy hwyr i roi gwybod am y casgliad hwn ar-lein. Cysylltwch â ni os nad yw eich bin wedi’i gasglu o hyd.',
  },
} satisfies Catalogue;

export const missedBinStrings: Catalogue = {
  en: { ...formStrings.en, ...strings.en },
  cy: { ...formStrings.cy, ...strings.cy },
};
