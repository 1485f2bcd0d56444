import type { Transaction } from 'kysely';
import type { CouncilDb } from './db/database.js';
import type { Database } from './db/schema.js';
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
 * key is stored with a successful answer. Problems are not stored, so a resident can correct a
 * refused request and send it again with the same key. Keys live in the database, not in
 * memory, so every instance behind a load balancer sees them; on PostgreSQL two racing first
 * requests meet the primary key, and the loser retries and replays the winner's answer.
 */
export async function idempotent<T>(
  db: CouncilDb,
  { scope, key, hash }: IdempotencyRequest,
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
        }
        const outcome = await handle(trx);
        if (key !== undefined && 'status' in outcome) {
          await trx
            .insertInto('idempotency_keys')
            .values({ scope, key, request_hash: hash, status: outcome.status, body: JSON.stringify(outcome.body), created_at: new Date().toISOString() })
            .execute();
        }
        return outcome;
      });
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** A unique or primary key violation, on SQLite (better-sqlite3) or PostgreSQL (pg). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
