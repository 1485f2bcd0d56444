/**
 * The calendar's own words, in English and Welsh: times GOV.UK style ("7am"), Welsh "7yb" as the
 * elements write it (core's `formatTime`; the API cannot load core, which is browser-only). Container and colour words are not here:
 * they come from the one table the elements use too (`describeContainer` and `containerWords`
 * in `@council-kit/contracts`), "Rubbish (black wheelie bin)".
 */
export const calendarText = {
  en: {
    calendarName: (address: string) => `Bin collections: ${address}`,
    moved: (was: string, reason: string) => `Moved from ${was} (${reason}).`,
    putOut: 'Put your bins out by 7am on collection day.',
  },
  cy: {
    calendarName: (address: string) => `Casgliadau biniau: ${address}`,
    // "o" (from) softens what follows; a Welsh date here always starts "dydd" (see longDate):
    // "o ddydd Mawrth".
    moved: (was: string, reason: string) => `Wedi symud o ${was.replace(/^dydd /, 'ddydd ')} (${reason}).`,
    putOut: 'Rhowch eich biniau allan erbyn 7yb ar y diwrnod casglu.',
  },
} as const;
