import type { Catalogue } from '@council-kit/core';
import { formStrings } from '../shared/form-strings.js';

const en = {
  ...formStrings.en,
  loading: 'Loading',
};

/**
 * The messages of `<council-bulky-waste>`'s first page (the property), with the shared
 * question-page words. Its later pages (finish.i18n.ts) and the manage pages (manage.i18n.ts)
 * bring their own when they load. A council overrides any of them with the element's `strings`.
 */
export const bulkyWasteStrings = {
  en,
  cy: {
    ...formStrings.cy,
    loading: 'Yn llwytho',
  },
} satisfies Catalogue<BulkyWasteKey>;

/** A message key of `bulkyWasteStrings`. */
export type BulkyWasteKey = keyof typeof en;
