import type { Catalogue } from '@council-kit/core';
import { laterStrings } from '../shared/later-steps.i18n.js';

const en = {
  ...laterStrings.en,
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

/** The messages of `<council-container-request>`'s later pages (finish.ts): contact details, check answers, confirmation. */
export const finishStrings = {
  en,
  cy: {
    ...laterStrings.cy,
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
