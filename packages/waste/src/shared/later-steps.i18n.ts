import type { Catalogue } from '@council-kit/core';

/** The messages of the waste forms' shared later pages (later-steps.ts): contact details and their check-answers rows. */
export const laterStrings = {
  en: {
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
  },
  cy: {
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
  },
} satisfies Catalogue;
