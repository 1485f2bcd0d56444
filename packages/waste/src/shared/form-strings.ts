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
    contactTitle: 'How can we contact you about this?',
    contactHint: 'Optional. We will only use these details to update you about this request.',
    emailLabel: 'Email address (optional)',
    phoneLabel: 'UK phone number (optional)',
    errorEmail: 'Enter an email address in the correct format, like name@example.com',
    errorPhone: 'Enter a UK phone number, like 01632 960 001 or 07700 900 982',
    addressKey: 'Address',
    emailKey: 'Email',
    phoneKey: 'Phone',
    notGiven: 'Not given',
    propertyTitle: 'Find the property',
    manualAddress: 'We could not match that address to a property we collect from. Try the postcode again, or contact us.',
  },
  cy: {
    ...flowStrings.cy,
    yes: 'Ydy',
    no: 'Nac ydy',
    contactTitle: 'Sut gallwn ni gysylltu â chi am hyn?',
    contactHint: 'Dewisol. Byddwn ond yn defnyddio’r manylion hyn i roi diweddariadau i chi am y cais hwn.',
    emailLabel: 'Cyfeiriad e-bost (dewisol)',
    phoneLabel: 'Rhif ffôn yn y DU (dewisol)',
    errorEmail: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
    errorPhone: 'Rhowch rif ffôn yn y DU, fel 01632 960 001 neu 07700 900 982',
    addressKey: 'Cyfeiriad',
    emailKey: 'E-bost',
    phoneKey: 'Ffôn',
    notGiven: 'Heb ei roi',
    propertyTitle: 'Dod o hyd i’r eiddo',
    manualAddress: 'Nid oeddem yn gallu paru’r cyfeiriad hwnnw ag eiddo rydym yn casglu ohono. Rhowch gynnig arall ar y cod post, neu cysylltwch â ni.',
  },
};
