import type { Catalogue } from '@council-kit/core';
import { formStrings } from '../shared/form-strings.js';

const en = {
  ...formStrings.en,
  loading: 'Checking your collections',
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
  noneTitle: 'There are no collections you can report as missed',
  noneBody: 'You can report a missed collection until the end of the second working day after it was due. If your collection is due today, crews may still be working.',
  binDayLink: 'Check your bin collection days',
};

/**
 * The messages of `<council-missed-bin-report>`'s first pages (the property, which collection,
 * whether the bin was out), with the shared question-page words. Its later pages bring their
 * own (`finishStrings`, see finish.i18n.ts) when they load. A council overrides any of them
 * with the element's `strings` property.
 */
export const missedBinReportStrings = {
  en,
  cy: {
    ...formStrings.cy,
    loading: 'Yn gwirio eich casgliadau',
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
    noneTitle: 'Nid oes casgliadau y gallwch roi gwybod eu bod wedi’u methu',
    noneBody: 'Gallwch roi gwybod am gasgliad a fethwyd tan ddiwedd yr ail ddiwrnod gwaith ar ôl iddo fod i ddigwydd. Os yw eich casgliad i fod heddiw, efallai bod criwiau’n dal i weithio.',
    binDayLink: 'Gwirio eich diwrnodau casglu biniau',
  },
} satisfies Catalogue<MissedBinReportKey>;

/** A message key of `missedBinReportStrings`. */
export type MissedBinReportKey = keyof typeof en;
