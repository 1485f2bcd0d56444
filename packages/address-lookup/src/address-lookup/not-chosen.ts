import type { FieldError } from '@council-kit/core';
import type { AddressLookupKey } from './address-lookup.i18n.js';
import { checkManualAddress, type ManualAddress } from './manual-address.js';

/** A problem on the current step: the id of the control to fix, and a message key. */
export type StepError = FieldError & { message: AddressLookupKey };

/** The control that moves the resident on from each step where it is not the postcode. */
const wayOn: Record<string, string> = { addresses: 'address', outside: 'check-postcode', none: 'enter-manually', unavailable: 'enter-manually' };

/**
 * What "no address chosen yet" means on the step the resident is on, when the page's form is
 * sent: the control that moves them on and the message to show beside it. The list: choose one;
 * a dead end: its way on (typing the address, or checking the postcode); typing: what is still
 * missing; otherwise the postcode.
 */
export function notChosen(step: string, manual: ManualAddress): StepError[] {
  const typed = step === 'manual' ? checkManualAddress(manual).errors : [];
  if (typed.length) return typed;
  const field = step === 'manual' ? 'line1' : (wayOn[step] ?? 'postcode');
  return [{ field, message: step === 'addresses' ? 'errorSelect' : 'valueMissing' }];
}
