import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { addDays, weekdayOf } from '@council-kit/contracts';
import { formatDate } from '@council-kit/core';
import { notBuilt, openStory, storybookBuilt, storyNow, useSharedPage, useStorybookServer } from './storybook-support.ts';
import { councilToday } from './today.ts';

// The accessibility tree of each pattern's key states, as a screen reader meets it: roles,
// names, states, headings and the live region's words (Playwright's `ariaSnapshot()`), compared
// as text with baselines committed in aria-snapshots/. The comparison is exact: a changed,
// added or removed name, role, state or announcement fails here and shows up in review as a
// diff of one .aria.yml file. (`toMatchAriaSnapshot` would write numbers as regular expressions
// and let extra children pass, so a changed count or a new announcement could slip through.)
// When a change is meant, rewrite the baselines with
//   npx playwright test e2e/aria-snapshots.spec.ts --update-snapshots
// and read their diff before committing it. A missing baseline is written and fails the test.
//
// Each state is a Storybook story, played to that state against the stories' fake API. The
// browser's clock is fixed to 10:30 on the test day (COUNCIL_TEST_TODAY, else today). The waste
// stories are dated from that day (apps/storybook/stories/support/today.ts), so in their states
// every date is written as a token relative to it before comparing: "Tuesday 24 November" the
// day after the test day is `{today+1}`, "Bob yn ail ddydd Mawrth" is "Bob yn ail ddydd
// {weekday today+1 cy}" (see `relativeDates`). The repairs stories use fixed fixture dates, kept
// as they are.

const baselines = path.join(path.dirname(fileURLToPath(import.meta.url)), 'aria-snapshots');

/** Baseline name → story id. English first, then a few in Welsh. */
const states: Record<string, string> = {
  'address-lookup-start': 'patterns-address-lookup--default',
  'address-lookup-error-summary': 'patterns-address-lookup--invalid-postcode',
  'address-lookup-address-list': 'patterns-address-lookup--results',
  'address-lookup-selected': 'patterns-address-lookup--selected',
  'bin-day-results': 'patterns-waste-bin-day--with-property',
  'missed-bin-question': 'patterns-waste-missed-bin-report--service-question',
  'missed-bin-error-summary': 'patterns-waste-missed-bin-report--error-summary',
  'missed-bin-check-answers': 'patterns-waste-missed-bin-report--check-answers',
  'missed-bin-confirmation': 'patterns-waste-missed-bin-report--confirmation',
  'container-request-choose': 'patterns-waste-container-request--choose-container',
  'container-request-check-answers': 'patterns-waste-container-request--check-answers-with-charge',
  'container-request-confirmation': 'patterns-waste-container-request--confirmation-free',
  'garden-waste-bins': 'patterns-waste-garden-waste--bins',
  'garden-waste-check-answers': 'patterns-waste-garden-waste--check-answers',
  'garden-waste-confirmation': 'patterns-waste-garden-waste--confirmation-link-to-follow',
  'directory-search-results': 'patterns-directory-directory-search--keyword-search',
  'directory-search-no-results': 'patterns-directory-directory-search--no-results',
  'service-detail': 'patterns-directory-service-detail--full-record',
  'repair-report-first-page': 'patterns-housing-repairs-report-a-repair--emergency-screen',
  'repair-report-check-answers': 'patterns-housing-repairs-report-a-repair--check-answers',
  'repair-report-confirmation': 'patterns-housing-repairs-report-a-repair--confirmation',
  'repair-appointment-booked': 'patterns-housing-repairs-repair-appointment--booked',
  'cy-address-lookup': 'patterns-address-lookup--welsh',
  'cy-bin-day': 'patterns-waste-bin-day--welsh',
  'cy-missed-bin-report': 'patterns-waste-missed-bin-report--welsh',
  'cy-garden-waste': 'patterns-waste-garden-waste--welsh',
  'cy-repair-report': 'patterns-housing-repairs-report-a-repair--welsh',
};

/** The states whose stories are dated from the test day (the waste fixtures): their dates become tokens. */
const datedFromToday = new Set([
  'bin-day-results',
  'missed-bin-question',
  'missed-bin-error-summary',
  'missed-bin-check-answers',
  'missed-bin-confirmation',
  'cy-bin-day',
  'cy-missed-bin-report',
]);

/** "today", "today+1", "today-3". */
const fromToday = (days: number): string => (days === 0 ? 'today' : `today${days > 0 ? '+' : ''}${days}`);

/**
 * Every way `formatDate` writes the days the waste fixtures use (60 before the test day to 60
 * after), in English and Welsh, with and without the weekday and the year, each with its token:
 * `{today+1}` for the elements' usual "Tuesday 24 November", with `cy`, `no-weekday` and
 * `with-year` when it is written otherwise, so a date that changes language or form still
 * changes the baseline.
 */
const dateTokens: Map<string, string> = (() => {
  const tokens = new Map<string, string>();
  for (let days = -60; days <= 60; days++) {
    for (const lang of ['en', 'cy'] as const) {
      for (const weekday of [true, false]) {
        for (const year of [false, true]) {
          const flags = [lang === 'cy' ? 'cy' : '', weekday ? '' : 'no-weekday', year ? 'with-year' : ''].filter(Boolean);
          const date = formatDate(addDays(councilToday, days), lang, { weekday, year });
          tokens.set(date, `{${[fromToday(days), ...flags].join(' ')}}`);
          // Mid-sentence, as the catalogues mark it: "tan ddiwedd dydd Iau" ({date|lower}), "ar
          // ddydd Iau" ({date|lower|soft}).
          if (lang === 'cy' && weekday) {
            tokens.set(date.replace(/^Dydd/, 'dydd'), `{${[fromToday(days), ...flags, 'lower'].join(' ')}}`);
            tokens.set(date.replace(/^Dydd/, 'ddydd'), `{${[fromToday(days), ...flags, 'lower soft'].join(' ')}}`);
          }
        }
      }
    }
  }
  return tokens;
})();
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, and never inside a longer word or number ("4 December" in "14 December"). */
const datePattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...dateTokens.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
const weekdayNames = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: ['Sul', 'Llun', 'Mawrth', 'Mercher', 'Iau', 'Gwener', 'Sadwrn'],
};
/** The next day (from the test day on) that falls on weekday `index` (0 = Sunday), as a token. */
const weekdayToken = (index: number, lang: 'en' | 'cy'): string => `{weekday ${fromToday((index - weekdayOf(councilToday) + 7) % 7)}${lang === 'cy' ? ' cy' : ''}}`;

/**
 * The snapshot with every date relative to the test day, then every weekday name left on its
 * own (frequencies: "Every other Tuesday"; in Welsh after "dydd" or its mutation "ddydd").
 */
function relativeDates(snapshot: string): string {
  return snapshot
    .replace(datePattern, (date) => dateTokens.get(date)!)
    .replace(new RegExp(`\\b(${weekdayNames.en.join('|')})\\b`, 'g'), (name) => weekdayToken(weekdayNames.en.indexOf(name), 'en'))
    .replace(new RegExp(`(?<=\\bd?dydd )(${weekdayNames.cy.join('|')})\\b`, 'g'), (name) => weekdayToken(weekdayNames.cy.indexOf(name), 'cy'));
}

test.describe('accessibility tree of each key state', () => {
  test.skip(!storybookBuilt, notBuilt);
  const base = useStorybookServer();
  const shared = useSharedPage({ viewport: { width: 1280, height: 800 } }, (page) => page.clock.setFixedTime(storyNow));

  for (const [name, id] of Object.entries(states)) {
    test(`${name} (${id})`, async () => {
      const page = shared();
      await openStory(page, base(), id);
      if (datedFromToday.has(name)) {
        // The stories' day: the build's COUNCIL_TEST_TODAY, else the page clock (the test day).
        const storyDay = await page.evaluate(() => document.querySelector('meta[name="council-today"]')?.getAttribute('content'));
        expect(storyDay, `the stories' today is the test day (was Storybook built with another COUNCIL_TEST_TODAY? rebuild it)`).toBe(councilToday);
      }
      // The tree, and what the page's one live region (core's announcer, outside the story root)
      // says now, once neither changes any more: an announcement lands a moment after what
      // caused it, and replaces one still waiting (so only the last is certain to be said).
      let previous = '';
      let snapshot = '';
      await expect
        .poll(
          async () => {
            const tree = await page.locator('#storybook-root').ariaSnapshot();
            const said = await page.evaluate(() => document.querySelector('[data-council-announcer]')?.textContent ?? '');
            snapshot = `${tree}\n# The polite live region says: ${said || '(nothing)'}`;
            const settled = snapshot === previous;
            previous = snapshot;
            return settled;
          },
          { intervals: [250], timeout: 15_000, message: `the accessibility tree of ${id} settles` },
        )
        .toBe(true);
      // Links the elements resolve against the page carry the static server's free port.
      snapshot = `${snapshot.replaceAll(new URL(base()).host, 'storybook.test')}\n`;
      if (datedFromToday.has(name)) snapshot = relativeDates(snapshot);
      const file = path.join(baselines, `${name}.aria.yml`);
      const update = test.info().config.updateSnapshots;
      if (!existsSync(file) || update === 'all' || update === 'changed') {
        mkdirSync(baselines, { recursive: true });
        const missing = !existsSync(file);
        writeFileSync(file, snapshot);
        expect(missing && update !== 'all' && update !== 'changed', `${file} was missing: written now, review and commit it`).toBe(false);
        return;
      }
      expect(snapshot, `accessibility tree of ${id} (baseline ${path.relative(process.cwd(), file)})`).toBe(readFileSync(file, 'utf8'));
    });
  }
});
