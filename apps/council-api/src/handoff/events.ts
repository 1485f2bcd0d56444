/** The events the back office receives, one per accepted submission or change. */
export const handoffEventTypes = ['missed-collection.reported', 'container.requested', 'repair.reported', 'repair.rescheduled', 'repair.cancelled', 'garden-subscription.requested', 'bulky.booked', 'bulky.rescheduled', 'bulky.cancelled'] as const;
export type HandoffEventType = (typeof handoffEventTypes)[number];

/** The envelope's version: bumped (and both sent for a while) when a field changes meaning or goes. */
export const HANDOFF_ENVELOPE_VERSION = 1;

/** What a service hands to `enqueueHandoff`: the event's type, the submission's reference and what the back office needs. */
export interface HandoffEvent {
  type: HandoffEventType;
  reference: string;
  data: Record<string, unknown>;
}

/** The JSON body POSTed to `HANDOFF_WEBHOOK_URL`. */
export interface HandoffEnvelope {
  /** The event id (UUID), also sent as `X-Council-Kit-Event-Id`: the same on every retry. */
  id: string;
  version: typeof HANDOFF_ENVELOPE_VERSION;
  type: HandoffEventType;
  /** ISO 8601, by the app's clock: when the submission was accepted. */
  occurredAt: string;
  /** Always holds `reference`. */
  data: Record<string, unknown>;
}
