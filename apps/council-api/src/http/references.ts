import { randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, SubmissionKind } from '../db/schema.js';

/** Letters and digits nobody confuses when reading a reference aloud or copying it: no 0/O, 1/I/L. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 8;

/** A random 8-character reference from {@link REFERENCE_ALPHABET} (31^8 ≈ 8.5 × 10^11 of them). */
export function randomReference(): string {
  let reference = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) reference += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return reference;
}

export class ReferenceExhaustedError extends Error {
  override name = 'ReferenceExhaustedError';
}

/**
 * Claims a reference no submission of any kind has used: tries `generate()` until one is new
 * (a collision is only ever a retry). Runs inside the submission's transaction; `now` (the app
 * clock's) is the claim's `created_at`.
 */
export async function claimReference(
  trx: Transaction<Database>,
  kind: SubmissionKind,
  now: Date,
  generate: () => string = randomReference,
  attempts = 10,
): Promise<string> {
  for (let i = 0; i < attempts; i++) {
    const reference = generate();
    const result = await trx
      .insertInto('submission_references')
      .values({ reference, kind, created_at: now.toISOString() })
      .onConflict((oc) => oc.column('reference').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 1) return reference;
  }
  throw new ReferenceExhaustedError(`No unused reference after ${attempts} attempts`);
}
