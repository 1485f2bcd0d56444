import type { Clock } from '../clock.js';
import type { CouncilDb } from '../db/database.js';
import type { Logger } from '../logger.js';
import { maxAgeMs, maxAttempts, nextAttemptAt } from './backoff.js';
import { claimDue, type OutboxRow } from './claim.js';
import { sendFailure, type OutboxClient } from './notify-client.js';
import { templateIdFor, type NotifyTemplateIds } from './templates-file.js';

export interface DrainOptions {
  db: CouncilDb;
  client: OutboxClient;
  templates: NotifyTemplateIds;
  clock: Pick<Clock, 'now'>;
  logger: Logger;
  /** Most messages claimed in this pass (default 50). */
  limit?: number;
  /** Give up waiting for Notify after this long and try again later (default 30 s). */
  sendTimeoutMs?: number;
}

/** What one pass did. `claimed` equal to the limit means more may be waiting. */
export interface DrainResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * One pass over the outbox: claims the due messages (see {@link claimDue}) and sends each
 * through Notify, then records what happened: `sent` with Notify's id; on a 5xx, a 429 or no
 * answer, `pending` again after a backoff (`failed` once the attempts run out); on any other
 * 4xx, `failed` with Notify's error. A message older than {@link maxAgeMs}, or whose recipient
 * the retention purge blanked, is `failed` without calling Notify. The server runs it on an
 * interval; tests call it directly.
 */
export async function drainOutbox({ db, client, templates, clock, logger, limit = 50, sendTimeoutMs = 30_000 }: DrainOptions): Promise<DrainResult> {
  const rows = await claimDue(db, clock.now(), limit);
  const result: DrainResult = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
  for (const row of rows) {
    const outcome = await sendOne(row, client, templates, sendTimeoutMs, clock.now());
    const now = clock.now();
    let update;
    if ('notifyId' in outcome) {
      update = { status: 'sent' as const, notify_id: outcome.notifyId, sent_at: now.toISOString(), last_error: null, claimed_until: null };
      result.sent++;
    } else {
      const retryAt = outcome.retry && row.attempts < maxAttempts ? nextAttemptAt(row.attempts, now) : undefined;
      update = retryAt
        ? { status: 'pending' as const, next_attempt_at: retryAt.toISOString(), last_error: outcome.message, claimed_until: null }
        : { status: 'failed' as const, last_error: outcome.message, claimed_until: null };
      if (retryAt) result.retrying++;
      else result.failed++;
      // The outbox id only (staff find the row by it): never the recipient, the reference (as
      // the request log, see logger.ts), the key or the request.
      logger.warn(retryAt ? 'notify send will be retried' : 'notify send failed', { id: row.id, attempts: row.attempts, error: outcome.message });
    }
    // Only while our claim holds: if the lease ran out and another instance took the row, its word stands.
    await db.updateTable('notify_outbox').set(update).where('id', '=', row.id).where('status', '=', 'sending').where('claimed_until', '=', row.claimed_until).execute();
  }
  if (rows.length) logger.info('notify outbox drained', { ...result });
  return result;
}

type Outcome = { notifyId: string | null } | { retry: boolean; message: string };

async function sendOne(row: OutboxRow, client: OutboxClient, templates: NotifyTemplateIds, timeoutMs: number, now: Date): Promise<Outcome> {
  if (Date.parse(row.created_at) < now.getTime() - maxAgeMs) return { retry: false, message: `Not sent: written more than ${maxAgeMs / 3_600_000} hours before the sender reached it` };
  // Blanked by the retention purge (src/retention/) before anything sent it.
  if (!row.recipient) return { retry: false, message: 'Not sent: the recipient was purged' };
  const templateId = templateIdFor(templates, row.template_id, row.lang);
  if (!templateId) return { retry: false, message: `No Notify template id for "${row.template_id}" in NOTIFY_TEMPLATES_FILE` };
  let personalisation: Record<string, string>;
  try {
    personalisation = JSON.parse(row.personalisation) as Record<string, string>;
  } catch {
    return { retry: false, message: 'The stored personalisation is not JSON' };
  }
  const options = { personalisation, reference: row.reference };
  const send = row.channel === 'email' ? client.sendEmail(templateId, row.recipient, options) : client.sendSms(templateId, row.recipient, options);
  try {
    const response = await withTimeout(send, timeoutMs);
    // Accepted: sending again would send twice, even if the answer lacked the id.
    const id = response?.data?.id;
    return { notifyId: typeof id === 'string' ? id : null };
  } catch (error) {
    return sendFailure(error, row.recipient);
  }
}

/** Rejects like a network error when Notify does not answer in time (the client sets no timeout). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('Notify did not answer in time'), { code: 'ETIMEDOUT' })), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
