import type { FieldError } from '@council-kit/core';
import { parsePostcode } from '@council-kit/contracts';
import type { AddressLookupKey } from './address-lookup.i18n.js';

/** An address the resident typed because it was not in the list. */
export interface ManualAddress {
  line1: string;
  line2: string;
  town: string;
  postcode: string;
}

export const emptyManualAddress: ManualAddress = { line1: '', line2: '', town: '', postcode: '' };

const MAX_LINE = 100;

/**
 * Checks a typed address, in field order, and returns the cleaned address with the problems
 * (as message keys, so the element can show them in the page language).
 */
export function checkManualAddress(input: ManualAddress): {
  address: ManualAddress;
  errors: (FieldError & { message: AddressLookupKey })[];
} {
  const address = {
    line1: input.line1.trim(),
    line2: input.line2.trim(),
    town: input.town.trim(),
    postcode: input.postcode.trim(),
  };
  const errors: (FieldError & { message: AddressLookupKey })[] = [];
  const tooLong = (value: string) => value.length > MAX_LINE;
  if (!address.line1) errors.push({ field: 'line1', message: 'errorLine1' });
  else if (tooLong(address.line1)) errors.push({ field: 'line1', message: 'errorTooLong' });
  if (tooLong(address.line2)) errors.push({ field: 'line2', message: 'errorTooLong' });
  if (!address.town) errors.push({ field: 'town', message: 'errorTown' });
  else if (tooLong(address.town)) errors.push({ field: 'town', message: 'errorTooLong' });
  const postcode = parsePostcode(address.postcode);
  if (postcode.ok) address.postcode = postcode.postcode;
  else errors.push({ field: 'manual-postcode', message: postcodeMessage(postcode.problem) });
  return { address, errors };
}

/** The message key for a postcode problem. */
export function postcodeMessage(problem: 'empty' | 'invalid' | 'notServed'): AddressLookupKey {
  return problem === 'empty' ? 'errorEmpty' : problem === 'notServed' ? 'errorNotServed' : 'errorInvalid';
}
