import { todayInLondon } from '@council-kit/contracts';

/** Where the API gets "today" from: the real date in Europe/London, or a fixed one for tests and demos. */
export interface Clock {
  /** Today's date in Europe/London, `YYYY-MM-DD`. Called once per request. */
  today(): string;
}

/** The real date in Europe/London. */
export const systemClock: Clock = { today: () => todayInLondon(new Date()) };

/** Always the same day (`COUNCIL_TODAY`, tests). */
export function fixedClock(date: string): Clock {
  return { today: () => date };
}
