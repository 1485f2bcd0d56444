import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import type { Clock } from '../src/clock.js';
import { defaultConfig, type Config } from '../src/config.js';
import { createDatabase, type CouncilDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedIfEmpty } from '../src/seed.js';
import { testDatabase, type TestDatabase } from './test-database.js';

/**
 * Bulky waste tests run on a clock of their own, the morning of Monday 7 December 2026 (GMT),
 * so the cut-off (midday the working day before) and the dates offered are known: 9 High
 * Street is collected on Tuesdays, so it is offered 8, 15, 22 and 29 December (four weeks).
 */
export const BULKY_DAY = '2026-12-07';
export const TUESDAYS = ['2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29'];
/** 9 High Street, AN1 1AA: household rounds on Tuesdays. */
export const HIGH_STREET = '100070000112';
/** A flat with communal bins: no rounds, so no bulky collections. */
export const COMMUNAL_FLAT = '100070007641';

/** A clock a test sets to any instant (its `today` is that instant's date in London, GMT in December). */
export function settableClock(iso = `${BULKY_DAY}T10:00:00Z`): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { today: () => now.toISOString().slice(0, 10), now: () => new Date(now), set: (next) => void (now = new Date(next)) };
}

/** A fresh, seeded database. */
export async function bulkyDatabase(): Promise<{ db: CouncilDb; database: TestDatabase; url: string }> {
  const database = await testDatabase();
  const db = createDatabase(database.url);
  await migrateToLatest(db);
  await seedIfEmpty(db, { today: BULKY_DAY });
  return { db, database, url: database.url };
}

/** An app over `db` on `clock`, with fixed manage tokens when given. */
export function bulkyApp(db: CouncilDb, clock: Clock, overrides: Partial<Config> = {}, newManageToken?: () => string): Hono {
  return createApp({ db, clock, config: { ...defaultConfig, logLevel: 'silent', rateLimitPerMinute: 100_000, ...overrides }, ...(newManageToken ? { newManageToken } : {}) });
}

/** A booking body for 9 High Street: a sofa and a mattress (3 slots, £35) on `date`. */
export const booking = (date: string, overrides: Record<string, unknown> = {}) => ({
  uprn: HIGH_STREET,
  items: [
    { id: 'sofa', quantity: 1 },
    { id: 'mattress', quantity: 1 },
  ],
  location: 'front-garden',
  collectionDate: date,
  contact: { email: 'resident@example.com' },
  ...overrides,
});

/** POSTs a booking with its own (or the given) idempotency key. */
export function book(app: Hono, body: unknown, key: string = randomUUID(), lang = 'en'): Promise<Response> {
  return Promise.resolve(
    app.request(`/api/v1/waste/bulky-bookings?lang=${lang}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) }),
  );
}

/** GET, PATCH or DELETE a booking with its manage token. */
export function manageBooking(app: Hono, method: 'GET' | 'PATCH' | 'DELETE', reference: string, token: string | undefined, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}) };
  if (method !== 'GET') Object.assign(headers, { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() });
  return Promise.resolve(app.request(`/api/v1/waste/bulky-bookings/${reference}`, { method, headers, ...(method !== 'GET' ? { body: JSON.stringify(body ?? {}) } : {}) }));
}
