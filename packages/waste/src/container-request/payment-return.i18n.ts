import type { Catalogue } from '@council-kit/core';
import type { PaymentReturnKey } from '../shared/payment-return.js';

const en: Record<PaymentReturnKey, string> = {
  checking: 'Checking your payment',
  paidTitle: 'Payment received',
  paidAmount: 'You paid {amount}.',
  referenceIs: 'Your reference is',
  paidNext: 'We will deliver your container within 10 working days. You do not need to be in.',
  failedTitle: 'Your payment was not successful',
  cancelledTitle: 'You cancelled your payment',
  errorTitle: 'We could not take your payment',
  unpaidBody: 'No money has been taken. Your request {reference} is saved, but we cannot deliver your container until you have paid {amount}.',
  payAgain: 'Try paying again',
  processingTitle: 'Your payment is being processed',
  processingBody: 'This can take a few minutes. Your reference is {reference}. Check again in a moment; you do not need to pay again.',
  checkAgain: 'Check again',
  continuePaying: 'Continue to payment',
  readyTitle: 'Pay for your container',
  readyBody: 'Your request {reference} is saved. Pay {amount} to finish it.',
  pay: 'Pay now',
};

/** A container request's messages on the page a resident comes back to from GOV.UK Pay (shared/payment-return.ts). */
export const paymentReturnStrings = {
  en,
  cy: {
    checking: 'Yn gwirio eich taliad',
    paidTitle: 'Taliad wedi dod i law',
    paidAmount: 'Rydych wedi talu {amount}.',
    referenceIs: 'Eich cyfeirnod yw',
    paidNext: 'Byddwn yn danfon eich cynhwysydd o fewn 10 diwrnod gwaith. Nid oes angen i chi fod gartref.',
    failedTitle: 'Nid oedd eich taliad yn llwyddiannus',
    cancelledTitle: 'Rydych wedi canslo eich taliad',
    errorTitle: 'Nid oeddem yn gallu cymryd eich taliad',
    unpaidBody: 'Nid oes arian wedi’i gymryd. Mae eich cais {reference} wedi’i gadw, ond ni allwn ddanfon eich cynhwysydd nes i chi dalu {amount}.',
    payAgain: 'Rhoi cynnig arall ar dalu',
    processingTitle: 'Mae eich taliad yn cael ei brosesu',
    processingBody: 'Gall hyn gymryd ychydig funudau. Eich cyfeirnod yw {reference}. Gwiriwch eto mewn munud; nid oes angen i chi dalu eto.',
    checkAgain: 'Gwirio eto',
    continuePaying: 'Parhau i dalu',
    readyTitle: 'Talu am eich cynhwysydd',
    readyBody: 'Mae eich cais {reference} wedi’i gadw. Talwch {amount} i’w gwblhau.',
    pay: 'Talu nawr',
  },
} satisfies Catalogue<PaymentReturnKey>;

/** A message key of `paymentReturnStrings` (the shared return page's). */
export type { PaymentReturnKey } from '../shared/payment-return.js';
