import type { Catalogue } from '@council-kit/core';
import type { PaymentReturnKey } from '../shared/payment-return.js';

const en: Record<PaymentReturnKey, string> = {
  checking: 'Checking your payment',
  paidTitle: 'Payment received',
  paidAmount: 'You paid {amount}.',
  referenceIs: 'Your reference is',
  paidNext: 'Your bulky waste collection is confirmed. Put the items out by 7am on the collection day, where you said. You do not need to be in.',
  failedTitle: 'Your payment was not successful',
  cancelledTitle: 'You cancelled your payment',
  errorTitle: 'We could not take your payment',
  unpaidBody: 'No money has been taken. Your booking {reference} is saved, but the collection is not confirmed until you have paid {amount}.',
  payAgain: 'Try paying again',
  processingTitle: 'Your payment is being processed',
  processingBody: 'This can take a few minutes. Your reference is {reference}. Check again in a moment; you do not need to pay again.',
  checkAgain: 'Check again',
  continuePaying: 'Continue to payment',
  readyTitle: 'Pay for your bulky waste collection',
  readyBody: 'Your booking {reference} is saved. Pay {amount} to confirm the collection.',
  pay: 'Pay now',
};

/** A bulky waste booking's messages on the page a resident comes back to from GOV.UK Pay (shared/payment-return.ts). */
export const paymentReturnStrings = {
  en,
  cy: {
    checking: 'Yn gwirio eich taliad',
    paidTitle: 'Taliad wedi dod i law',
    paidAmount: 'Rydych wedi talu {amount}.',
    referenceIs: 'Eich cyfeirnod yw',
    paidNext: 'Mae eich casgliad gwastraff swmpus wedi’i gadarnhau. Rhowch yr eitemau allan erbyn 7yb ar ddiwrnod y casgliad, lle dywedoch chi. Nid oes angen i chi fod gartref.',
    failedTitle: 'Nid oedd eich taliad yn llwyddiannus',
    cancelledTitle: 'Rydych wedi canslo eich taliad',
    errorTitle: 'Nid oeddem yn gallu cymryd eich taliad',
    unpaidBody: 'Nid oes arian wedi’i gymryd. Mae eich archeb {reference} wedi’i chadw, ond nid yw’r casgliad wedi’i gadarnhau nes i chi dalu {amount}.',
    payAgain: 'Rhoi cynnig arall ar dalu',
    processingTitle: 'Mae eich taliad yn cael ei brosesu',
    processingBody: 'Gall hyn gymryd ychydig funudau. Eich cyfeirnod yw {reference}. Gwiriwch eto mewn munud; nid oes angen i chi dalu eto.',
    checkAgain: 'Gwirio eto',
    continuePaying: 'Parhau i dalu',
    readyTitle: 'Talu am eich casgliad gwastraff swmpus',
    readyBody: 'Mae eich archeb {reference} wedi’i chadw. Talwch {amount} i gadarnhau’r casgliad.',
    pay: 'Talu nawr',
  },
} satisfies Catalogue<PaymentReturnKey>;
