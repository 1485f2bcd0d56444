import { todayInLondon } from '@council-kit/contracts';

/**
 * Where the API gets the date and the time from. Nothing else in `src/` reads the wall clock
 * (the one exception is the logger: a log line's time is when it was written, on purpose), so
 * a fixed or movable clock runs the whole API as if it were another day: answers, timestamps
 * it stores, the purges of old photos and idempotency keys, and the seed's demo data.
 */
export interface Clock {
  /** Today's date in Europe/London, `YYYY-MM-DD`. Read once per request. */
  today(): string;
  /**
   * The current instant, for timestamps (`created_at`, `updated_at`, `loaded_at`, a calendar's
   * `DTSTAMP`) and for "older than" purges. Always on the day `today()` gives, in Europe/London.
   */
  now(): Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The real time: read here and nowhere else in the API (bar the logger). */
function realNow(): Date {
  return new Date();
}

/** The real date and time, Europe/London. */
export const systemClock: Clock = {
  today: () => todayInLondon(realNow()),
  now: realNow,
};

/**
 * Always the same day (`COUNCIL_TODAY`, tests, demos). Its `now()` is that day at the real time
 * of day in Europe/London, so timestamps still advance as the process runs and ordering by time
 * holds, and every timestamp falls on the fixed day (`todayInLondon(now()) === today()`, also
 * on the days the clocks change). It never goes backwards: when the real time passes midnight
 * it stays at the last time it gave until the real time of day catches up (a fixed day has no
 * tomorrow). A rate-limit window measures real elapsed time instead (see `rate-limit.ts`).
 */
export function fixedClock(date: string): Clock {
  let last = Number.NEGATIVE_INFINITY;
  return {
    today: () => date,
    now: () => {
      last = Math.max(last, atLondonTimeOfDay(date, realNow()).getTime());
      return new Date(last);
    },
  };
}

/** The clock `COUNCIL_TODAY` asks for: fixed on that day when set, else the real one. */
export function configuredClock(councilToday: string | undefined): Clock {
  return councilToday ? fixedClock(councilToday) : systemClock;
}

const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** What a clock in London reads at `instant`, as milliseconds since 1970 counted as if it were UTC. */
function londonReading(instant: number): number {
  const parts = Object.fromEntries(londonFormat.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (((instant % 1000) + 1000) % 1000);
}

/**
 * The instant on `date` (`YYYY-MM-DD`, Europe/London) at the time of day a London clock shows at
 * `real`. On the day the clocks go back, a time in the repeated hour is its first (BST) one; on
 * the day they go forward, a time in the skipped hour is read as GMT (an hour later on the
 * clock), so the answer is always on `date` in London.
 */
export function atLondonTimeOfDay(date: string, real: Date): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const timeOfDay = ((londonReading(real.getTime()) % DAY) + DAY) % DAY;
  const wanted = Date.UTC(year, month - 1, day) + timeOfDay;
  for (const offset of [HOUR, 0]) {
    if (londonReading(wanted - offset) === wanted) return new Date(wanted - offset);
  }
  return new Date(wanted);
}
