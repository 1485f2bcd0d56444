import type { Catalogue } from '@council-kit/core';

const en = {
  textLabel: 'Search for a service',
  textHint: 'For example, food bank, carers or toddler group',
  postcodeLabel: 'Near a postcode (optional)',
  distanceLabel: 'Within',
  distanceOption: { one: '{count} mile', other: '{count} miles' },
  categoriesLabel: 'Filter by category',
  selected: '{count} selected',
  search: 'Search',
  searching: 'Searching for services',
  errorPostcode: 'Enter a full UK postcode, like AN1 1AA',
};

/**
 * The messages of `<council-directory-search>`'s form; its results' messages (`resultsStrings`,
 * results.i18n.ts) load with the results. A council overrides any of them with the `strings`
 * property. Opening times are on the detail page, so the search does not carry the day and time
 * vocabulary. Typed by the English keys, so a message missing in Welsh fails the type check.
 */
export const directorySearchStrings = {
  en,
  cy: {
    textLabel: 'Chwilio am wasanaeth',
    textHint: 'Er enghraifft, banc bwyd, gofalwyr neu grŵp plant bach',
    postcodeLabel: 'Ger cod post (dewisol)',
    distanceLabel: 'O fewn',
    distanceOption: { zero: '{count} milltir', one: '{count} filltir', two: '{count} filltir', other: '{count} milltir' },
    categoriesLabel: 'Hidlo yn ôl categori',
    selected: { zero: 'Dim wedi’u dewis', one: '{count} wedi’i ddewis', other: '{count} wedi’u dewis' },
    search: 'Chwilio',
    searching: 'Yn chwilio am wasanaethau',
    errorPostcode: 'Rhowch god post llawn yn y DU, fel AN1 1AA',
  },
} satisfies Catalogue<DirectorySearchKey>;

/** A message key of `directorySearchStrings`. */
export type DirectorySearchKey = keyof typeof en;
