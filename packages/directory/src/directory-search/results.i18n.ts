import type { Catalogue } from '@council-kit/core';
import { factWords } from '../shared/directory.i18n.js';

const en = {
  ...factWords.en,
  found: { one: '{count} service found', other: '{count} services found' },
  clear: 'Clear search and filters',
  noneTitle: 'No services found',
  noneIntro: 'Try:',
  noneSpelling: 'checking your spelling',
  noneFewer: 'using fewer or different words',
  noneFilters: 'removing a category filter',
  noneDistance: 'searching a wider distance',
  by: 'By {organisation}',
  pages: 'Results pages',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {page} of {pages}',
  cost: 'Cost: {cost}',
  mapLabel: 'Map of the results',
  milesUnder: 'less than 0.1 miles away',
  nearest: '{count} locations, nearest {distance}',
  nearestMiles: { one: '{count} mile', other: '{count} miles' },
  nearestUnder: 'less than 0.1 miles',
};

/**
 * The messages of `<council-directory-search>`'s results, with the facts both directory
 * elements show (distance, cost): they load with the results (results.ts), and a council
 * overrides them with the `strings` property like the form's (`directorySearchStrings`).
 * Typed by the English keys, so a message missing in Welsh fails the type check.
 */
export const resultsStrings = {
  en,
  cy: {
    ...factWords.cy,
    found: { zero: 'Dim gwasanaethau wedi’u canfod', one: '{count} gwasanaeth wedi’i ganfod', two: '{count} wasanaeth wedi’u canfod', other: '{count} gwasanaeth wedi’u canfod' },
    clear: 'Clirio’r chwiliad a’r hidlwyr',
    noneTitle: 'Heb ddod o hyd i wasanaethau',
    noneIntro: 'Rhowch gynnig ar:',
    noneSpelling: 'wirio eich sillafu',
    noneFewer: 'ddefnyddio llai o eiriau neu eiriau gwahanol',
    noneFilters: 'dynnu hidlydd categori',
    noneDistance: 'chwilio pellter ehangach',
    by: 'Gan {organisation}',
    pages: 'Tudalennau canlyniadau',
    previous: 'Blaenorol',
    next: 'Nesaf',
    pageOf: 'Tudalen {page} o {pages}',
    cost: 'Cost: {cost}',
    mapLabel: 'Map o’r canlyniadau',
    milesUnder: 'llai na 0.1 milltir i ffwrdd',
    // "dau leoliad": the noun softens after two.
    nearest: { two: '{count} leoliad, yr agosaf {distance}', other: '{count} lleoliad, yr agosaf {distance}' },
    nearestMiles: { zero: '{count} milltir', one: '{count} filltir', two: '{count} filltir', other: '{count} milltir' },
    nearestUnder: 'llai na 0.1 milltir',
  },
} satisfies Catalogue<ResultsKey>;

/** A message key of `resultsStrings`. */
export type ResultsKey = keyof typeof en;
