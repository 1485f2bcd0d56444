import { FIRST_CHECK_MS, GIVE_UP_MS, refreshPayment, type CheckDeps } from './payments.js';

/*
 * For residents who pay and never come back to the council's page (they close the tab): one
 * pass over unfinished payments, asking GOV.UK Pay how each went and recording it. A payment is
 * first checked five minutes after it was made, then again after as long as it has been waiting
 * (5, 10, 20, 40, 80 minutes), so a busy day does not become a flood of calls. Pay ends a
 * session after 90 minutes; a payment still unfinished (or never answered) after that and a
 * margin is recorded `error` and left alone. `startServer` runs this on an unref'd interval when
 * Pay is configured; tests call it directly with a clock they move.
 */

/** Checks up to `limit` unfinished payments that are due; answers how many it looked at. */
export async function pollPaymentsOnce({ limit = 50, ...deps }: CheckDeps & { limit?: number }): Promise<number> {
  const now = deps.clock.now();
  const rows = await deps.db
    .selectFrom('payments')
    .selectAll()
    .where('status', '=', 'created')
    .where('created_at', '<=', new Date(now.getTime() - FIRST_CHECK_MS).toISOString())
    .orderBy('created_at')
    .limit(limit * 4)
    .execute();
  const due = rows.filter((row) => {
    if (!row.checked_at) return true;
    const waited = Date.parse(row.checked_at) - Date.parse(row.created_at);
    return now.getTime() - Date.parse(row.checked_at) >= Math.max(FIRST_CHECK_MS, waited);
  });
  let looked = 0;
  for (const row of due.slice(0, limit)) {
    looked++;
    const after = await refreshPayment(deps, row);
    if (after.status === 'created' && now.getTime() - Date.parse(row.created_at) >= GIVE_UP_MS) {
      const at = now.toISOString();
      await deps.db
        .updateTable('payments')
        .set({ status: 'error', next_url: null, updated_at: at, checked_at: at })
        .where('reference', '=', row.reference)
        .where('attempt', '=', row.attempt)
        .where('status', '=', 'created')
        .execute();
    } else if (after === row) {
      // Pay did not answer (or there is nothing to ask about): note the try, so the backoff holds.
      await deps.db
        .updateTable('payments')
        .set({ checked_at: now.toISOString() })
        .where('reference', '=', row.reference)
        .where('attempt', '=', row.attempt)
        .where('status', '=', 'created')
        .execute();
    }
  }
  return looked;
}
