import { testToday } from '../../../scripts/test-today.mjs';

/**
 * The day the e2e suite lives on, for the council API (`COUNCIL_TODAY`, set in
 * playwright.config.ts) and the browser (`page.clock`, see `fixClock` in waste-support.ts):
 * `COUNCIL_TEST_TODAY` when set (`COUNCIL_TEST_TODAY=2027-05-31 npx playwright test`), else
 * today in Europe/London. Every date a test expects is computed from it or asked of the API
 * (see waste-support.ts and repairs-support.ts), so the suite passes on any day.
 */
export const councilToday: string = testToday;

/** Mid-morning that day: 10:30 UTC (10:30 in London in winter, 11:30 in summer). */
export const councilNow = new Date(`${councilToday}T10:30:00Z`);
