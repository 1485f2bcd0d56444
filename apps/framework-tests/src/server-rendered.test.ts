import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mockApi } from '@council-kit/core/testing';
import { anytownAddresses } from '@council-kit/contracts/fixtures';

/** What a server template (Drupal, WordPress, Rails, a static generator) sends: plain HTML. */
function serverPage(action: string): string {
  return `<main lang="en">
  <h1>Report a problem with your street</h1>
  <form action="${action}" method="post">
    <council-address-lookup api-base="/api/v1" name="uprn" required heading-level="3">
      <p><a href="/find-address">Find your address</a> on our address finder page.</p>
    </council-address-lookup>
    <button>Continue</button>
  </form>
</main>`;
}

describe('a server-rendered page', () => {
  it('shows the fallback until the script loads, then upgrades in place and submits with the page’s form', async () => {
    mockApi({ 'GET /api/v1/addresses': { body: anytownAddresses } });
    const response = document.createElement('div');
    response.innerHTML = serverPage('/report');
    document.body.append(response);
    // Before the script: the server's fallback link is what a resident without JavaScript gets.
    await expect.element(page.getByRole('link', { name: 'Find your address' })).toBeVisible();
    expect(customElements.get('council-address-lookup')).toBeUndefined();

    await import('@council-kit/elements/define');
    const lookup = document.querySelector('council-address-lookup')!;
    await lookup.updateComplete;
    expect(lookup.shadowRoot).not.toBeNull();
    // The fallback is no longer slotted, so it leaves the accessibility tree with the page.
    await expect.element(page.getByRole('link', { name: 'Find your address' })).not.toBeInTheDocument();
    expect(lookup.querySelector('a')!.checkVisibility()).toBe(false);

    // `required` from the server's markup blocks submission until an address is chosen.
    const form = document.querySelector('form')!;
    expect(form.checkValidity()).toBe(false);
    await userEvent.fill(page.getByLabelText('Postcode'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Find address' }));
    await userEvent.selectOptions(page.getByLabelText('Select an address'), '3 Mill Road, Anytown, AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Use this address' }));
    await expect.poll(() => form.checkValidity()).toBe(true);
    expect(new FormData(form).get('uprn')).toBe('100000000003');
  });
});
