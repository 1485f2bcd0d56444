import type { Catalogue } from '@council-kit/core';
import { formStrings } from '../shared/form-strings.js';

const en = {
  ...formStrings.en,
  loading: 'Loading',
  containerTitle: 'Which bin or container do you need?',
  errorContainer: 'Select the bin or container you need',
  reasonTitle: 'Why do you need it?',
  errorReason: 'Select why you need it',
  'reason-new-property': 'I have moved into a new property',
  'reason-lost': 'It is lost',
  'reason-stolen': 'It was stolen',
  'reason-damaged': 'It is damaged',
  'reason-additional': 'I need an additional one',
};

/**
 * The messages of `<council-container-request>`'s first pages (the property, which container,
 * why), with the shared question-page words. Its later pages bring their own (`finishStrings`,
 * see finish.i18n.ts) when they load. A council overrides any of them with the element's
 * `strings` property.
 */
export const containerRequestStrings = {
  en,
  cy: {
    ...formStrings.cy,
    loading: 'Yn llwytho',
    containerTitle: 'Pa fin neu gynhwysydd sydd ei angen arnoch?',
    errorContainer: 'Dewiswch y bin neu’r cynhwysydd sydd ei angen arnoch',
    reasonTitle: 'Pam mae ei angen arnoch?',
    errorReason: 'Dewiswch pam mae ei angen arnoch',
    'reason-new-property': 'Rwyf wedi symud i eiddo newydd',
    'reason-lost': 'Mae ar goll',
    'reason-stolen': 'Cafodd ei ddwyn',
    'reason-damaged': 'Mae wedi’i ddifrodi',
    'reason-additional': 'Mae angen un ychwanegol arnaf',
  },
} satisfies Catalogue<ContainerRequestKey>;

/** A message key of `containerRequestStrings`. */
export type ContainerRequestKey = keyof typeof en;
