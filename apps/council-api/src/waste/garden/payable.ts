import type { PayableKind } from '../payable-kinds.js';
import { enqueueGardenRequested } from './handoff.js';

/**
 * Garden waste subscriptions as a payable kind: the amount was fixed when the resident asked
 * (stored with the request); once paid, the property's subscription runs to the new end date
 * with the bins paid for, and the request goes to the back office.
 */
export const gardenSubscriptionPayable: PayableKind = {
  kind: 'garden-subscription',
  collection: 'garden-subscriptions',
  async find(deps, reference) {
    const row = await deps.db.selectFrom('garden_subscriptions').select(['reference', 'amount', 'bins', 'renewal']).where('reference', '=', reference).where('amount', '>', 0).executeTakeFirst();
    if (!row) return undefined;
    const bins = { en: row.bins === 1 ? '1 bin' : `${row.bins} bins`, cy: row.bins === 1 ? '1 bin' : `${row.bins} bin` };
    return {
      reference,
      amount: row.amount,
      description: {
        en: `Garden waste ${row.renewal ? 'renewal' : 'subscription'} ${reference}: ${bins.en}`,
        cy: `${row.renewal ? 'Adnewyddu' : 'Tanysgrifiad'} gwastraff gardd ${reference}: ${bins.cy}`,
      },
    };
  },
  async whenPaid(trx, reference, { now, amount }) {
    const row = await trx.selectFrom('garden_subscriptions').select(['uprn', 'bins', 'expires_on']).where('reference', '=', reference).executeTakeFirstOrThrow();
    await trx.updateTable('garden_subscriptions').set({ paid_at: now.toISOString() }).where('reference', '=', reference).execute();
    await trx
      .insertInto('waste_garden_subscriptions')
      .values({ uprn: row.uprn, status: 'active', expires_on: row.expires_on, bins: row.bins })
      .onConflict((oc) => oc.column('uprn').doUpdateSet({ status: 'active', expires_on: row.expires_on, bins: row.bins }))
      .execute();
    await enqueueGardenRequested(trx, reference, now, { status: 'paid', amount });
  },
};
