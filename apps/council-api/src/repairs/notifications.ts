import { weekdayOf, type ContactPreference, type SlotPeriod } from '@council-kit/contracts';
import type { Logger } from '../logger.js';
import { defaultNotifyTemplates, type Notifier, type NotifyTemplates } from '../notify.js';
import { longDate } from '../http/dates.js';
import type { Lang } from '../http/lang.js';

/**
 * Repair confirmations through the Notify-shaped interface, by the channel the resident chose:
 * a text to their mobile, or an email. A resident who chose a phone call gets nothing sent (the
 * council calls). Personalisation is in the language the resident used; the fields of each
 * template are listed in the README ("Notify templates").
 */

export type RepairMessage = 'reported' | 'rescheduled' | 'cancelled';

export interface RepairRecipient {
  preference: ContactPreference;
  mobile: string | null;
  email: string | null;
}

// As the elements write them (core's formatTimeRange): GOV.UK "8am to midday", Welsh "8yb i
// ganol dydd" ("canol" softens after "i"); lower case, as they follow the date.
const periodText: Record<Lang, Record<SlotPeriod, string>> = {
  en: { am: 'morning (8am to midday)', pm: 'afternoon (midday to 6pm)', 'all-day': 'all day (8am to 6pm)' },
  cy: { am: 'bore (8yb i ganol dydd)', pm: 'prynhawn (canol dydd i 6yp)', 'all-day': 'drwy’r dydd (8yb i 6yp)' },
};

/** "Thursday 26 November 2026, morning (8am to midday)" / "dydd Iau 26 Tachwedd 2026, bore (8yb i ganol dydd)". */
export function appointmentText(appointment: { date: string; period: SlotPeriod } | undefined, lang: Lang): string {
  if (!appointment) return '';
  return `${longDate(appointment.date, weekdayOf(appointment.date), lang)}, ${periodText[lang][appointment.period]}`;
}

export const dateText = (date: string, lang: Lang): string => longDate(date, weekdayOf(date), lang);

const templateNames = {
  reported: ['repairReportedEmail', 'repairReportedSms'],
  rescheduled: ['repairRescheduledEmail', 'repairRescheduledSms'],
  cancelled: ['repairCancelledEmail', 'repairCancelledSms'],
} as const;

/** Sends one message. A failure is logged (without the address or number) and never undoes the change, already stored. */
export async function notifyRepair(
  { notifier, templates, logger }: { notifier: Notifier; templates: NotifyTemplates; logger: Logger },
  message: RepairMessage,
  recipient: RepairRecipient,
  reference: string,
  personalisation: Record<string, string>,
  lang: Lang = 'en',
): Promise<void> {
  const [emailName, smsName] = templateNames[message];
  const template = (name: keyof NotifyTemplates) => templates[name] ?? defaultNotifyTemplates[name]!;
  try {
    if (recipient.preference === 'text' && recipient.mobile) await notifier.sendSms(template(smsName), recipient.mobile, { personalisation, reference }, lang);
    else if (recipient.preference === 'email' && recipient.email) await notifier.sendEmail(template(emailName), recipient.email, { personalisation, reference }, lang);
  } catch (error) {
    logger.warn('notification failed', { message, channel: recipient.preference, error: error instanceof Error ? error.name : 'unknown' });
  }
}
