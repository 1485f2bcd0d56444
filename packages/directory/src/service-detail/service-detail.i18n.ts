import type { Catalogue } from '@council-kit/core';
import { directoryWords, factWords } from '../shared/directory.i18n.js';

const en = {
  ...factWords.en,
  ...directoryWords.en,
  loading: 'Loading the service',
  back: 'Back to results',
  by: 'Run by {organisation}',
  contact: 'How to contact',
  phone: 'Phone',
  email: 'Email',
  website: 'Website',
  websiteLink: 'Visit the website (opens in new tab)',
  where: 'Where',
  accessibility: 'Accessibility',
  when: 'Opening times',
  costs: 'Cost',
  who: 'Who it is for',
  ages: 'Ages {min} to {max}',
  agesFrom: 'Ages {min} and over',
  agesTo: 'Up to age {max}',
  languages: 'Languages',
  updated: 'Information last checked {date}',
  notFoundTitle: 'We could not find this service',
  notFoundBody: 'It may have closed or moved. Search the directory again.',
};

/**
 * Every message `<council-service-detail>` shows, with the facts both directory elements show
 * and the words for opening times; a council overrides any of them with the `strings`
 * property. Typed by the English keys, so a message missing in Welsh fails the type check.
 */
export const serviceDetailStrings = {
  en,
  cy: {
    ...factWords.cy,
    ...directoryWords.cy,
    loading: 'Yn llwytho’r gwasanaeth',
    back: 'Yn ôl i’r canlyniadau',
    by: 'Yn cael ei redeg gan {organisation}',
    contact: 'Sut i gysylltu',
    phone: 'Ffôn',
    email: 'E-bost',
    website: 'Gwefan',
    websiteLink: 'Ewch i’r wefan (yn agor mewn tab newydd)',
    where: 'Ble',
    accessibility: 'Hygyrchedd',
    when: 'Oriau agor',
    costs: 'Cost',
    who: 'Ar gyfer pwy',
    ages: 'Oed {min} i {max}',
    agesFrom: 'Oed {min} a throsodd',
    agesTo: 'Hyd at {max} oed',
    languages: 'Ieithoedd',
    updated: 'Gwiriwyd y wybodaeth ddiwethaf ar {date|lower|soft}',
    notFoundTitle: 'Nid oeddem yn gallu dod o hyd i’r gwasanaeth hwn',
    notFoundBody: 'Efallai ei fod wedi cau neu symud. Chwiliwch y cyfeiriadur eto.',
  },
} satisfies Catalogue<ServiceDetailKey>;

/** A message key of `serviceDetailStrings`. */
export type ServiceDetailKey = keyof typeof en;
