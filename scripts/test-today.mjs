// "Today" for every test suite: COUNCIL_TEST_TODAY (YYYY-MM-DD) when set, else the real date in
// Europe/London. Suites hand it to the council API (COUNCIL_TODAY), to pages
// (<meta name="council-today">, see packages/core/src/clock.ts) and to their own fixtures, so
// `COUNCIL_TEST_TODAY=2028-02-29 npm test` runs everything as if that were today.
const given = process.env.COUNCIL_TEST_TODAY;
if (given !== undefined && given !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(given)) {
  throw new Error(`COUNCIL_TEST_TODAY must be YYYY-MM-DD, not "${given}"`);
}

function londonToday() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (/** @type {string} */ type) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The day every suite runs on, `YYYY-MM-DD`. */
export const testToday = given || londonToday();
