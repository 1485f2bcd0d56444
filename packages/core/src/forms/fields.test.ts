import { render } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { radios } from './fields.js';

let host: HTMLElement | undefined;
afterEach(() => host?.remove());

function renderRadios(): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(
    radios({
      id: 'reporter',
      legend: 'Who is reporting the repair?',
      legendIsHeading: true,
      options: [
        { value: 'tenant', label: 'Tenant', hint: 'You rent your home from us' },
        { value: 'leaseholder', label: 'Leaseholder' },
      ],
      errorPrefix: 'Error:',
      onChange: () => {},
    }),
    host,
  );
  return host;
}

describe('radios', () => {
  it('makes the legend the page heading, so heading navigation finds the question', async () => {
    renderRadios();
    await expect.element(page.getByRole('heading', { level: 2, name: 'Who is reporting the repair?' })).toBeVisible();
    await expect.element(page.getByRole('group', { name: 'Who is reporting the repair?' })).toBeVisible();
  });

  it('names a radio by its label and describes it by its hint, reading each once', async () => {
    renderRadios();
    const tenant = page.getByRole('radio', { name: 'Tenant' });
    await expect.element(tenant).toHaveAccessibleName('Tenant');
    await expect.element(tenant).toHaveAccessibleDescription('You rent your home from us');
  });
});
