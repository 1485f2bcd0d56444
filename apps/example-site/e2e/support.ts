import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export { pages, type Page as SitePage } from '../site/pages.ts';

/** The WCAG 2.0–2.2 A and AA rule sets the site promises. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** GOV.UK focus yellow (#ffdd00) as computed styles report it. */
export const focusYellow = 'rgb(255, 221, 0)';

/** Runs axe over the page, open shadow roots included, and fails with a readable list. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

export function lookup(page: Page): Locator {
  return page.locator('council-address-lookup');
}

/** Opens the address lookup page and waits until the element has upgraded. */
export async function openLookup(page: Page, path = '/find-your-address/'): Promise<void> {
  await page.goto(path);
  await expect(lookup(page).locator('#postcode')).toBeVisible();
}

/** Types a postcode into the element and presses its Find button (English or Welsh). */
export async function search(page: Page, postcode: string): Promise<void> {
  await lookup(page).locator('#postcode').fill(postcode);
  await lookup(page).getByRole('button', { name: /^(Find address|Dod o hyd i gyfeiriad)$/ }).click();
}

export interface FocusInfo {
  tag: string;
  id: string;
  text: string;
  inShadow: boolean;
  isStepHeading: boolean;
  classes: string;
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
  backgroundColor: string;
}

/** The element that really has focus, looking through open shadow roots. */
export function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    let inShadow = false;
    while (element?.shadowRoot?.activeElement) {
      element = element.shadowRoot.activeElement;
      inShadow = true;
    }
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      inShadow,
      isStepHeading: element.hasAttribute('data-step-heading'),
      classes: element.className.toString(),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      backgroundColor: style.backgroundColor,
    };
  });
}

/** True when the focused element shows a GOV.UK-yellow focus indicator (outline, shadow or fill). */
export function hasVisibleFocus(info: FocusInfo): boolean {
  const outline = info.outlineStyle !== 'none' && parseFloat(info.outlineWidth) > 0 && info.outlineColor === focusYellow;
  const shadow = info.boxShadow !== 'none' && info.boxShadow.includes(focusYellow);
  const fill = info.backgroundColor === focusYellow && info.boxShadow !== 'none';
  return outline || shadow || fill;
}

/**
 * Collects, across navigations, every CSP or Trusted Types violation the page reports and every
 * console error or uncaught exception. Returns the live list.
 */
export async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}: ${event.sample}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}
