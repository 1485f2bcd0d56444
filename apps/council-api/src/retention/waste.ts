import type { CouncilDb } from '../db/database.js';
import { inBatches } from './batches.js';

/**
 * Missed-collection reports and container requests have no status in this API: it hands them to
 * the crews and the back office, and nothing a resident or the API does changes them afterwards.
 * So they count as closed when made, and their clock starts at `created_at`. A missed bin is
 * collected within days, and a container delivered within weeks, so `RETENTION_DAYS` (90 by
 * default) after the report leaves the council's own back office, which keeps its record by its
 * own rules, ample time to ring the resident back.
 *
 * Purging blanks the contact details (the only personal data these rows hold) and keeps the
 * reference, UPRN, service or container, reason, dates and charge: what staff count, and what
 * still answers a duplicate report with its first reference.
 */
export async function purgeWasteContacts(db: CouncilDb, cutoff: string, size: number): Promise<{ missedCollections: number; containerRequests: number }> {
  const missedCollections = await blankContacts(db, 'missed_collection_reports', cutoff, size);
  const containerRequests = await blankContacts(db, 'container_requests', cutoff, size);
  return { missedCollections, containerRequests };
}

/** Blanks the contact details of a waste table's rows made before `cutoff`, a batch at a time. */
function blankContacts(db: CouncilDb, table: 'missed_collection_reports' | 'container_requests', cutoff: string, size: number): Promise<number> {
  return inBatches(size, async (limit) => {
    const batch = await db
      .selectFrom(table)
      .select('reference')
      .where('created_at', '<', cutoff)
      .where((eb) => eb.or([eb('contact_email', 'is not', null), eb('contact_phone', 'is not', null)]))
      .orderBy('reference')
      .limit(limit)
      .execute();
    if (!batch.length) return 0;
    await db
      .updateTable(table)
      .set({ contact_email: null, contact_phone: null })
      .where('reference', 'in', batch.map((row) => row.reference))
      .execute();
    return batch.length;
  });
}
