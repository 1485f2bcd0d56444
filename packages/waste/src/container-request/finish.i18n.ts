import type { Catalogue } from '@council-kit/core';
import { laterStrings } from '../shared/later-steps.i18n.js';

const en = {
  ...laterStrings.en,
  containerTitle: 'Which bin or container do you need?',
  errorContainer: 'Select the bin or container you need',
  reasonTitle: 'Why do you need it?',
  errorReason: 'Select why you need it',
  'reason-new-property': 'I have moved into a new property',
  'reason-lost': 'It is lost',
  'reason-stolen': 'It was stolen',
  'reason-damaged': 'It is damaged',
  'reason-additional': 'I need an additional one',
  containerKey: 'Container',
  reasonKey: 'Reason',
  chargeTitle: 'There is a charge',
  chargeHint: 'We will tell you how to pay after you send this request.',
  doneTitle: 'Request sent',
  doneNext: 'We will deliver it within 10 working days. You do not need to be in.',
  payNext: 'Your request will be processed once you have paid.',
  pay: 'Pay now',
  'refused-subscription-required': 'You need an active garden waste subscription for this. Renew your subscription, then try again.',
};

/** The messages of `<council-container-request>`'s pages after the property (finish.ts): which container, why, contact details, check answers, confirmation. */
export const finishStrings = {
  en,
  cy: {
    ...laterStrings.cy,
    containerTitle: 'Pa fin neu gynhwysydd sydd ei angen arnoch?',
    errorContainer: 'Dewiswch y bin neu’r cynhwysydd sydd ei angen arnoch',
    reasonTitle: 'Pam mae ei angen arnoch?',
    errorReason: 'Dewiswch pam mae ei angen arnoch',
    'reason-new-property': 'Rwyf wedi symud i eiddo newydd',
    'reason-lost': 'Mae ar goll',
    'reason-stolen': 'Cafodd ei ddwyn',
    'reason-damaged': 'Mae wedi’i ddifrodi',
    'reason-additional': 'Mae angen un ychwanegol arnaf',
    containerKey: 'Cynhwysydd',
    reasonKey: 'Rheswm',
    chargeTitle: 'Mae tâl',
    chargeHint: 'Byddwn yn dweud wrthych sut i dalu ar ôl i chi anfon y cais hwn.',
    doneTitle: 'Cais wedi’i anfon',
    doneNext: 'Byddwn yn ei ddanfon o fewn 10 diwrnod gwaith. Nid oes angen i chi fod gartref.',
    payNext: 'Bydd eich cais yn cael ei brosesu ar ôl i chi dalu.',
    pay: 'Talu nawr',
    'refused-subscription-required': 'Mae angen tanysgrifiad gwastraff gardd gweithredol arnoch ar gyfer hyn. Adnewyddwch eich tanysgrifiad, yna rhowch gynnig arall arni.',
  },
} satisfies Catalogue<FinishKey>;

/** A message key of `finishStrings`. */
export type FinishKey = keyof typeof en;
