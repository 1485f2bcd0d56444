import type { Catalogue } from '@council-kit/core';

/**
 * Words every waste element shares: days, colours, containers. Welsh adjectives follow the
 * noun ("bin olwynion gwyrdd"); councils can override any phrase through `strings`.
 */
export const wasteStrings = {
  en: {
    day0: 'Sunday', day1: 'Monday', day2: 'Tuesday', day3: 'Wednesday', day4: 'Thursday', day5: 'Friday', day6: 'Saturday',
    everyWeek: 'Every {day}',
    everyOtherWeek: 'Every other {day}',
    everyNWeeks: 'Every {count} weeks on a {day}',
    black: 'black', blue: 'blue', green: 'green', brown: 'brown', grey: 'grey', purple: 'purple', red: 'red', white: 'white', yellow: 'yellow', unknown: '',
    'wheelie-bin': 'wheelie bin', box: 'box', sack: 'sack', caddy: 'caddy', 'communal-bin': 'communal bin', bag: 'bag',
    container: '{colour} {type}',
    containerWithLid: '{colour} {type} with a {lid} lid',
  },
  cy: {
    day0: 'Sul', day1: 'Llun', day2: 'Mawrth', day3: 'Mercher', day4: 'Iau', day5: 'Gwener', day6: 'Sadwrn',
    everyWeek: 'Bob dydd {day}',
    everyOtherWeek: 'Bob yn ail ddydd {day}',
    everyNWeeks: 'Bob {count} wythnos ar ddydd {day}',
    black: 'du', blue: 'glas', green: 'gwyrdd', brown: 'brown', grey: 'llwyd', purple: 'porffor', red: 'coch', white: 'gwyn', yellow: 'melyn', unknown: '',
    'wheelie-bin': 'bin olwynion', box: 'blwch', sack: 'sach', caddy: 'cadi', 'communal-bin': 'bin cymunedol', bag: 'bag',
    container: '{type} {colour}',
    containerWithLid: '{type} {colour} gyda chaead {lid}',
  },
} satisfies Catalogue;
