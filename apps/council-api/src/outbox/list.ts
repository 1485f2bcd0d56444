import type { CouncilDb } from '../db/database.js';
import type { NotifyStatus } from '../db/schema.js';

export const notifyStatuses: readonly NotifyStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** One message as staff see it: the recipient masked, everything about its delivery. */
export interface NotificationSummary {
  id: number;
  reference: string;
  channel: 'email' | 'sms';
  /** The template name (as in the README) the message was written for. */
  template: string;
  lang: 'en' | 'cy';
  /** `j***@example.com`, `*******8123`: enough to tell two messages apart, not to contact anyone. */
  recipient: string;
  status: NotifyStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
  notifyId: string | null;
  /** Notify's error from the last failed attempt (status, type, message). */
  lastError: string | null;
}

export interface NotificationPage {
  items: NotificationSummary[];
  page: number;
  pageSize: number;
  /** How many messages match, on every page. */
  total: number;
}

export interface ListNotificationsOptions {
  status?: NotifyStatus;
  /** 1-based (default 1). */
  page?: number;
  /** Default 25. */
  pageSize?: number;
}

/** The outbox, newest first, optionally one status only (e.g. `failed`, to follow up by hand). */
export async function listNotifications(db: CouncilDb, { status, page = 1, pageSize = 25 }: ListNotificationsOptions = {}): Promise<NotificationPage> {
  let query = db.selectFrom('notify_outbox');
  if (status) query = query.where('status', '=', status);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    page,
    pageSize,
    total: Number(total),
    items: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      channel: row.channel,
      template: row.template_id,
      lang: row.lang,
      recipient: maskRecipient(row.recipient),
      status: row.status,
      attempts: row.attempts,
      createdAt: row.created_at,
      sentAt: row.sent_at,
      nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
      notifyId: row.notify_id,
      lastError: row.last_error,
    })),
  };
}

/** An email keeps its first character and domain; a number its last three digits. */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  return `${'*'.repeat(Math.max(recipient.length - 3, 3))}${recipient.slice(-3)}`;
}
