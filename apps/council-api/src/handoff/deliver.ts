import type { Clock } from '../clock.js';
import { dialectOf, type CouncilDb } from '../db/database.js';
import type { Logger } from '../logger.js';
import { SIGNATURE_HEADER, signHandoff } from './signature.js';

/** Waits after each failed attempt, by the app's clock: 1 min, 5 min, 30 min, 2 h, 6 h, 24 h. */
export const HANDOFF_BACKOFF_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 86_400_000] as const;
/** The first attempt and one after each wait; a delivery that fails them all is `dead` until staff replay it. */
export const HANDOFF_MAX_ATTEMPTS = HANDOFF_BACKOFF_MS.length + 1;
/** How long a claim holds: far longer than a request may take, so only a worker that died mid-attempt loses it. */
export const HANDOFF_LEASE_MS = 5 * 60_000;

export interface DeliverOptions {
  db: CouncilDb;
  clock: Clock;
  logger: Logger;
  /** `HANDOFF_WEBHOOK_URL`. */
  url: string;
  /** `HANDOFF_WEBHOOK_SECRET`: the HMAC key. */
  secret: string;
  /** Most deliveries claimed in this pass (default 20). */
  limit?: number;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Defaults to the global `fetch`; tests may pass their own. */
  fetch?: typeof globalThis.fetch;
}

export interface DeliverResult {
  delivered: number;
  /** Failed and scheduled again. */
  retrying: number;
  /** Failed for the last time. */
  dead: number;
}

interface Claimed {
  event_id: string;
  type: string;
  body: string;
  attempts: number;
}

/**
 * One pass of the back-office delivery: claims the deliveries that are due (pending and due, or
 * `delivering` with a lapsed lease), POSTs each one's stored body, and records the outcome: 2xx
 * is delivered; anything else (3xx included: a signed body with contact details is never sent
 * on to another address), a timeout or a network error waits for the next backoff step, or goes
 * `dead` after the last attempt. The server runs this on an interval; tests call it directly.
 */
export async function deliverOnce(options: DeliverOptions): Promise<DeliverResult> {
  const { db, clock, limit = 20 } = options;
  const claimed = await claim(db, clock.now(), limit);
  const outcomes = await Promise.all(claimed.map((row) => deliverOne(options, row)));
  return {
    delivered: outcomes.filter((o) => o === 'delivered').length,
    retrying: outcomes.filter((o) => o === 'retrying').length,
    dead: outcomes.filter((o) => o === 'dead').length,
  };
}

/**
 * Marks due rows `delivering` and returns them, in one statement: on PostgreSQL the due rows are
 * locked `for update skip locked`, so two instances claiming at once take different rows and each
 * event is sent by one of them; SQLite runs one statement at a time (and one instance).
 */
async function claim(db: CouncilDb, now: Date, limit: number): Promise<Claimed[]> {
  const at = now.toISOString();
  return db
    .updateTable('handoff_deliveries')
    .set((eb) => ({ status: 'delivering', claimed_until: new Date(now.getTime() + HANDOFF_LEASE_MS).toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('event_id', 'in', (eb) =>
      eb
        .selectFrom('handoff_deliveries')
        .select('event_id')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'pending'), w('next_attempt_at', '<=', at)]),
            w.and([w('status', '=', 'delivering'), w('claimed_until', '<', at)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('event_id')
        .limit(limit)
        .$if(dialectOf(db) === 'postgres', (qb) => qb.forUpdate().skipLocked()),
    )
    .returning(['event_id', 'type', 'body', 'attempts'])
    .execute();
}

async function deliverOne(options: DeliverOptions, row: Claimed): Promise<'delivered' | 'retrying' | 'dead'> {
  const { db, clock, logger, url, secret, timeoutMs = 10_000, fetch = globalThis.fetch } = options;
  let error: string | undefined;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Council-Kit-Event-Id': row.event_id,
        [SIGNATURE_HEADER]: signHandoff(row.body, secret),
        'User-Agent': 'council-kit-handoff/1',
      },
      body: row.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not needed: drop it so the connection is freed.
    await response.body?.cancel().catch(() => {});
    if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`;
  } catch (caught) {
    // The error's name and code only (TimeoutError, ECONNREFUSED): never the URL's query or a body.
    const cause = (caught as { cause?: { code?: unknown } }).cause;
    error = [caught instanceof Error ? caught.name : 'Error', typeof cause?.code === 'string' ? cause.code : undefined].filter(Boolean).join(' ');
  }

  const now = clock.now();
  const mine = (qb: ReturnType<typeof db.updateTable<'handoff_deliveries'>>) => qb.where('event_id', '=', row.event_id).where('status', '=', 'delivering');
  if (error === undefined) {
    await mine(db.updateTable('handoff_deliveries'))
      .set({ status: 'delivered', delivered_at: now.toISOString(), claimed_until: null, last_error: null })
      .execute();
    return 'delivered';
  }
  const dead = row.attempts >= HANDOFF_MAX_ATTEMPTS;
  const wait = HANDOFF_BACKOFF_MS[Math.min(row.attempts, HANDOFF_BACKOFF_MS.length) - 1] ?? HANDOFF_BACKOFF_MS[0];
  await mine(db.updateTable('handoff_deliveries'))
    .set({
      status: dead ? 'dead' : 'pending',
      next_attempt_at: new Date(now.getTime() + wait).toISOString(),
      claimed_until: null,
      last_error: error,
    })
    .execute();
  (dead ? logger.error : logger.warn)(dead ? 'back-office delivery dead-lettered' : 'back-office delivery failed', {
    eventId: row.event_id,
    type: row.type,
    attempts: row.attempts,
    error,
  });
  return dead ? 'dead' : 'retrying';
}

/** A worker running {@link deliverOnce} every `intervalMs`: never two passes at once. */
export interface HandoffWorker {
  /** Stops the interval and waits for a pass in progress. */
  stop(): Promise<void>;
}

/** Starts the delivery worker on an unref'd interval (it never keeps a stopping process alive). */
export function startHandoffWorker(options: DeliverOptions & { intervalMs?: number }): HandoffWorker {
  const { intervalMs = 15_000, ...deliver } = options;
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = deliverOnce(deliver)
      .catch((error: unknown) => deliver.logger.warn('back-office delivery pass failed', { message: error instanceof Error ? error.message : String(error) }))
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
