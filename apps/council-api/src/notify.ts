import { systemClock, type Clock } from './clock.js';
import type { CouncilDb } from './db/database.js';
import type { Lang } from './http/lang.js';

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
  /**
   * `lang` is the language of the form the message confirms. It is a fourth argument, not an
   * option, because `NotifyClient` refuses options it does not know and ignores extra arguments;
   * the outbox stores it so that its sender picks the Welsh template (see `src/outbox/`).
   */
  sendEmail(templateId: string, emailAddress: string, options: NotifyOptions, lang?: Lang): Promise<unknown>;
  sendSms(templateId: string, phoneNumber: string, options: NotifyOptions, lang?: Lang): Promise<unknown>;
}

/**
 * The default: every message is written to the `notify_outbox` table, with the language it is
 * in. With `NOTIFY_API_KEY` set the server's sender drains the table through GOV.UK Notify
 * (`src/outbox/`); without it nothing leaves the machine.
 * `created_at` comes from `clock` (pass the app's; default the real time).
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly db: CouncilDb,
    private readonly clock: Pick<Clock, 'now'> = systemClock,
  ) {}

  async sendEmail(templateId: string, emailAddress: string, options: NotifyOptions, lang: Lang = 'en'): Promise<void> {
    await this.insert('email', templateId, emailAddress, options, lang);
  }

  async sendSms(templateId: string, phoneNumber: string, options: NotifyOptions, lang: Lang = 'en'): Promise<void> {
    await this.insert('sms', templateId, phoneNumber, options, lang);
  }

  private async insert(channel: 'email' | 'sms', templateId: string, recipient: string, { personalisation, reference }: NotifyOptions, lang: Lang) {
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
        lang,
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
  /** The one-time code for managing a repair without its link (`code`, `reference`). */
  repairCodeEmail?: string;
  repairCodeSms?: string;
  /** Garden waste subscription or renewal received (optional, as the repairs' templates). */
  gardenSubscriptionEmail?: string;
  gardenSubscriptionSms?: string;
  /** Bulky waste bookings (optional, as the repairs ones): booked, date changed, cancelled. */
  bulkyBookedEmail?: string;
  bulkyBookedSms?: string;
  bulkyChangedEmail?: string;
  bulkyChangedSms?: string;
  bulkyCancelledEmail?: string;
  bulkyCancelledSms?: string;
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
  repairCodeEmail: 'repair-code-email',
  repairCodeSms: 'repair-code-sms',
  gardenSubscriptionEmail: 'garden-subscription-email',
  gardenSubscriptionSms: 'garden-subscription-sms',
  bulkyBookedEmail: 'bulky-booked-email',
  bulkyBookedSms: 'bulky-booked-sms',
  bulkyChangedEmail: 'bulky-changed-email',
  bulkyChangedSms: 'bulky-changed-sms',
  bulkyCancelledEmail: 'bulky-cancelled-email',
  bulkyCancelledSms: 'bulky-cancelled-sms',
};
