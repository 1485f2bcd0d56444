import type { FieldError } from '@council-kit/core';
import type { AddressLookupKey } from './address-lookup.i18n.js';
import { checkManualAddress, type ManualAddress } from './manual-address.js';

/** A problem on the current step: the id of the control to fix, and a message key. */
export type StepError = FieldError & { message: AddressLookupKey };

/**
 * What "no address chosen yet" means on the step the resident is on, when the page's form is
 * sent: the control that moves them on and the message to show beside it. The list: choose one;
 * a dead end: its way on (typing the address, or checking the postcode); typing: what is still
 * missing; otherwise the postcode.
 */
export function notChosen(step: string, manual: ManualAddress): StepError[] {
  if (step === 'manual') {
    const { errors } = checkManualAddress(manual);
    return errors.length ? errors : [{ field: 'line1', message: 'valueMissing' }];
  }
  if (step === 'addresses') return [{ field: 'address', message: 'errorSelect' }];
  const field = step === 'outside' ? 'check-postcode' : step === 'none' || step === 'unavailable' ? 'enter-manually' : 'postcode';
  return [{ field, message: 'valueMissing' }];
}
