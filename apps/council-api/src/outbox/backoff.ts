/**
 * How long to wait before trying a message again after its n-th attempt met a 5xx, a 429 or a
 * network error: 1 minute, 5 minutes, 30 minutes, 2 hours, 6 hours. After the last, the message
 * is `failed` (about 8.5 hours of Notify being away, longer than its usual incidents).
 */
export const retryDelaysMs: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

/** Most attempts a message gets: the first and one per delay. */
export const maxAttempts = retryDelaysMs.length + 1;

/** When to try again after `attempts` attempts, or undefined when none is left. */
export function nextAttemptAt(attempts: number, now: Date): Date | undefined {
  const delay = retryDelaysMs[attempts - 1];
  return delay === undefined ? undefined : new Date(now.getTime() + delay);
}

/**
 * A message not sent this long after it was written is not sent at all (`failed`, for staff to
 * follow up): when a council first sets `NOTIFY_API_KEY` on an outbox that has filled for months,
 * residents must not get a pile of stale confirmations. Longer than the retries take.
 */
export const maxAgeMs = 48 * 3_600_000;
