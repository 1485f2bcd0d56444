import type { Catalogue } from '@council-kit/core';
import { formStrings } from '../shared/form-strings.js';

const en = {
  ...formStrings.en,
  loading: 'Loading',
};

/**
 * The messages of `<council-container-request>`'s first page (the property), with the shared
 * question-page words. Its questions and later pages bring their own (`finishStrings`, see
 * finish.i18n.ts) when they load. A council overrides any of them with the element's `strings`
 * property.
 */
export const containerRequestStrings = {
  en,
  cy: {
    ...formStrings.cy,
    loading: 'Yn llwytho',
  },
} satisfies Catalogue<ContainerRequestKey>;

/** A message key of `containerRequestStrings`. */
export type ContainerRequestKey = keyof typeof en;
