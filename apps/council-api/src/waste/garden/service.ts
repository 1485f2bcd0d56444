import type { GardenReceipt, GardenSubscriptionRequest } from '@council-kit/contracts';
import type { Config } from '../../config.js';
import { idempotent, type IdempotencyRequest, type Outcome } from '../../http/idempotency.js';
import type { Lang } from '../../http/lang.js';
import { problems } from '../../http/problems.js';
import { claimReference } from '../../http/references.js';
import { wasteProblems } from '../problems.js';
import { notify, type SubmissionDeps } from '../service.js';
import { enqueueGardenRequested } from './handoff.js';
import { gardenSubscriptionPersonalisation } from './notifications.js';
import { gardenPosition } from './offer.js';
import { pricePerBin } from './pricing.js';

/** What a garden waste subscription needs beyond any waste submission's. */
export type GardenDeps = Omit<SubmissionDeps, 'config'> & { config: Pick<Config, 'garden' | 'pay' | 'bankHolidayDivision'> };

/**
 * `POST /waste/garden-subscriptions`: a new subscription or a renewal, priced by the server
 * (the same sums as the offer the resident saw) and stored once per `Idempotency-Key`. With
 * GOV.UK Pay the payment is started after this commits (`withPayment`) and the subscription
 * runs once it is paid; without, the back office gets it now and sends the resident a payment
 * link. The confirmation is written in `lang`, the language of the form.
 */
export async function subscribeGarden(deps: GardenDeps, request: GardenSubscriptionRequest, idempotency: IdempotencyRequest, lang: Lang): Promise<Outcome<GardenReceipt>> {
  const today = deps.clock.today();
  const now = deps.clock.now();
  const terms = deps.config.garden;
  return idempotent<GardenReceipt>(deps.db, idempotency, now, async (trx) => {
    const { uprn, bins, concession, contact } = request;
    const position = await gardenPosition(trx, terms, uprn, today, deps.config.bankHolidayDivision);
    if (!position) return { problem: problems.validation('No property in the council’s area has this UPRN.', [{ path: '/uprn', message: 'No property has this UPRN' }]) };
    if (!position.eligible) return { problem: wasteProblems.gardenNotAvailable() };
    const period = position.period!;
    if (!period.canSubscribe) return { problem: wasteProblems.gardenAlreadySubscribed(position.current!.expires, period.renewFrom) };
    const errors = [];
    if (bins > terms.maxBins) errors.push({ path: '/bins', message: `Choose from 1 to ${terms.maxBins} bins` });
    if (concession && !terms.concession) errors.push({ path: '/concession', message: 'The council has no concession for garden waste' });
    if (errors.length) return { problem: problems.validation('The request is not valid.', errors) };

    const amount = bins * pricePerBin(terms, period.months, concession);
    const reference = await claimReference(trx, 'garden-subscription', now, deps.newReference);
    await trx
      .insertInto('garden_subscriptions')
      .values({
        reference,
        uprn,
        bins,
        concession: concession ? 1 : 0,
        renewal: period.renewal ? 1 : 0,
        amount,
        starts_on: period.starts,
        expires_on: period.expires,
        collections_start: position.collectionsStart ?? null,
        contact_email: contact.email ?? null,
        contact_phone: contact.phone ?? null,
        lang,
        created_at: now.toISOString(),
        paid_at: null,
      })
      .execute();
    const payNow = !!deps.config.pay && amount > 0;
    // With GOV.UK Pay the back office hears once it is paid (garden/payable.ts); otherwise now.
    if (!payNow) await enqueueGardenRequested(trx, reference, now);
    const body: GardenReceipt = {
      reference,
      amount,
      renewal: period.renewal,
      starts: period.starts,
      expires: period.expires,
      ...(position.collectionsStart ? { collectionsStart: position.collectionsStart } : {}),
    };
    const personalisation = gardenSubscriptionPersonalisation(
      { ...body, address: position.address, bins, payNow, stickers: terms.stickers[lang] },
      lang,
    );
    return {
      status: 201,
      body,
      after: () =>
        notify(deps, contact, reference, personalisation, deps.templates.gardenSubscriptionEmail ?? 'garden-subscription-email', deps.templates.gardenSubscriptionSms ?? 'garden-subscription-sms', lang),
    };
  });
}
