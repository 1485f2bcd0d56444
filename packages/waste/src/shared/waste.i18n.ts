import { containerWords } from '@council-kit/contracts';
import type { Catalogue } from '@council-kit/core';

/**
 * Words every waste element shares: days, and the container and colour words from the one
 * table the council API writes with too (`containerWords` in `@council-kit/contracts`; Welsh
 * adjectives follow the noun: "bin olwynion gwyrdd"). Councils can override any phrase
 * through `strings`.
 */
export const wasteStrings = {
  en: {
    day0: 'Sunday', day1: 'Monday', day2: 'Tuesday', day3: 'Wednesday', day4: 'Thursday', day5: 'Friday', day6: 'Saturday',
    everyWeek: 'Every {day}',
    everyOtherWeek: 'Every other {day}',
    everyNWeeks: 'Every {count} weeks on a {day}',
    ...containerWords.en,
  },
  cy: {
    day0: 'Sul', day1: 'Llun', day2: 'Mawrth', day3: 'Mercher', day4: 'Iau', day5: 'Gwener', day6: 'Sadwrn',
    everyWeek: 'Bob dydd {day}',
    everyOtherWeek: 'Bob yn ail ddydd {day}',
    everyNWeeks: 'Bob {count} wythnos ar ddydd {day}',
    ...containerWords.cy,
  },
} satisfies Catalogue;
