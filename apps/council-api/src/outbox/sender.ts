import type { Clock } from '../clock.js';
import type { CouncilDb } from '../db/database.js';
import type { Logger } from '../logger.js';
import { drainOutbox, type DrainResult } from './drain.js';
import type { OutboxClient } from './notify-client.js';
import type { NotifyTemplateIds } from './templates-file.js';

export interface OutboxSender {
  /** Drains until a pass claims less than a full batch (what each tick does). */
  drainOnce(): Promise<DrainResult>;
  /** Stops the interval and waits for a pass under way, so the database can be closed after. */
  stop(): Promise<void>;
}

export interface OutboxSenderOptions {
  db: CouncilDb;
  client: OutboxClient;
  templates: NotifyTemplateIds;
  clock: Pick<Clock, 'now'>;
  logger: Logger;
  /** How often to look for due messages (default 10 s). */
  intervalMs?: number;
  /** Messages per pass (default 50). */
  batch?: number;
}

/**
 * Runs {@link drainOutbox} on an unref'd interval (it never keeps a stopping process alive).
 * A tick while a pass is still running is skipped, so one instance never sends a row twice.
 */
export function startOutboxSender({ intervalMs = 10_000, batch = 50, ...drain }: OutboxSenderOptions): OutboxSender {
  let running: Promise<DrainResult> | undefined;
  const pass = async (): Promise<DrainResult> => {
    const total: DrainResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
    // Bounded, so a flood of messages does not hold the database pool for long in one tick.
    for (let i = 0; i < 20; i++) {
      const result = await drainOutbox({ ...drain, limit: batch });
      for (const key of Object.keys(total) as (keyof DrainResult)[]) total[key] += result[key];
      if (result.claimed < batch) break;
    }
    return total;
  };
  const drainOnce = (): Promise<DrainResult> => {
    running ??= pass().finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => {
    drainOnce().catch((error: unknown) => drain.logger.warn('notify outbox drain failed', { message: error instanceof Error ? error.message : String(error) }));
  }, intervalMs);
  timer.unref();
  return {
    drainOnce,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
