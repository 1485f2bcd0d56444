import type { Catalogue } from '@council-kit/core';

/** Question-page actions every repairs page needs. */
export const baseStrings = {
  en: {
    back: 'Back',
    continue: 'Continue',
    contactLink: 'Contact us',
    loading: 'Loading',
  },
  cy: {
    back: 'Yn ôl',
    continue: 'Parhau',
    contactLink: 'Cysylltu â ni',
    loading: 'Yn llwytho',
  },
} satisfies Catalogue;
