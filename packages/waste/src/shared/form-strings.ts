import { flowStrings } from '@council-kit/core';

/**
 * Question-page words the waste forms share (merged into each form's catalogue), with core's
 * journey words (Back, Continue, Send…) so each catalogue lists every word its form shows.
 */
export const formStrings = {
  en: {
    ...flowStrings.en,
    yes: 'Yes',
    no: 'No',
    propertyTitle: 'Find the property',
    manualAddress: 'We could not match that address to a property we collect from. Try the postcode again, or contact us.',
  },
  cy: {
    ...flowStrings.cy,
    yes: 'Ydy',
    no: 'Nac ydy',
    propertyTitle: 'Dod o hyd i’r eiddo',
    manualAddress: 'Nid oeddem yn gallu paru’r cyfeiriad hwnnw ag eiddo rydym yn casglu ohono. Rhowch gynnig arall ar y cod post, neu cysylltwch â ni.',
  },
};
