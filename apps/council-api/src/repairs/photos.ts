import { createHash, randomBytes } from 'node:crypto';
import type { CouncilDb } from '../db/database.js';
import type { ImageType } from './images.js';

/** Photos nobody attached to a repair within a day are deleted (the resident gave up, or someone is filling the disk). */
export const UNCLAIMED_PHOTO_HOURS = 24;

/**
 * Stores a checked photo under a random 128-bit id (22 base64url characters): unguessable, and
 * useless anyway, as no route serves photos back. Clears out stale unclaimed photos first:
 * "stale" and the new photo's `created_at` are both by `now` (the app clock's).
 */
export async function storePhoto(db: CouncilDb, bytes: Uint8Array, contentType: ImageType, now: Date): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await purgeUnclaimedPhotos(trx, now);
    await trx
      .insertInto('repair_photos')
      .values({
        id,
        repair_reference: null,
        content_type: contentType,
        size_bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        created_at: now.toISOString(),
      })
      .execute();
  });
  return id;
}

/**
 * Deletes photos no repair claimed within {@link UNCLAIMED_PHOTO_HOURS} of `now` (the app
 * clock's); returns how many. Run before each upload and by the hourly purge, so an abandoned
 * photo goes even when nobody uploads another.
 */
export async function purgeUnclaimedPhotos(db: CouncilDb, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('repair_photos')
    .where('repair_reference', 'is', null)
    .where('created_at', '<', new Date(now.getTime() - UNCLAIMED_PHOTO_HOURS * 3_600_000).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
