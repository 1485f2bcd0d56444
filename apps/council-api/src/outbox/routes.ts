import { Hono, type MiddlewareHandler } from 'hono';
import type { CouncilDb } from '../db/database.js';
import type { NotifyStatus } from '../db/schema.js';
import type { FieldError } from '../http/fields.js';
import { problemResponse, problems } from '../http/problems.js';
import { listNotifications, notifyStatuses } from './list.js';

/**
 * `GET /staff/notifications` (mounted at `/api/v1`): the Notify outbox for staff, newest first,
 * `?status=` one of pending, sending, sent, failed (failed: the confirmations to follow up by
 * hand), `?page=` from 1, `?pageSize=` 1–100 (default 25). Recipients are masked. Behind `auth`
 * (the staff API's bearer tokens), like every staff route.
 */
export function notificationRoutes({ db, auth }: { db: CouncilDb; auth: MiddlewareHandler }): Hono {
  const app = new Hono();
  app.use('/staff/notifications', auth);
  app.get('/staff/notifications', async (c) => {
    const errors: FieldError[] = [];
    const statusParam = c.req.query('status');
    let status: NotifyStatus | undefined;
    if (statusParam !== undefined && statusParam !== '') {
      if ((notifyStatuses as readonly string[]).includes(statusParam)) status = statusParam as NotifyStatus;
      else errors.push({ path: '/status', message: `Must be one of ${notifyStatuses.join(', ')}` });
    }
    const page = whole(c.req.query('page'), 1, 100_000, '/page', errors);
    const pageSize = whole(c.req.query('pageSize'), 25, 100, '/pageSize', errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    return c.json(await listNotifications(db, { ...(status ? { status } : {}), page, pageSize }));
  });
  return app;
}

function whole(value: string | undefined, fallback: number, max: number, path: string, errors: FieldError[]): number {
  if (value === undefined || value === '') return fallback;
  if (/^[0-9]{1,6}$/.test(value) && Number(value) >= 1 && Number(value) <= max) return Number(value);
  errors.push({ path, message: `A whole number from 1 to ${max}` });
  return fallback;
}
