import type { Catalogue } from '@council-kit/core';
import { formStrings } from '../shared/form-strings.js';

const en = {
  ...formStrings.en,
  loading: 'Checking garden waste collections at this address',
};

/**
 * The messages of `<council-garden-waste>`'s first page (the property) and of loading the
 * property's garden waste offer, with the shared question-page words. Its later pages bring
 * their own (`finishStrings`, see finish.i18n.ts) when they load. A council overrides any of
 * them with the element's `strings` property.
 */
export const gardenWasteStrings = {
  en,
  cy: {
    ...formStrings.cy,
    loading: 'Yn gwirio casgliadau gwastraff gardd yn y cyfeiriad hwn',
  },
} satisfies Catalogue<GardenWasteKey>;

/** A message key of `gardenWasteStrings`. */
export type GardenWasteKey = keyof typeof en;
