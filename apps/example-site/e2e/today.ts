/**
 * The day the waste tests live on, for the council API (`COUNCIL_TODAY`, set in
 * playwright.config.ts) and the browser (`page.clock`, see `fixClock` in waste-support.ts).
 *
 * Wednesday 25 November 2026: AN1 1AA is collected on Tuesdays, so yesterday (Tuesday
 * 24 November) was a rubbish and food day, and those collections can still be reported missed
 * until the end of Thursday 26 November (the second working day after). Recycling and garden
 * waste were last collected on Tuesday 17 November, so their window has closed. The next
 * collections are Tuesday 1 December (food, recycling, garden: "in 6 days") and Tuesday
 * 8 December (rubbish). No bank holiday is near, so no date has moved.
 */
export const councilToday = '2026-11-25';

/** Mid-morning in London (GMT in November) on that day. */
export const councilNow = new Date(`${councilToday}T10:30:00Z`);
