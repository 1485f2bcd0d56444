/** Rows purged per statement: small enough that no purge holds a long transaction or a big lock. */
export const DEFAULT_PURGE_BATCH = 500;

/**
 * Runs `batch` until it handles fewer than `size` rows, and returns how many it handled in all.
 * Each batch is its own statement (or short transaction), so a purge of a year's backlog never
 * holds one huge transaction: requests keep being answered between batches, and a purge cut off
 * half-way keeps what it did and finishes on its next run. A batch that handles nothing ends the
 * loop, so a selection that an update failed to change can never spin.
 */
export async function inBatches(size: number, batch: (size: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const handled = await batch(size);
    total += handled;
    if (handled < size || handled === 0) return total;
  }
}

/** The instant `days` whole days of 24 hours before `now`, as stored timestamps are written (ISO 8601, UTC). */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
