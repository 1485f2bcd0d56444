/** Where a delivery to the back office stands (see `deliver.ts`). */
export type HandoffStatus = 'pending' | 'delivering' | 'delivered' | 'dead';

/** The back-office outbox (migration 0008): one event to POST to `HANDOFF_WEBHOOK_URL`. */
export interface HandoffDeliveriesTable {
  /** UUID: the envelope's `id` and the `X-Council-Kit-Event-Id` header. */
  event_id: string;
  /** e.g. `repair.reported` (see `HandoffEventType`). */
  type: string;
  /** The submission's reference. */
  reference: string;
  /** The JSON envelope exactly as signed and sent. */
  body: string;
  status: HandoffStatus;
  /** Attempts started so far (counted when claimed, so a crash mid-attempt still counts). */
  attempts: number;
  /** ISO 8601: not tried again before then. */
  next_attempt_at: string;
  /** ISO 8601, while `delivering`: the claim's lease. */
  claimed_until: string | null;
  /** The last failure: `HTTP 503`, `TimeoutError`…; never a body. */
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}
