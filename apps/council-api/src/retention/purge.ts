import type { Clock } from '../clock.js';
import type { CouncilDb } from '../db/database.js';
import { purgeIdempotencyKeys } from '../http/idempotency.js';
import type { Logger } from '../logger.js';
import { purgeUnclaimedPhotos } from '../repairs/photos.js';
import { daysBefore, DEFAULT_PURGE_BATCH } from './batches.js';
import { purgeBulkyContacts } from './bulky.js';
import { purgeGardenContacts } from './garden.js';
import { purgeOldHandoffs } from './handoff.js';
import { purgeOutbox } from './outbox.js';
import { purgeClosedRepairs } from './repairs.js';
import { purgeWasteContacts } from './waste.js';

export interface PurgeOptions {
  db: CouncilDb;
  /** The app's clock: "older than" is by its `now()`, never the machine's. */
  clock: Clock;
  /** Days personal data is kept after a submission is closed (`RETENTION_DAYS`). */
  retentionDays: number;
  logger: Logger;
  /** Rows per statement (default {@link DEFAULT_PURGE_BATCH}); tests make it small to cross batch boundaries. */
  batchSize?: number;
}

/** How many rows one run purged, per kind. Counts only: the log line holds no personal data. */
export interface PurgeCounts {
  /** Missed-collection reports whose contact details were blanked. */
  missedCollections: number;
  /** Container requests whose contact details were blanked. */
  containerRequests: number;
  /** Garden waste subscription requests whose subscription had ended, their contact details blanked. */
  gardenSubscriptions: number;
  /** Bulky waste bookings collected or cancelled, their contact details and where-left text blanked. */
  bulkyBookings: number;
  /** Closed repairs whose description and contact details were blanked. */
  repairs: number;
  /** Photos of those repairs, deleted. */
  repairPhotos: number;
  /** Photos never attached to a repair, deleted after a day. */
  unclaimedPhotos: number;
  /** Notify messages whose recipient and personalisation were blanked. */
  notifyMessages: number;
  /** Idempotency keys (with the answers they kept), deleted after 48 hours. */
  idempotencyKeys: number;
  /** Back-office deliveries delivered, deleted (their bodies hold contact details). */
  handoffDeliveries: number;
}

/**
 * Keeps personal data only as long as it is needed: the one purge, run hourly by `startServer`
 * and once by `npm run purge`. Submissions closed more than `retentionDays` ago lose what
 * identifies or describes the resident (contact details, free text, photos, the messages sent
 * to them) and keep what staff count and what a reference still answers ("this was closed").
 * Idempotency keys go after 48 hours, unclaimed photos after a day, whatever `retentionDays` is.
 *
 * Idempotent (a second run finds nothing left to purge and counts 0) and batched (see
 * `inBatches`). Logs one line with the counts when it is done; throws on a database error,
 * after keeping whatever batches it finished.
 */
export async function purgeExpired({ db, clock, retentionDays, logger, batchSize = DEFAULT_PURGE_BATCH }: PurgeOptions): Promise<PurgeCounts> {
  const now = clock.now();
  const cutoff = daysBefore(now, retentionDays);
  const waste = await purgeWasteContacts(db, cutoff, batchSize);
  const repairs = await purgeClosedRepairs(db, cutoff, batchSize);
  const counts: PurgeCounts = {
    ...waste,
    ...repairs,
    gardenSubscriptions: await purgeGardenContacts(db, cutoff, batchSize),
    bulkyBookings: await purgeBulkyContacts(db, cutoff, batchSize),
    unclaimedPhotos: await purgeUnclaimedPhotos(db, now),
    notifyMessages: await purgeOutbox(db, cutoff, batchSize),
    idempotencyKeys: await purgeIdempotencyKeys(db, now, batchSize),
    handoffDeliveries: await purgeOldHandoffs(db, cutoff, batchSize),
  };
  logger.info('personal data purged', { retentionDays, closedBefore: cutoff, ...counts });
  return counts;
}
