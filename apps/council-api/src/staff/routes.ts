import { Hono } from 'hono';
import type { Clock } from '../clock.js';
import type { CouncilDb } from '../db/database.js';
import type { HandoffStatus } from '../db/handoff-table.js';
import type { FieldError } from '../http/fields.js';
import { problemResponse, problems } from '../http/problems.js';
import { staffAuth } from './auth.js';
import { toCsv } from './csv.js';
import { handoffStatuses, listDeliveries, replayDelivery } from './deliveries.js';
import { staffProblems } from './problems.js';
import { deliveryStates, listSubmissions, submissionTypes, type DeliveryState, type StaffSubmission, type SubmissionFilter, type SubmissionType } from './submissions.js';

export interface StaffRoutesOptions {
  db: CouncilDb;
  clock: Clock;
  /** `STAFF_API_TOKENS`; empty: every staff route answers 404. */
  tokens: readonly string[];
}

/** Most rows in one CSV export; a bigger one is narrowed with `since`/`until`. */
export const CSV_EXPORT_LIMIT = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The staff API, mounted at `/api/v1`: submissions with their delivery and payment states (JSON
 * or CSV), the back-office deliveries, and replaying a dead one. Every route needs a staff token.
 */
export function staffRoutes({ db, clock, tokens }: StaffRoutesOptions): Hono {
  const app = new Hono();
  app.use('/staff/*', staffAuth(tokens));
  app.use('/staff', staffAuth(tokens));

  app.get('/staff/submissions', async (c) => {
    const errors: FieldError[] = [];
    const filter: SubmissionFilter = {};
    const type = oneOf(c.req.query('type'), submissionTypes, '/type', errors);
    if (type) filter.type = type as SubmissionType;
    const since = instant(c.req.query('since'), '/since', errors, false);
    if (since) filter.since = since;
    const until = instant(c.req.query('until'), '/until', errors, true);
    if (until) filter.until = until;
    const delivery = oneOf(c.req.query('delivery'), deliveryStates, '/delivery', errors);
    if (delivery) filter.delivery = delivery as DeliveryState;
    const format = oneOf(c.req.query('format'), ['json', 'csv'], '/format', errors);
    const { page, pageSize } = paging(c.req.query('page'), c.req.query('pageSize'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));

    const csv = format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(c.req.header('Accept') ?? ''));
    if (csv) {
      const { items, total } = await listSubmissions(db, filter, 0, CSV_EXPORT_LIMIT);
      return c.body(toCsv(CSV_HEADER, items.map(csvRow)), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="submissions.csv"',
        'X-Total-Count': String(total),
      });
    }
    const { items, total } = await listSubmissions(db, filter, (page - 1) * pageSize, pageSize);
    return c.json({ items, page, pageSize, total });
  });

  app.get('/staff/deliveries', async (c) => {
    const errors: FieldError[] = [];
    const status = oneOf(c.req.query('status'), handoffStatuses, '/status', errors) as HandoffStatus | undefined;
    const { page, pageSize } = paging(c.req.query('page'), c.req.query('pageSize'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    const { items, total } = await listDeliveries(db, status, (page - 1) * pageSize, pageSize);
    return c.json({ items, page, pageSize, total });
  });

  app.post('/staff/deliveries/:eventId/replay', async (c) => {
    const eventId = c.req.param('eventId').toLowerCase();
    if (!UUID.test(eventId)) return problemResponse(staffProblems.deliveryNotFound());
    const result = await replayDelivery(db, eventId, clock.now());
    if (result.ok) return c.json(result.delivery);
    return problemResponse(result.status ? staffProblems.notDead(result.status) : staffProblems.deliveryNotFound());
  });

  return app;
}

const CSV_HEADER = [
  'reference', 'type', 'submittedAt', 'status', 'deliveryState', 'deliveryAttempts', 'deliveryLastError', 'paymentState',
  'uprn', 'address', 'contactEmail', 'contactPhone', 'details',
] as const;

function csvRow(item: StaffSubmission): unknown[] {
  return [
    item.reference, item.type, item.submittedAt, item.status, item.delivery.state, item.delivery.attempts, item.delivery.lastError, item.payment.state,
    item.uprn, item.address, item.contact.email, item.contact.mobile ?? item.contact.phone, item.details,
  ];
}

function oneOf(value: string | undefined, allowed: readonly string[], path: string, errors: FieldError[]): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (allowed.includes(value)) return value;
  errors.push({ path, message: `Must be one of ${allowed.join(', ')}` });
  return undefined;
}

/**
 * `YYYY-MM-DD` (a whole UTC day: from its start for `since`, to its end for `until`) or an ISO
 * 8601 instant with a zone (`2026-12-03T10:00:00Z`), as the ISO string stored timestamps compare with.
 */
function instant(value: string | undefined, path: string, errors: FieldError[], endOfDay: boolean): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00.000Z`);
    if (!Number.isNaN(start.getTime()) && start.toISOString().startsWith(value)) {
      return new Date(start.getTime() + (endOfDay ? 86_400_000 : 0)).toISOString();
    }
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at.toISOString();
  }
  errors.push({ path, message: 'A date (YYYY-MM-DD) or a date and time with its zone (2026-12-03T10:00:00Z)' });
  return undefined;
}

/** `page` from 1 (default 1), `pageSize` 1–100 (default 25). */
function paging(page: string | undefined, pageSize: string | undefined, errors: FieldError[]): { page: number; pageSize: number } {
  const whole = (value: string | undefined, fallback: number, max: number, path: string) => {
    if (value === undefined || value === '') return fallback;
    if (/^[0-9]{1,6}$/.test(value) && Number(value) >= 1 && Number(value) <= max) return Number(value);
    errors.push({ path, message: `A whole number from 1 to ${max}` });
    return fallback;
  };
  return { page: whole(page, 1, 100_000, '/page'), pageSize: whole(pageSize, 25, 100, '/pageSize') };
}
