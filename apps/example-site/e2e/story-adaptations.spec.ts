import { expect, test, type Page } from '@playwright/test';
import { notBuilt, openStory, stories, storybookBuilt, storyAxeViolations, storyNow, useSharedPage, useStorybookServer } from './storybook-support.ts';
import { wcagTags } from './support.ts';
import { installProbes } from './story-probes.ts';

// Every story of the Storybook static build, in the settings residents change to read and use
// a page: one load per story, played to its state, then checked in turn (see
// docs/accessibility-testing.md):
// 1. Reduced motion (the story loads with `prefers-reduced-motion: reduce`): nothing animates
//    or transitions for longer than 10 ms, and nothing asks for smooth scrolling.
// 2. Reflow (WCAG 1.4.10) at 320 CSS px: no horizontal scroll, nothing cut off or outside the
//    viewport, no text over other text or over a control. Then the same with WCAG 1.4.12 text
//    spacing (line height 1.5, paragraph spacing 2em, letter spacing 0.12em, word spacing
//    0.16em) in the page and in every shadow root.
// 3. Resize text (WCAG 1.4.4) at 1280px: text-only zoom to 200% (every element's computed font
//    size doubled, as Firefox's "Zoom text only" does; the elements size text in px, which
//    `html { font-size: 200% }` would not change, and page zoom at 200% is the 640px layout
//    that the 320px check already covers), then text spacing at 1280px too.
// 4. Forced colours (`forced-colors: active`): axe's WCAG 2.0–2.2 A and AA rules pass, every
//    button and text field keeps a visible edge, and every control shows an outline when
//    focused from the keyboard (forced colours drop box shadows and backgrounds, the default
//    look's focus style; an outline, even a transparent one, shows).

const narrow = { width: 320, height: 640 };

const soft = expect.configure({ soft: true, timeout: 3_000 });

/** Polls a probe until it reports nothing (layout may still settle after a resize). */
async function expectNone(page: Page, what: string, probe: () => string[]): Promise<void> {
  await soft.poll(() => page.evaluate(probe), { message: what }).toEqual([]);
}

test.describe('every story adapts to the reader', () => {
  test.skip(!storybookBuilt, notBuilt);
  const base = useStorybookServer();
  // On the test day, like the rest of the suite: the waste stories' dates (and so their length
  // at 320px) come from it.
  const shared = useSharedPage({ viewport: narrow, reducedMotion: 'reduce' }, (page) => Promise.all([page.addInitScript(installProbes), page.clock.setFixedTime(storyNow)]));

  // Each test starts narrow, with reduced motion and without forced colours.
  test.beforeEach(async () => {
    await shared().setViewportSize(narrow);
    await shared().emulateMedia({ reducedMotion: 'reduce', forcedColors: 'none' });
  });

  // The probes find what they look for: the same checks over a story spoiled on purpose.
  test('the probes catch clipping, overflow, overlap, motion, axe violations, missing edges and missing focus outlines', async () => {
    const page = shared();
    await openStory(page, base(), 'patterns-address-lookup--results');
    await page.evaluate(() => {
      const host = document.querySelector('council-address-lookup')!;
      const spoilt = new CSSStyleSheet();
      spoilt.replaceSync(`
        .button { border: 0; transition: background-color 0.3s; }
        .button:focus-visible, .select:focus { outline: none; }
        .probe-clip { inline-size: 60px; overflow: hidden; white-space: nowrap; }
        .probe-wide { inline-size: 500px; }
        .probe-over { margin-block-start: -1.2em; }`);
      const root = host.shadowRoot!;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, spoilt];
      const add = (className: string, text: string) => {
        const div = document.createElement('div');
        div.className = className;
        div.textContent = text;
        root.append(div);
        return div;
      };
      add('probe-clip', 'A sentence far too long for its sixty pixel box');
      add('probe-wide', 'Wide');
      add('probe-over', 'Over the line before');
      add('probe-smooth', 'Smooth').scrollIntoView({ behavior: 'smooth' });
    });
    // Text spacing reaches into the shadow root; text-only zoom doubles every size.
    const text = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('council-address-lookup')!.shadowRoot!.querySelector('label')!);
        return { size: style.fontSize, letterSpacing: style.letterSpacing };
      });
    const before = await text();
    await page.evaluate(() => window.councilProbes.textSpacing(true));
    expect((await text()).letterSpacing).toBe(`${parseFloat(before.size) * 0.12}px`);
    await page.evaluate(() => window.councilProbes.textSpacing(false));
    await page.evaluate(() => window.councilProbes.textZoom(2));
    expect((await text()).size).toBe(`${parseFloat(before.size) * 2}px`);
    await page.evaluate(() => window.councilProbes.textZoom(1));
    expect(await text()).toEqual(before);

    const layout = (await page.evaluate(() => window.councilProbes.layoutProblems())).join('\n');
    expect(layout).toMatch(/the page scrolls horizontally/);
    expect(layout).toMatch(/div\.probe-clip .* cuts off its content/);
    expect(layout).toMatch(/div\.probe-wide .* reaches outside the 320px viewport/);
    expect(layout).toMatch(/text overlaps text: .*div\.probe-over/);
    const motion = (await page.evaluate(() => window.councilProbes.motionProblems())).join('\n');
    expect(motion).toMatch(/button\.button .* has a 0\.3s transition/);
    expect(motion).toMatch(/smooth scrolling asked for: scrollIntoView on <div>/);
    await page.emulateMedia({ forcedColors: 'active' });
    await page.evaluate(() => document.querySelector('council-address-lookup')!.shadowRoot!.append(document.createElement('img')));
    expect((await storyAxeViolations(page, base(), wcagTags)).join('\n')).toMatch(/^image-alt: /m);
    expect((await page.evaluate(() => window.councilProbes.controlProblems())).join('\n')).toMatch(/button\.button .* has no visible edge/);
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => window.councilProbes.focusProblems());
    expect(focus.problems.join('\n')).toMatch(/select#address.* shows no outline when focused/);
    expect(focus.problems.join('\n')).toMatch(/button\.button .* shows no outline when focused/);
  });

  for (const story of stories) {
    test(`${story.title} › ${story.name}: reduced motion, reflow, text size and spacing, forced colours`, async () => {
      test.setTimeout(60_000); // a story's play function, then five rounds of checks, on a shared machine
      const page = shared();
      const errors: string[] = [];
      const onError = (error: Error) => errors.push(error.message);
      page.on('pageerror', onError);
      await openStory(page, base(), story.id);

      await test.step('reduced motion: nothing animates', async () => {
        await expectNone(page, 'animations, transitions and smooth scrolling under reduced motion', () => window.councilProbes.motionProblems());
      });

      await test.step('320px: reflows without loss of content', async () => {
        await expectNone(page, 'reflow at 320px', () => window.councilProbes.layoutProblems());
        await page.evaluate(() => window.councilProbes.textSpacing(true));
        await expectNone(page, 'reflow at 320px with WCAG 1.4.12 text spacing', () => window.councilProbes.layoutProblems());
        await page.evaluate(() => window.councilProbes.textSpacing(false));
      });

      await test.step('1280px: text at 200%, and text spacing', async () => {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.evaluate(() => window.councilProbes.textZoom(2));
        await expectNone(page, 'text-only zoom to 200% at 1280px', () => window.councilProbes.layoutProblems());
        await page.evaluate(() => window.councilProbes.textZoom(1));
        await page.evaluate(() => window.councilProbes.textSpacing(true));
        await expectNone(page, 'WCAG 1.4.12 text spacing at 1280px', () => window.councilProbes.layoutProblems());
        await page.evaluate(() => window.councilProbes.textSpacing(false));
      });

      await test.step('forced colours: axe, control edges, focus outlines', async () => {
        await page.emulateMedia({ forcedColors: 'active' });
        expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
        const summary = await storyAxeViolations(page, base(), wcagTags);
        soft(summary, `axe in forced colours:\n${summary.join('\n')}`).toEqual([]);
        await expectNone(page, 'buttons and fields have a visible edge in forced colours', () => window.councilProbes.controlProblems());
        // One real key press makes the page's focus "keyboard" focus (:focus-visible) first.
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => window.councilProbes.focusProblems());
        soft(focus.problems, `focus outlines in forced colours:\n${focus.problems.join('\n')}`).toEqual([]);
        test.info().annotations.push({ type: 'focus', description: `${focus.checked} controls focused` });
      });

      page.off('pageerror', onError);
      expect(errors, 'no uncaught errors on the page').toEqual([]);
    });
  }
});
