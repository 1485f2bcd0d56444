import type { ContainerPrices } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import { enqueueContainerRequested } from './handoff.js';
import type { PayableKind } from './payable-kinds.js';

/** A charged container request, as far as its payment cares. */
export interface ChargedRequest {
  reference: string;
  containerId: string;
}

/** The charged request `reference`, if there is one. */
export async function chargedRequest(db: CouncilDb, reference: string): Promise<ChargedRequest | undefined> {
  const row = await db
    .selectFrom('container_requests')
    .select(['reference', 'container_id'])
    .where('reference', '=', reference)
    .where('charged', '=', 1)
    .executeTakeFirst();
  return row && { reference: row.reference, containerId: row.container_id };
}

/**
 * Charged container requests: priced by `CONTAINER_PRICES` (read when the payment starts), named
 * on Pay's page by the container, handed to the back office once paid.
 */
export const containerRequestPayable: PayableKind = {
  kind: 'container-request',
  collection: 'container-requests',
  async find(deps, reference) {
    const request = await chargedRequest(deps.db, reference);
    if (!request) return undefined;
    const amount = deps.prices[request.containerId as keyof ContainerPrices] ?? 0;
    const names = await deps.db.selectFrom('waste_services').select(['name_en', 'name_cy']).where('id', '=', request.containerId).executeTakeFirst();
    return {
      reference,
      amount,
      description: {
        en: `Container request ${reference}: ${names?.name_en ?? request.containerId}`,
        cy: `Cais am gynhwysydd ${reference}: ${names?.name_cy ?? request.containerId}`,
      },
    };
  },
  whenPaid: (trx, reference, { now, amount }) => enqueueContainerRequested(trx, reference, now, { status: 'paid', amount }),
};
