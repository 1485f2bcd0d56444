import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CouncilDb } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { problems, type Problem } from './problems.js';

/** What a POST handler decides: a stored answer, or a problem (which is never stored). */
export type Outcome<T> = { status: number; body: T; replayed?: boolean; after?: () => Promise<void> } | { problem: Problem };

export interface IdempotencyRequest {
  /** The operation, e.g. `POST /waste/missed-collections`: a key is only ever matched within one. */
  scope: string;
  /** The `Idempotency-Key` header, when sent. */
  key: string | undefined;
  /** Hash of the request body (see `requestHash`). */
  hash: string;
}

/**
 * Runs `handle` in one transaction, so everything it stores lands together or not at all. With
 * a key: a key already stored for this operation replays its answer (same status, same body,
 * nothing new stored) when the body is the same, and is refused (422) when it differs; a new
 * key is stored with a successful answer. Problems are not stored (their transaction is rolled
 * back), so a resident can correct a refused request and send it again with the same key.
 *
 * Keys live in the database, so every instance behind a load balancer sees them. The key is
 * claimed (inserted) before `handle` runs: on PostgreSQL a second request with the same key,
 * on any instance, waits on that row until the first commits, then meets the primary key and
 * retries, and replays the first answer; it never runs `handle` beside it. A unique violation
 * from `handle` itself (two different keys racing for the same missed collection) retries too.
 * `now` (the app clock's, when the request arrived) is the key's `created_at`.
 */
export async function idempotent<T>(
  db: CouncilDb,
  { scope, key, hash }: IdempotencyRequest,
  now: Date,
  handle: (trx: Transaction<Database>) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx): Promise<Outcome<T>> => {
        if (key !== undefined) {
          const stored = await trx
            .selectFrom('idempotency_keys')
            .select(['request_hash', 'status', 'body'])
            .where('scope', '=', scope)
            .where('key', '=', key)
            .executeTakeFirst();
          if (stored) {
            if (stored.request_hash !== hash) return { problem: problems.idempotencyKeyReused() };
            return { status: stored.status, body: JSON.parse(stored.body) as T, replayed: true };
          }
          // The claim: status 0 until the answer is known (a rolled-back claim never shows).
          await trx
            .insertInto('idempotency_keys')
            .values({ scope, key, request_hash: hash, status: 0, body: '', created_at: now.toISOString() })
            .execute();
        }
        const outcome = await handle(trx);
        if ('problem' in outcome) throw new Refused(outcome);
        if (key !== undefined) {
          await trx
            .updateTable('idempotency_keys')
            .set({ status: outcome.status, body: JSON.stringify(outcome.body) })
            .where('scope', '=', scope)
            .where('key', '=', key)
            .execute();
        }
        return outcome;
      });
    } catch (error) {
      if (error instanceof Refused) return error.outcome;
      if (attempt < MAX_RETRIES && (isUniqueViolation(error) || isRetryableConflict(error))) continue;
      throw error;
    }
  }
}

/** Retries after a unique violation or a conflict: one is enough for a race between two; a burst may need a few. */
const MAX_RETRIES = 5;

/** Carries a problem out of the transaction, rolling back whatever `handle` (and the claim) wrote. */
class Refused extends Error {
  constructor(readonly outcome: { problem: Problem }) {
    super('refused');
  }
}

/**
 * Keys older than this are deleted: a client retries within minutes, not days, and the answer a
 * key keeps can hold what the resident sent (a repair's description and contact details), so it
 * goes after two days whatever happens to the submission.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 48 * 60 * 60 * 1000;

/**
 * Deletes keys older than {@link IDEMPOTENCY_KEY_TTL_MS} at `now` (the app clock's); returns how
 * many. In batches of about `batchSize` (the oldest first, up to a `created_at`), so a large
 * backlog is never one long delete.
 */
export async function purgeIdempotencyKeys(db: CouncilDb, now: Date, batchSize = 500): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString();
  let total = 0;
  for (;;) {
    const batch = await db.selectFrom('idempotency_keys').select('created_at').where('created_at', '<', cutoff).orderBy('created_at').limit(batchSize).execute();
    const last = batch.at(-1);
    if (!last) return total;
    const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).where('created_at', '<=', last.created_at).executeTakeFirst();
    total += Number(result.numDeletedRows);
    if (batch.length < batchSize) return total;
  }
}

/**
 * PostgreSQL gave up on this transaction because of another one (a deadlock, or a
 * serialization failure): running it again is the documented answer, and nothing was stored.
 */
function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** A unique or primary key violation, on SQLite (better-sqlite3) or PostgreSQL (pg). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** An `Idempotency-Key`: 1–255 visible ASCII characters (a UUID, or 32 hex digits, in practice). */
export function isIdempotencyKey(value: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(value);
}

/** SHA-256 of the body as canonical JSON (keys sorted), so key order does not change the hash. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
