import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lookup, openLookup, search, watchForProblems, wcagTags } from './support.ts';
import { binDay, chooseAddress, findPostcode, fixClock, fullAddress, openWastePage, wastePages } from './waste-support.ts';
import { directorySearch, openDirectory, searchFor } from './directory-support.ts';
import { choose, openReport } from './repairs-support.ts';

// The elements on a council page whose own CSS is hostile: the kind of global rules a CMS theme
// or a careless stylesheet carries. The shadow DOM keeps selectors out, but inherited properties
// flow into it through the host; each element resets them on its host and top-level children
// (core's typography), and must still look right, work, and pass axe.
//
// What the elements guarantee is what core's typography resets: font family, size, weight and
// line height, colour, alignment, letter and word spacing, and case. Other inherited properties
// set on the host by a page (font-style, font-variant, white-space, text-indent) still reach in.
//
// The stylesheet is served from the site's own origin (so the strict CSP allows it, as a
// council's own stylesheet would be) and linked from each page's <head>.

const hostileCss = `
  * {
    font-size: 8px !important;
    line-height: 0 !important;
    color: pink !important;
    box-sizing: content-box !important;
    font-family: "Comic Sans MS", cursive !important;
    font-weight: 100 !important;
    letter-spacing: -1px !important;
    word-spacing: -4px !important;
    text-transform: uppercase !important;
    text-align: right !important;
  }
  html { font-size: 8px !important; }
  button { display: none !important; }
  input, select, textarea { all: unset !important; }
  a { color: pink !important; text-decoration: none !important; }
  div, p, h1, h2, h3, ul, li, label { margin: 0 !important; padding: 0 !important; }
  :focus { outline: none !important; }
`;

/** Links the hostile stylesheet into every page of the site, before the elements upgrade. */
async function hostile(page: Page): Promise<void> {
  await page.route('**/__hostile.css', (route) => route.fulfill({ contentType: 'text/css', body: hostileCss }));
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const body = (await response.text()).replace('</head>', '<link rel="stylesheet" href="/__hostile.css"></head>');
    await route.fulfill({ response, body });
  });
}

/** Text and controls inside `host` (shadow roots, nested ones included) that a resident cannot read or use. */
function unreadable(host: Locator): Promise<string[]> {
  return host.evaluate((root) => {
    const problems: string[] = [];
    const edge = root.getBoundingClientRect().right;
    const walk = (node: ParentNode): void => {
      for (const element of node.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) walk(element.shadowRoot);
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue; // not rendered (or visually hidden)
        if (element.closest('.visually-hidden')) continue;
        const style = getComputedStyle(element);
        const label = `${element.localName}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
        const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        // Checkboxes and radios carry no text; their labels are checked as text.
        if (element instanceof HTMLInputElement && /^(checkbox|radio)$/.test(element.type)) continue;
        const control = /^(button|input|select|textarea)$/.test(element.localName);
        if (!ownText && !control) continue;
        const size = parseFloat(style.fontSize);
        if (size < 14) problems.push(`${label}: font-size ${style.fontSize}`);
        const lineHeight = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight);
        if (lineHeight < size) problems.push(`${label}: line-height ${style.lineHeight}`);
        if (style.color === 'rgb(255, 192, 203)') problems.push(`${label}: pink text`);
        if (style.textTransform !== 'none') problems.push(`${label}: text-transform ${style.textTransform}`);
        if (parseFloat(style.fontWeight) < 400) problems.push(`${label}: font-weight ${style.fontWeight}`);
        if (/comic/i.test(style.fontFamily)) problems.push(`${label}: font-family ${style.fontFamily}`);
        if (control && box.height < 24) problems.push(`${label}: control only ${Math.round(box.height)}px tall`);
        if (box.right > edge + 1) problems.push(`${label}: sticks out ${Math.round(box.right - edge)}px past the element`);
      }
    };
    walk(root.shadowRoot!);
    return problems;
  });
}

/** Readable, and no axe violation inside the element (the hostile page around it fails on its own). */
async function expectSound(page: Page, host: Locator): Promise<void> {
  expect(await unreadable(host)).toEqual([]);
  const { violations } = await new AxeBuilder({ page }).include(await host.evaluate((el) => el.localName)).withTags(wcagTags).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, summary.join('\n')).toEqual([]);
}

test('the page’s own CSS really is hostile around the elements', async ({ page }) => {
  await hostile(page);
  await openLookup(page);
  const pageText = await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontSize);
  expect(pageText).toBe('8px');
});

test('address lookup: readable, usable and accessible through a whole lookup, with no CSP violation', async ({ page }) => {
  const problems = await watchForProblems(page);
  await hostile(page);
  await openLookup(page);
  await expectSound(page, lookup(page));

  await search(page, 'AN1 1AA');
  await expect(lookup(page).getByRole('heading', { name: /addresses found for AN1 1AA/ })).toBeVisible();
  await expectSound(page, lookup(page));
  await lookup(page).locator('#address').selectOption({ index: 1 });
  await lookup(page).getByRole('button', { name: 'Use this address' }).click();
  await expect(lookup(page).getByRole('heading', { name: 'Address' })).toBeVisible();
  await expectSound(page, lookup(page));
  expect(problems).toEqual([]);
});

test('bin day: postcode, address and collections, readable and accessible, with no CSP violation', async ({ page }) => {
  await fixClock(page);
  const problems = await watchForProblems(page);
  await hostile(page);
  await openWastePage(page, wastePages.binDay.en);
  await findPostcode(page);
  await expectSound(page, binDay(page));
  await chooseAddress(page, fullAddress('1 High Street'));
  await expect(binDay(page).getByRole('heading', { name: 'Bin collections for 1 High Street, Anytown, AN1 1AA' })).toBeVisible();
  await expect(binDay(page).getByRole('heading', { name: 'Rubbish' })).toBeVisible();
  await expectSound(page, binDay(page));
  await binDay(page).getByRole('button', { name: 'Change address' }).click();
  await expect(binDay(page).locator('council-address-lookup #postcode')).toBeVisible();
  expect(problems).toEqual([]);
});

test('directory search and the repair report’s first questions, readable and accessible, with no CSP violation', async ({ page }) => {
  const problems = await watchForProblems(page);
  await hostile(page);
  await openDirectory(page);
  await searchFor(page, 'food');
  await expect(directorySearch(page).locator('[data-step-heading]')).toHaveText(/services? found/);
  await expectSound(page, directorySearch(page));

  const report = await openReport(page);
  await expectSound(page, report);
  await choose(report, 'No, none of these');
  await expect(report.locator('[data-step-heading]')).toHaveText('Are you a tenant or a leaseholder?');
  await expectSound(page, report);
  expect(problems).toEqual([]);
});
