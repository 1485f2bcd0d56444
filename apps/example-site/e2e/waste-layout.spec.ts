import { expect, test } from '@playwright/test';
import { answer, binDay, containerRequest, findProperty, fixClock, missedReport, openWastePage, reportableProperty, stepHeading, wastePages } from './waste-support.ts';

const elements = [
  { tag: 'council-bin-day', paths: wastePages.binDay },
  { tag: 'council-missed-bin-report', paths: wastePages.missed },
  { tag: 'council-container-request', paths: wastePages.newBin },
] as const;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // (Bin day has its own no-JavaScript journey instead: no-js-bin-day.spec.ts.)
  test('each waste form page still tells the resident what to do: a phone number and the contact page', async ({ page }) => {
    for (const { tag, paths } of elements.filter(({ tag }) => tag !== 'council-bin-day')) {
      await page.goto(paths.en);
      expect(await page.evaluate((name) => customElements.get(name), tag)).toBeUndefined();
      const fallback = page.locator(tag).locator('[data-fallback]');
      await expect(fallback).toBeVisible();
      await expect(fallback).toContainText('needs JavaScript, which is turned off or has not loaded');
      await expect(fallback.getByRole('link', { name: '01632 960 000' })).toHaveAttribute('href', 'tel:+441632960000');
      await fallback.getByRole('link', { name: 'contact us another way' }).click();
      await expect(page).toHaveURL('/contact/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact us');
    }
  });
});

for (const { tag, paths } of elements) {
  test(`<${tag}>: the fallback and the upgraded element take the same space, so nothing below moves (CLS 0)`, async ({ browser }) => {
    for (const path of [paths.en, paths.cy]) {
      for (const width of [320, 1280]) {
        const heights: number[] = [];
        for (const javaScriptEnabled of [false, true]) {
          const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 800 } });
          const page = await context.newPage();
          await page.goto(path);
          if (javaScriptEnabled) await expect(page.locator(tag).locator('#postcode')).toBeVisible();
          else await expect(page.locator(tag).locator('[data-fallback]')).toBeVisible();
          heights.push((await page.locator(tag).boundingBox())!.height);
          await context.close();
        }
        expect(heights[1], `${path} at ${width}px: upgraded ${heights[1]}px, fallback ${heights[0]}px`).toBeCloseTo(heights[0]!, 0);
      }
    }
  });
}

test('320px: the collections and the question pages never scroll sideways', async ({ page }) => {
  await fixClock(page);
  // The missed-bin question at the end needs a collection that can be reported today.
  const property = await reportableProperty(page.request, 'narrow screen');
  await page.setViewportSize({ width: 320, height: 640 });
  const noSideways = () => expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await openWastePage(page, wastePages.binDay.en);
  await findProperty(page, property);
  await expect(stepHeading(binDay(page))).toHaveText(`Bin collections for ${property.address}`);
  await noSideways();

  await page.goto(wastePages.newBin.en);
  // The property is remembered for the session: the first question shows straight away.
  await expect(stepHeading(containerRequest(page))).toHaveText('Which bin or container do you need?');
  await answer(containerRequest(page), 'Recycling bin (green with a blue lid)');
  await answer(containerRequest(page), 'I need an additional one');
  await containerRequest(page).getByRole('button', { name: 'Continue' }).click();
  await expect(stepHeading(containerRequest(page))).toHaveText('Check your answers before sending');
  await noSideways();

  await page.goto(wastePages.missed.cy);
  await expect(stepHeading(missedReport(page))).toHaveText('Pa gasgliad a fethwyd?');
  await noSideways();
});
