import type { Catalogue } from '@council-kit/core';
import type { PaymentReturnKey } from '../shared/payment-return.js';

const en: Record<PaymentReturnKey, string> = {
  checking: 'Checking your payment',
  paidTitle: 'Payment received',
  paidAmount: 'You paid {amount}.',
  referenceIs: 'Your reference is',
  paidNext: 'Your garden waste subscription is now active. We will post your bin stickers before your first collection.',
  failedTitle: 'Your payment was not successful',
  cancelledTitle: 'You cancelled your payment',
  errorTitle: 'We could not take your payment',
  unpaidBody: 'No money has been taken. Your subscription {reference} is saved, but it does not start until you have paid {amount}.',
  payAgain: 'Try paying again',
  processingTitle: 'Your payment is being processed',
  processingBody: 'This can take a few minutes. Your reference is {reference}. Check again in a moment; you do not need to pay again.',
  checkAgain: 'Check again',
  continuePaying: 'Continue to payment',
  readyTitle: 'Pay for your garden waste subscription',
  readyBody: 'Your subscription {reference} is saved. Pay {amount} to start it.',
  pay: 'Pay now',
};

/** A garden waste subscription's messages on the page a resident comes back to from GOV.UK Pay (shared/payment-return.ts). */
export const paymentReturnStrings = {
  en,
  cy: {
    checking: 'Yn gwirio eich taliad',
    paidTitle: 'Taliad wedi dod i law',
    paidAmount: 'Rydych wedi talu {amount}.',
    referenceIs: 'Eich cyfeirnod yw',
    paidNext: 'Mae eich tanysgrifiad gwastraff gardd yn weithredol nawr. Byddwn yn postio sticeri eich biniau cyn eich casgliad cyntaf.',
    failedTitle: 'Nid oedd eich taliad yn llwyddiannus',
    cancelledTitle: 'Rydych wedi canslo eich taliad',
    errorTitle: 'Nid oeddem yn gallu cymryd eich taliad',
    unpaidBody: 'Nid oes arian wedi’i gymryd. Mae eich tanysgrifiad {reference} wedi’i gadw, ond nid yw’n dechrau nes i chi dalu {amount}.',
    payAgain: 'Rhoi cynnig arall ar dalu',
    processingTitle: 'Mae eich taliad yn cael ei brosesu',
    processingBody: 'Gall hyn gymryd ychydig funudau. Eich cyfeirnod yw {reference}. Gwiriwch eto mewn munud; nid oes angen i chi dalu eto.',
    checkAgain: 'Gwirio eto',
    continuePaying: 'Parhau i dalu',
    readyTitle: 'Talu am eich tanysgrifiad gwastraff gardd',
    readyBody: 'Mae eich tanysgrifiad {reference} wedi’i gadw. Talwch {amount} i’w ddechrau.',
    pay: 'Talu nawr',
  },
} satisfies Catalogue<PaymentReturnKey>;
