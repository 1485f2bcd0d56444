import type { Catalogue } from '@council-kit/core';
import { formStrings } from '../shared/form-strings.js';

const en = {
  ...formStrings.en,
  loading: 'Checking your collections',
  noneTitle: 'There are no collections you can report as missed',
  noneBody: 'You can report a missed collection until the end of the second working day after it was due. If your collection is due today, crews may still be working.',
  binDayLink: 'Check your bin collection days',
};

/**
 * The messages of `<council-missed-bin-report>`'s first page (the property) and the states
 * around the collections (loading, none to report), with the shared question-page words. Its
 * questions and later pages bring their own (`finishStrings`, see finish.i18n.ts) when they
 * load. A council overrides any of them with the element's `strings` property.
 */
export const missedBinReportStrings = {
  en,
  cy: {
    ...formStrings.cy,
    loading: 'Yn gwirio eich casgliadau',
    noneTitle: 'Nid oes casgliadau y gallwch roi gwybod eu bod wedi’u methu',
    noneBody: 'Gallwch roi gwybod am gasgliad a fethwyd tan ddiwedd yr ail ddiwrnod gwaith ar ôl iddo fod i ddigwydd. Os yw eich casgliad i fod heddiw, efallai bod criwiau’n dal i weithio.',
    binDayLink: 'Gwirio eich diwrnodau casglu biniau',
  },
} satisfies Catalogue<MissedBinReportKey>;

/** A message key of `missedBinReportStrings`. */
export type MissedBinReportKey = keyof typeof en;
