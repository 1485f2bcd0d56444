import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { notBuilt, openStory, storybookBuilt, useSharedPage, useStorybookServer } from './storybook-support.ts';

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
// Each state is a Storybook story, played to that state against the stories' fixed fake API.
// The stories pass each element the fixtures' "today" (Monday 23 November 2026) or `now`; the
// browser's clock is fixed to the same morning too, so no date in a baseline moves.

const fixtureNow = new Date('2026-11-23T10:30:00Z');

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
  'cy-repair-report': 'patterns-housing-repairs-report-a-repair--welsh',
};

test.describe('accessibility tree of each key state', () => {
  test.skip(!storybookBuilt, notBuilt);
  const base = useStorybookServer();
  const shared = useSharedPage({ viewport: { width: 1280, height: 800 } }, (page) => page.clock.setFixedTime(fixtureNow));

  for (const [name, id] of Object.entries(states)) {
    test(`${name} (${id})`, async () => {
      const page = shared();
      await openStory(page, base(), id);
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
