import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, focused } from './support.ts';
import { confirmationReference, expectFocusOnErrorSummary, expectFocusOnStepHeading, fixClock, fullAddress, openReport, tab, tabTo } from './repairs-support.ts';

// Keyboard only: Tab and Shift+Tab to move, Enter and Space to act, typing into fields, and the
// arrow keys for radio groups and the address list. Every stop shows the yellow focus
// indicator (`tab` checks it); focus moves to each new step's heading, and to the error summary
// when a step has errors.

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

/** Tabs to a button and presses it with `key`. */
async function pressButton(page: Page, text: string, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, (stop) => stop.tag === 'button' && stop.text === text);
  await page.keyboard.press(key);
}

test('keyboard only: report a repair from the emergency question to the reference', async ({ page }) => {
  const host = await openReport(page);
  const radio = (name: string) => host.getByRole('radio', { name, exact: true });

  // From the top of the page: the skip link, the page's own emergency numbers, then the element.
  expect((await tab(page)).text).toBe('Skip to main content');
  await tabTo(page, (stop) => stop.tag === 'a' && stop.text === '0800 111 999', 10);
  await tabTo(page, (stop) => stop.id === 'emergency-0' && stop.inShadow, 10);

  // Continue with no answer: the error summary takes focus, its link leads back to the radios.
  await pressButton(page, 'Continue');
  await expectFocusOnErrorSummary(page);
  await expect(host.locator('.error-summary')).toContainText('Select whether this is an emergency');
  await expectNoAxeViolations(page);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Select whether this is an emergency' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('emergency-0');
  // ArrowUp from the first radio wraps round to the last: "No, none of these".
  await page.keyboard.press('ArrowUp');
  await expect(radio('No, none of these')).toBeChecked();
  await pressButton(page, 'Continue', 'Space');

  await expectFocusOnStepHeading(page, 'Are you a tenant or a leaseholder?');
  expect(await tab(page)).toMatchObject({ tag: 'input', id: 'reporter-0' });
  await page.keyboard.press('Space');
  await expect(host.getByRole('radio', { name: /^Tenant/ })).toBeChecked();
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Find the property');
  expect(await tab(page)).toMatchObject({ id: 'postcode', inShadow: true });
  await page.keyboard.type('an11aa');
  await page.keyboard.press('Enter');
  await expectFocusOnStepHeading(page, /^14 addresses found for AN1 1AA$/);
  expect(await tab(page)).toMatchObject({ tag: 'select', id: 'address' });
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown'); // Flat 1, Mill Court
  await expect(host.locator('council-address-lookup #address option:checked')).toHaveText(fullAddress('Flat 1, Mill Court, 12 High Street'));
  expect(await tab(page)).toMatchObject({ tag: 'button', text: 'Use this address' });
  await page.keyboard.press('Enter');

  await expectFocusOnStepHeading(page, 'Where is the problem?');
  expect(await tab(page)).toMatchObject({ tag: 'input', id: 'location-0' });
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await expect(radio('Outside doors, locks and windows')).toBeChecked();
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'What is the problem?');
  // Back, by keyboard: Shift+Tab from the heading reaches the Back link; the answer is kept.
  expect(await tab(page, 'Shift+Tab')).toMatchObject({ tag: 'button', text: 'Back' });
  await page.keyboard.press('Enter');
  await expectFocusOnStepHeading(page, 'Where is the problem?');
  await expect(radio('Outside doors, locks and windows')).toBeChecked();
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'What is the problem?');
  await tab(page);
  await page.keyboard.press('Space');
  await expect(radio('Front or back door')).toBeChecked();
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Which best describes it?');
  await tab(page);
  await page.keyboard.press('ArrowDown');
  await expect(radio('The lock is stiff but still works')).toBeChecked();
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Describe the problem');
  await pressButton(page, 'Continue');
  await expectFocusOnErrorSummary(page);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Describe the problem' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('description');
  await page.keyboard.type('The front door lock is stiff and the key sticks.');
  await pressButton(page, 'Continue');

  // No photo question for this repair: straight to contact.
  await expectFocusOnStepHeading(page, 'How should we contact you about this repair?');
  expect(await tab(page)).toMatchObject({ tag: 'input', id: 'preference-0' });
  await page.keyboard.press('Space');
  expect(await tab(page)).toMatchObject({ tag: 'input', id: 'mobile' });
  await page.keyboard.type('07700 900');
  await pressButton(page, 'Continue');
  await expectFocusOnErrorSummary(page);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Enter a UK mobile number, like 07700 900 982' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('mobile');
  await page.keyboard.type(' 982');
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Choose an appointment');
  expect(await tab(page)).toMatchObject({ tag: 'input', id: 'slot-0' });
  await page.keyboard.press('Space');
  await pressButton(page, 'Continue');

  await expectFocusOnStepHeading(page, 'Check your answers before sending');
  await expectNoAxeViolations(page);
  // Change the description from the summary list, and come straight back.
  await tabTo(page, (stop) => stop.tag === 'button' && stop.text === 'Change Description', 20);
  await page.keyboard.press('Enter');
  await expectFocusOnStepHeading(page, 'Describe the problem');
  expect(await tab(page)).toMatchObject({ tag: 'textarea', id: 'description' });
  await page.keyboard.press('End');
  await page.keyboard.type(' Since Monday.');
  await pressButton(page, 'Continue');
  await expectFocusOnStepHeading(page, 'Check your answers before sending');
  await expect(host.locator('.summary-list')).toContainText('The front door lock is stiff and the key sticks. Since Monday.');
  await expect(host.locator('.summary-list')).toContainText('Text message: 07700 900 982');

  await pressButton(page, 'Send report', 'Space');
  await expectFocusOnStepHeading(page, 'Repair reported');
  await confirmationReference(host);
  expect(await tab(page)).toMatchObject({ tag: 'a', text: 'Check, move or cancel your appointment' });
});
