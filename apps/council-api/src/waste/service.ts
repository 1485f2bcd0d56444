import { parseUkMobile, type SubmissionReceipt } from '@council-kit/contracts';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import { enqueueHandoff } from '../handoff/outbox.js';
import { idempotent, type IdempotencyRequest, type Outcome } from '../http/idempotency.js';
import type { Lang } from '../http/lang.js';
import { problems } from '../http/problems.js';
import { claimReference } from '../http/references.js';
import type { Logger } from '../logger.js';
import type { Notifier, NotifyTemplates } from '../notify.js';
import { enqueueContainerRequested } from './handoff.js';
import { containerRequestPersonalisation, missedCollectionPersonalisation } from './notifications.js';
import { wasteProblems } from './problems.js';
import type { Contact, ContainerRequest, MissedCollectionRequest } from './requests.js';
import { PropertySchedule } from './schedule.js';

export interface SubmissionDeps {
  db: CouncilDb;
  clock: Clock;
  config: Pick<Config, 'paymentUrlBase' | 'containerCharges' | 'pay' | 'bankHolidayDivision'>;
  notifier: Notifier;
  templates: NotifyTemplates;
  logger: Logger;
  /** Makes a candidate reference (tests pass a predictable one). */
  newReference?: () => string;
}

const unknownProperty = () => ({ problem: problems.validation('No property in the council’s area has this UPRN.', [{ path: '/uprn', message: 'No property has this UPRN' }]) });

/**
 * `POST /waste/missed-collections`: stores a report once. The same collection reported again
 * (whatever the key) answers 200 with the first report's reference and `duplicate: true`. The
 * confirmation is written in `lang`, the language of the form.
 */
export async function reportMissedCollection(
  deps: SubmissionDeps,
  request: MissedCollectionRequest,
  idempotency: IdempotencyRequest,
  lang: Lang = 'en',
): Promise<Outcome<SubmissionReceipt>> {
  const today = deps.clock.today();
  const now = deps.clock.now();
  return idempotent<SubmissionReceipt>(deps.db, idempotency, now, async (trx) => {
    const { uprn, serviceId, collectionDate, contact } = request;
    const schedule = await PropertySchedule.load(trx, uprn, today, collectionDate, collectionDate, deps.config.bankHolidayDivision);
    if (!schedule) return unknownProperty();
    const service = schedule.service(serviceId);
    if (!service) {
      return { problem: problems.validation('This property does not have that collection.', [{ path: '/serviceId', message: 'This property does not have this collection' }]) };
    }
    const check = schedule.checkReportable(service, collectionDate);
    if (!check.ok) {
      switch (check.why) {
        case 'not-subscribed':
          return { problem: wasteProblems.subscriptionRequired('/serviceId') };
        case 'not-a-collection':
          return {
            problem: problems.validation('There was no collection of this service at this property on that date.', [
              { path: '/collectionDate', message: 'There was no collection on this date' },
            ]),
          };
        default:
          return {
            problem: wasteProblems.reportWindowClosed(
              collectionDate >= today
                ? 'This collection can only be reported as missed after it was due (or once the crew has marked it not collected).'
                : `Missed collections can be reported until the end of the second working day after the collection; this one could be reported until ${check.until}.`,
            ),
          };
      }
    }

    const first = await trx
      .selectFrom('missed_collection_reports')
      .select('reference')
      .where('uprn', '=', uprn)
      .where('service_id', '=', serviceId)
      .where('collection_date', '=', collectionDate)
      .executeTakeFirst();
    if (first) return { status: 200, body: { reference: first.reference, duplicate: true } };

    const reference = await claimReference(trx, 'missed-collection', now, deps.newReference);
    await trx
      .insertInto('missed_collection_reports')
      .values({
        reference,
        uprn,
        service_id: serviceId,
        collection_date: collectionDate,
        bin_out_in_time: 1,
        contact_email: contact.email ?? null,
        contact_phone: contact.phone ?? null,
        created_at: now.toISOString(),
      })
      .execute();
    const address = schedule.property.address;
    const missedData = { uprn, address, serviceId, service: service.name.en, collectionDate, binOutInTime: true, contact: contactOf(contact), language: lang };
    await enqueueHandoff(trx, { type: 'missed-collection.reported', reference, data: missedData }, now);
    const personalisation = missedCollectionPersonalisation(reference, schedule.property.address, service, collectionDate, lang);
    return {
      status: 201,
      body: { reference },
      after: () => notify(deps, contact, reference, personalisation, deps.templates.missedCollectionEmail, deps.templates.missedCollectionSms, lang),
    };
  });
}

/**
 * `POST /waste/container-requests`: stores the request; when the council's charge rule applies,
 * answers a `paymentUrl` (the API never takes payment itself). The confirmation is written in
 * `lang`, the language of the form.
 */
export async function requestContainer(
  deps: SubmissionDeps,
  request: ContainerRequest,
  idempotency: IdempotencyRequest,
  lang: Lang = 'en',
): Promise<Outcome<SubmissionReceipt>> {
  const today = deps.clock.today();
  const now = deps.clock.now();
  return idempotent<SubmissionReceipt>(deps.db, idempotency, now, async (trx) => {
    const { uprn, containerId, reason, contact } = request;
    const schedule = await PropertySchedule.load(trx, uprn, today, today, today, deps.config.bankHolidayDivision);
    if (!schedule) return unknownProperty();
    const service = schedule.service(containerId);
    if (!service) {
      return {
        problem: problems.validation('This property does not have this collection, so it cannot have the container.', [
          { path: '/containerId', message: 'This property does not have this collection' },
        ]),
      };
    }
    if (!schedule.collects(service)) return { problem: wasteProblems.subscriptionRequired('/containerId') };

    const charged = deps.config.containerCharges[containerId]?.includes(reason) ?? false;
    const reference = await claimReference(trx, 'container-request', now, deps.newReference);
    // With GOV.UK Pay the payment is created once this is stored (payment-receipt.ts); without, a link.
    const paymentUrl = charged && !deps.config.pay ? `${deps.config.paymentUrlBase}/${reference}` : undefined;
    await trx
      .insertInto('container_requests')
      .values({
        reference,
        uprn,
        container_id: containerId,
        reason,
        charged: charged ? 1 : 0,
        payment_url: paymentUrl ?? null,
        contact_email: contact.email ?? null,
        contact_phone: contact.phone ?? null,
        created_at: now.toISOString(),
      })
      .execute();
    // With GOV.UK Pay, a charged request reaches the back office once paid (`enqueueWhenPaid`).
    if (!charged || !deps.config.pay) await enqueueContainerRequested(trx, reference, now);
    const personalisation = {
      ...containerRequestPersonalisation(reference, schedule.property.address, service, reason, paymentUrl, lang),
      ...(charged ? { payment_required: 'yes' } : {}),
    };
    return {
      status: 201,
      body: paymentUrl ? { reference, paymentUrl } : { reference },
      after: () => notify(deps, contact, reference, personalisation, deps.templates.containerRequestEmail, deps.templates.containerRequestSms, lang),
    };
  });
}

/** The resident's contact details for the back office: null where not given. */
const contactOf = (contact: Contact) => ({ email: contact.email ?? null, phone: contact.phone ?? null });

/**
 * Confirms a submission to the contact details the resident gave (none given: nothing sent).
 * Texts go to mobiles only. A failure is logged (without the address or number) and does not
 * undo the submission, which is already stored.
 */
export async function notify(
  { notifier, logger }: Pick<SubmissionDeps, 'notifier' | 'logger'>,
  contact: Contact,
  reference: string,
  personalisation: Record<string, string>,
  emailTemplate: string,
  smsTemplate: string,
  lang: Lang,
): Promise<void> {
  const sends: [string, () => Promise<unknown>][] = [];
  if (contact.email) sends.push(['email', () => notifier.sendEmail(emailTemplate, contact.email!, { personalisation, reference }, lang)]);
  const mobile = parseUkMobile(contact.phone);
  if (mobile) sends.push(['sms', () => notifier.sendSms(smsTemplate, mobile, { personalisation, reference }, lang)]);
  for (const [channel, send] of sends) {
    try {
      await send();
    } catch (error) {
      logger.warn('notification failed', { channel, error: error instanceof Error ? error.name : 'unknown' });
    }
  }
}
