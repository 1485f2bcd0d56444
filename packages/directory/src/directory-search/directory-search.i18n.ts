import type { Catalogue } from '@council-kit/core';
import { factWords } from '../shared/directory.i18n.js';

const en = {
  ...factWords.en,
  textLabel: 'Search for a service',
  textHint: 'For example, food bank, carers or toddler group',
  postcodeLabel: 'Near a postcode (optional)',
  distanceLabel: 'Within',
  distanceOption: { one: '{count} mile', other: '{count} miles' },
  categoriesLabel: 'Filter by category',
  selected: '{count} selected',
  search: 'Search',
  searching: 'Searching for services',
  found: { one: '{count} service found', other: '{count} services found' },
  clear: 'Clear search and filters',
  noneTitle: 'No services found',
  noneIntro: 'Try:',
  noneSpelling: 'checking your spelling',
  noneFewer: 'using fewer or different words',
  noneFilters: 'removing a category filter',
  noneDistance: 'searching a wider distance',
  errorPostcode: 'Enter a full UK postcode, like AN1 1AA',
  by: 'By {organisation}',
  pages: 'Results pages',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {page} of {pages}',
  cost: 'Cost: {cost}',
  mapLabel: 'Map of the results',
};

/**
 * Every message `<council-directory-search>` shows, with the facts both directory elements
 * show (distance, cost); a council overrides any of them with the `strings` property. Opening
 * times are on the detail page, so the search does not carry the day and time vocabulary.
 * Typed by the English keys, so a message missing in Welsh fails the type check.
 */
export const directorySearchStrings = {
  en,
  cy: {
    ...factWords.cy,
    textLabel: 'Chwilio am wasanaeth',
    textHint: 'Er enghraifft, banc bwyd, gofalwyr neu grŵp plant bach',
    postcodeLabel: 'Ger cod post (dewisol)',
    distanceLabel: 'O fewn',
    distanceOption: { zero: '{count} milltir', one: '{count} filltir', two: '{count} filltir', other: '{count} milltir' },
    categoriesLabel: 'Hidlo yn ôl categori',
    selected: { zero: 'Dim wedi’u dewis', one: '{count} wedi’i ddewis', other: '{count} wedi’u dewis' },
    search: 'Chwilio',
    searching: 'Yn chwilio am wasanaethau',
    found: { zero: 'Dim gwasanaethau wedi’u canfod', one: '{count} gwasanaeth wedi’i ganfod', two: '{count} wasanaeth wedi’u canfod', other: '{count} gwasanaeth wedi’u canfod' },
    clear: 'Clirio’r chwiliad a’r hidlwyr',
    noneTitle: 'Heb ddod o hyd i wasanaethau',
    noneIntro: 'Rhowch gynnig ar:',
    noneSpelling: 'wirio eich sillafu',
    noneFewer: 'ddefnyddio llai o eiriau neu eiriau gwahanol',
    noneFilters: 'dynnu hidlydd categori',
    noneDistance: 'chwilio pellter ehangach',
    errorPostcode: 'Rhowch god post llawn yn y DU, fel AN1 1AA',
    by: 'Gan {organisation}',
    pages: 'Tudalennau canlyniadau',
    previous: 'Blaenorol',
    next: 'Nesaf',
    pageOf: 'Tudalen {page} o {pages}',
    cost: 'Cost: {cost}',
    mapLabel: 'Map o’r canlyniadau',
  },
} satisfies Catalogue<DirectorySearchKey>;

/** A message key of `directorySearchStrings`. */
export type DirectorySearchKey = keyof typeof en;
