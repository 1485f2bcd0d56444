/**
 * The calendar's own words, in English and Welsh. Container and colour words are not here:
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
    moved: (was: string, reason: string) => `Wedi symud o ${was} (${reason}).`,
    putOut: 'Rhowch eich biniau allan erbyn 7am ar y diwrnod casglu.',
  },
} as const;
