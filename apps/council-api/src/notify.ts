import { systemClock, type Clock } from './clock.js';
import type { CouncilDb } from './db/database.js';

/** Options for one message, as GOV.UK Notify's clients take them. */
export interface NotifyOptions {
  /** Values for the template's ((placeholders)). */
  personalisation: Record<string, string>;
  /** Our own reference for the message (the submission's reference), for matching callbacks. */
  reference: string;
}

/**
 * The part of GOV.UK Notify's client the API uses, with the same names and arguments as
 * `notifications-node-client`'s `NotifyClient`, so a council can pass that client in unchanged.
 */
export interface Notifier {
  sendEmail(templateId: string, emailAddress: string, options: NotifyOptions): Promise<unknown>;
  sendSms(templateId: string, phoneNumber: string, options: NotifyOptions): Promise<unknown>;
}

/**
 * The local default: every message is written to the `notify_outbox` table (nothing leaves the
 * machine). A worker, or a council's own integration, can send what is there and set `sent_at`.
 * `created_at` comes from `clock` (pass the app's; default the real time).
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly db: CouncilDb,
    private readonly clock: Pick<Clock, 'now'> = systemClock,
  ) {}

  async sendEmail(templateId: string, emailAddress: string, options: NotifyOptions): Promise<void> {
    await this.insert('email', templateId, emailAddress, options);
  }

  async sendSms(templateId: string, phoneNumber: string, options: NotifyOptions): Promise<void> {
    await this.insert('sms', templateId, phoneNumber, options);
  }

  private async insert(channel: 'email' | 'sms', templateId: string, recipient: string, { personalisation, reference }: NotifyOptions) {
    await this.db
      .insertInto('notify_outbox')
      .values({
        channel,
        template_id: templateId,
        recipient,
        personalisation: JSON.stringify(personalisation),
        reference,
        created_at: this.clock.now().toISOString(),
        sent_at: null,
      })
      .execute();
  }
}

/** The Notify template ids the API sends with (set them to the council's own templates). */
export interface NotifyTemplates {
  missedCollectionEmail: string;
  missedCollectionSms: string;
  containerRequestEmail: string;
  containerRequestSms: string;
  /**
   * Housing repairs (optional, so a council that only sets the waste templates keeps working;
   * each one left out falls back to its placeholder in {@link defaultNotifyTemplates}).
   */
  repairReportedEmail?: string;
  repairReportedSms?: string;
  repairRescheduledEmail?: string;
  repairRescheduledSms?: string;
  repairCancelledEmail?: string;
  repairCancelledSms?: string;
}

/** Placeholder ids for the outbox; a council using Notify passes its templates' real ids. */
export const defaultNotifyTemplates: NotifyTemplates = {
  missedCollectionEmail: 'missed-collection-email',
  missedCollectionSms: 'missed-collection-sms',
  containerRequestEmail: 'container-request-email',
  containerRequestSms: 'container-request-sms',
  repairReportedEmail: 'repair-reported-email',
  repairReportedSms: 'repair-reported-sms',
  repairRescheduledEmail: 'repair-rescheduled-email',
  repairRescheduledSms: 'repair-rescheduled-sms',
  repairCancelledEmail: 'repair-cancelled-email',
  repairCancelledSms: 'repair-cancelled-sms',
};
