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
  // Two questions one after the other render the same template into the same place, so Lit
  // reuses the inputs. A checked radio moved into another group by its name unchecks that
  // group's checked radio: Back from "No" (the second radio) to an answer in the first place
  // showed nothing chosen.
  it('shows the answer chosen when the question before, with a later radio checked, reuses its inputs', async () => {
    host = document.createElement('div');
    document.body.append(host);
    const question = (id: string, values: string[], value: string) =>
      radios({ id, legend: id, options: values.map((v) => ({ value: v, label: v })), value, errorPrefix: 'Error:', onChange: () => {} });
    render(question('concession', ['yes', 'no'], 'no'), host);
    await expect.element(page.getByRole('radio', { name: 'no' })).toBeChecked();
    render(question('bins', ['1', '2', '3'], '1'), host);
    await expect.element(page.getByRole('radio', { name: '1' })).toBeChecked();
    expect([...host.querySelectorAll('input')].map((input) => input.checked)).toEqual([true, false, false]);
    // And forward again, the answer in the second place.
    render(question('concession', ['yes', 'no'], 'no'), host);
    expect([...host.querySelectorAll('input')].map((input) => input.checked)).toEqual([false, true]);
  });

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
