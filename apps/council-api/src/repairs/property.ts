import type { RepairProperty, RepairStatus } from '@council-kit/contracts';
import type { CouncilDb } from '../db/database.js';
import type { Lang } from '../http/lang.js';

/** Repairs still open count as "already reported": a neighbour should not report them again. */
const OPEN: RepairStatus[] = ['booked', 'awaiting-appointment'];

/** Whether the council is the landlord of this property; undefined for an unknown UPRN. */
export async function councilOwnership(db: CouncilDb, uprn: string): Promise<boolean | undefined> {
  const property = await db.selectFrom('addresses').select(['council_owned']).where('uprn', '=', uprn).executeTakeFirst();
  return property ? property.council_owned === 1 : undefined;
}

/**
 * `GET /repairs/properties/{uprn}`: whether the council is the landlord, and the communal
 * repairs open in the property's block (none for a private home: its neighbours' reports are
 * not its business, and it cannot report online anyway). Undefined for an unknown UPRN.
 * Anyone may ask about any UPRN, so each repair is what, where, when and its status: never its
 * reference (once enough, with the block's postcode, to cancel it) or its description.
 */
export async function repairProperty(db: CouncilDb, uprn: string, lang: Lang): Promise<RepairProperty | undefined> {
  const property = await db.selectFrom('addresses').select(['uprn', 'line1', 'line2', 'town', 'postcode', 'council_owned', 'block_id']).where('uprn', '=', uprn).executeTakeFirst();
  if (!property) return undefined;
  const councilOwned = property.council_owned === 1;
  const communal =
    councilOwned && property.block_id
      ? await db
          .selectFrom('repairs')
          .select(['leaf_id', 'label_en', 'label_cy', 'location_label_en', 'location_label_cy', 'reported_on', 'status'])
          .where('block_id', '=', property.block_id)
          .where('communal', '=', 1)
          .where('status', 'in', OPEN)
          .orderBy('reported_on', 'desc')
          .orderBy('reference')
          .execute()
      : [];
  return {
    uprn: property.uprn,
    address: [property.line1, property.line2, property.town, property.postcode].filter(Boolean).join(', '),
    councilOwned,
    communalRepairs: communal.map((row) => ({
      leafId: row.leaf_id,
      label: lang === 'cy' ? row.label_cy : row.label_en,
      locationLabel: lang === 'cy' ? row.location_label_cy : row.location_label_en,
      reportedOn: row.reported_on,
      status: row.status,
    })),
  };
}
