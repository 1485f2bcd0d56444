import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  binDay,
  containerRequest,
  expectFocusOnStepHeading,
  findProperty,
  fixClock,
  missedReport,
  reportableProperty,
  stepHeading,
  wastePages,
  type Lang,
} from './waste-support.ts';
import { choose, repairAppointment, repairReport, repairsPages, seedRepairs } from './repairs-support.ts';

// Journeys inside the page (issue 16): on a phone, once the resident is past the first
// question, the page's introduction, "What you need" and the emergency box give way, each
// question starts at the top of the screen with the element's Back link first, and focus is on
// the question's heading. Back to the first question brings the introduction back. The pages
// do this by listening to `council-step-change` (src/scripts/journey-in-page.ts). Bin day, not
// a question journey, hides its intro while it shows a property (src/scripts/bin-day-in-page.ts).

test.use({ viewport: { width: 375, height: 667 } });

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

/** One journey page: its first and second questions, and how to answer the first. */
interface Journey {
  name: string;
  path: Record<Lang, string>;
  host(page: Page): Locator;
  first: Record<Lang, string>;
  second: Record<Lang, string>;
  /** Answers the first question and presses its Continue (or the element's own button). */
  answerFirst(page: Page, host: Locator, lang: Lang): Promise<void>;
}

const journeys: Journey[] = [
  {
    name: 'report a missed bin',
    path: wastePages.missed,
    host: missedReport,
    first: { en: 'Find the property', cy: 'Dod o hyd i’r eiddo' },
    second: { en: 'Which collection was missed?', cy: 'Pa gasgliad a fethwyd?' },
    // A property with a collection to report today, so the second page is the question (the
    // narrow-screen test's: nothing is sent here, so sharing it changes nothing for that test).
    answerFirst: async (page) => findProperty(page, await reportableProperty(page.request, 'narrow screen')),
  },
  {
    name: 'order a new bin',
    path: wastePages.newBin,
    host: containerRequest,
    first: { en: 'Find the property', cy: 'Dod o hyd i’r eiddo' },
    second: { en: 'Which bin or container do you need?', cy: 'Pa fin neu gynhwysydd sydd ei angen arnoch?' },
    answerFirst: (page) => findProperty(page, '9 High Street'),
  },
  {
    name: 'report a repair',
    path: repairsPages.report,
    host: repairReport,
    first: { en: 'Is this an emergency?', cy: 'A yw hwn yn argyfwng?' },
    second: { en: 'Are you a tenant or a leaseholder?', cy: 'Ydych chi’n denant neu’n lesddeiliad?' },
    answerFirst: (_page, host, lang) => choose(host, lang === 'en' ? 'No, none of these' : 'Na, dim un o’r rhain'),
  },
  {
    name: 'manage a repair appointment',
    path: repairsPages.appointment,
    host: repairAppointment,
    first: { en: 'Find your repair', cy: 'Dod o hyd i’ch gwaith trwsio' },
    second: { en: `Repair ${seedRepairs.completed}`, cy: `Gwaith trwsio ${seedRepairs.completed}` },
    // The completed repair: no other test changes it.
    answerFirst: async (_page, host, lang) => {
      const en = lang === 'en';
      await host.getByLabel(en ? 'Repair reference' : 'Cyfeirnod y gwaith trwsio').fill(seedRepairs.completed);
      await host.getByLabel(en ? 'Postcode of the property' : 'Cod post yr eiddo').fill('AN1 1AA');
      await host.getByRole('button', { name: en ? 'Find repair' : 'Dod o hyd i’r gwaith trwsio' }).click();
    },
  },
];

/** The page's introduction ("What you need", the emergency box…), as the page marks it. */
const intro = (page: Page): Locator => page.locator('[data-journey-intro]');

/** True when the first thing the element shows, in reading order, is its Back link. */
function backLinkComesFirst(host: Locator): Promise<boolean> {
  return host.evaluate((element) => {
    const root = element.shadowRoot!;
    const back = root.querySelector('.back-link');
    // The first visible element with no element inside it: what a resident meets first.
    const first = [...root.querySelectorAll('*')].find((node) => !node.firstElementChild && node.checkVisibility() && node.getBoundingClientRect().height > 0);
    return !!back && first === back;
  });
}

for (const journey of journeys) {
  for (const lang of ['en', 'cy'] as const) {
    test(`${journey.name} (${lang}): past the first question the intro gives way, the question starts the screen, Back brings the intro back`, async ({ page }) => {
      await page.goto(journey.path[lang]);
      const host = journey.host(page);
      await expect(stepHeading(host)).toHaveText(journey.first[lang]);
      await expect(intro(page)).toBeVisible();

      await journey.answerFirst(page, host, lang);
      await expect(stepHeading(host)).toHaveText(journey.second[lang]);
      await expectFocusOnStepHeading(page, journey.second[lang]);
      await expect(intro(page)).toBeHidden();
      // The whole heading, and the Back link above it, on the first screen at 375px.
      await expect(stepHeading(host)).toBeInViewport({ ratio: 1 });
      const back = host.getByRole('button', { name: lang === 'en' ? 'Back' : 'Yn ôl' });
      await expect(back).toBeInViewport({ ratio: 1 });
      expect(await backLinkComesFirst(host)).toBe(true);

      await back.click();
      await expect(stepHeading(host)).toHaveText(journey.first[lang]);
      await expect(intro(page)).toBeVisible();
      await expectFocusOnStepHeading(page, journey.first[lang]);
    });
  }
}

test('the intro stays hidden when a journey is restored on reload, and focus stays where the browser puts it', async ({ page }) => {
  const [, newBin] = journeys;
  await page.goto(newBin!.path.en);
  const host = newBin!.host(page);
  await newBin!.answerFirst(page, host, 'en');
  await expect(stepHeading(host)).toHaveText(newBin!.second.en);
  await expect(intro(page)).toBeHidden();

  await page.reload();
  await expect(stepHeading(host)).toHaveText(newBin!.second.en);
  await expect(intro(page)).toBeHidden();
  // The resident has not moved: the element takes no focus on its first render.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

for (const lang of ['en', 'cy'] as const) {
  test(`find your bin day (${lang}): the intro gives way once the collections show, and comes back with Change address`, async ({ page }) => {
    await page.goto(wastePages.binDay[lang]);
    const postcode = binDay(page).locator('council-address-lookup #postcode');
    await expect(postcode).toBeVisible();
    await expect(intro(page)).toBeVisible();

    await findProperty(page, '9 High Street');
    await expectFocusOnStepHeading(page, /9 High Street/);
    await expect(intro(page)).toBeHidden();
    await expect(stepHeading(binDay(page))).toBeInViewport({ ratio: 1 });

    await binDay(page).getByRole('button', { name: lang === 'en' ? 'Change address' : 'Newid cyfeiriad' }).click();
    await expect(postcode).toBeVisible();
    await expect(intro(page)).toBeVisible();
  });
}
