import { flowStrings, type Catalogue } from '@council-kit/core';

const en = {
  ...flowStrings.en,
  loading: 'Loading',
  findTitle: 'Find your repair',
  findHint: 'Use the reference from the confirmation we sent you and the postcode of the property.',
  referenceLabel: 'Repair reference',
  referenceHint: '8 letters and numbers, like RP7K2M9Q',
  postcodeLabel: 'Postcode of the property',
  find: 'Find repair',
  errorReference: 'Enter your repair reference',
  errorReferenceFormat: 'Repair reference must be 8 letters and numbers, like RP7K2M9Q',
  errorPostcode: 'Enter the postcode of the property',
  errorPostcodeFormat: 'Enter a real postcode, like AN1 1AA',
  linkHint: 'To see a repair’s details, or to move or cancel it, use the link we gave you when you reported it. Without the link, you can check the repair’s status here.',
};

/**
 * The messages of `<council-repair-appointment>`'s first page (find the repair), with the words
 * every question flow shares (`flowStrings`: Back, Contact us…). The later pages bring their own
 * (`manageStrings`, see manage.i18n.ts) when they load. A council overrides any of them with the
 * `strings` property. Typed by the English keys, so a message missing in Welsh fails the type
 * check.
 */
export const repairAppointmentStrings = {
  en,
  cy: {
    ...flowStrings.cy,
    loading: 'Yn llwytho',
    findTitle: 'Dod o hyd i’ch gwaith trwsio',
    findHint: 'Defnyddiwch y cyfeirnod o’r cadarnhad a anfonwyd atoch a chod post yr eiddo.',
    referenceLabel: 'Cyfeirnod y gwaith trwsio',
    referenceHint: '8 llythyren a rhif, fel RP7K2M9Q',
    postcodeLabel: 'Cod post yr eiddo',
    find: 'Dod o hyd i’r gwaith trwsio',
    errorReference: 'Rhowch gyfeirnod eich gwaith trwsio',
    errorReferenceFormat: 'Rhaid i gyfeirnod y gwaith trwsio fod yn 8 llythyren a rhif, fel RP7K2M9Q',
    errorPostcode: 'Rhowch god post yr eiddo',
    errorPostcodeFormat: 'Rhowch god post go iawn, fel AN1 1AA',
    linkHint: 'I weld manylion gwaith trwsio, neu i’w symud neu ei ganslo, defnyddiwch y ddolen a roesom i chi pan roesoch wybod amdano. Heb y ddolen, gallwch wirio statws y gwaith trwsio yma.',
  },
} satisfies Catalogue<RepairAppointmentKey>;

/** A message key of `repairAppointmentStrings`. */
export type RepairAppointmentKey = keyof typeof en;
