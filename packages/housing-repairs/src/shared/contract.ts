import { ApiError } from '@council-kit/core';
import { validate, type Reader } from '@council-kit/contracts';

/**
 * Reads a body fetched without a reader (the element fetches it beside the module that brings
 * the reader) against its contract, failing as the http client does for a body not of the
 * contract's shape: an `invalid` ApiError.
 */
export function contract<T>(reader: Reader<T>): (json: unknown) => T {
  return (json) => {
    try {
      return validate(reader, json);
    } catch (cause) {
      throw new ApiError('invalid', 'Not the contract shape', { cause });
    }
  };
}
