import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { orukV3Page } from '@council-kit/contracts/fixtures';
import { expectInert, expectProblem, faults, faulty, hostileText, megabytes, tryAgain } from '../../../../scripts/faults.js';
import { serviceDetailStrings } from './service-detail.i18n.js';
import type { ServiceDetail } from './service-detail.js';
import './define.js';

const SERVICE = 'GET /oruk/services/svc-food-bank';
const foodBank = orukV3Page.contents[0]!;

async function detail(lang: 'en' | 'cy' = 'en'): Promise<ServiceDetail> {
  await fixture(`<div lang="${lang}"><council-service-detail api-base="/oruk" service-id="svc-food-bank" back-url="/find-services"></council-service-detail></div>`);
  return document.querySelector('council-service-detail')!;
}

describe('<council-service-detail> when the feed fails', () => {
  it.each(faults)('$name: says so plainly, keeps the way back to the results, and Try again shows the service', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { body: foodBank });
    mockApi({ [SERVICE]: api.route });
    const el = await detail();
    await expectProblem(el, fault);
    await expect.element(page.getByRole('link', { name: 'Back to results' })).toHaveAttribute('href', '/find-services');

    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: 'Anytown Food Bank' })).toBeVisible();
  });

  it('says so in Welsh on a Welsh page', async () => {
    const fault = faults.find((f) => f.name.startsWith('malformed'))!;
    mockApi({ [SERVICE]: fault.answer });
    const el = await detail('cy');
    await expectProblem(el, fault, 'cy');
    await expect.element(page.getByRole('link', { name: serviceDetailStrings.cy.back as string })).toBeVisible();
  });

  it('stays usable with a multi-megabyte service: thousands of phones, places and opening times, a description full of stray <', async () => {
    const huge = {
      ...foodBank,
      // Stray `<` with no `>` once made the feed's HTML-to-text step take minutes.
      description: `${'<'.repeat(50_000)} ${megabytes(0.05, 'Food for anyone who needs it. ')}`,
      phones: Array.from({ length: 1000 }, (_, i) => ({ number: `01632 ${String(960000 + i)}` })),
      service_at_locations: Array.from({ length: 1000 }, () => foodBank.service_at_locations[0]),
      schedules: Array.from({ length: 1000 }, () => foodBank.schedules[0]),
      extra: megabytes(2),
    };
    mockApi({ [SERVICE]: { body: huge } });
    const el = await detail();
    await expect.element(page.getByRole('heading', { name: 'Anytown Food Bank' }), { timeout: 10_000 }).toBeVisible();
    await expect.element(page.getByRole('link', { name: '01632 960999' })).toHaveAttribute('href', 'tel:01632960999');
    expectInert(el);
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the feed as harmless text, and no unsafe links', async () => {
    const hostile = {
      ...foodBank,
      name: hostileText('Food bank'),
      description: `&lt;script&gt;globalThis.__councilPwned=1&lt;/script&gt; ${hostileText('Described')}`,
      url: 'javascript:globalThis.__councilPwned=1',
      email: 'x" onmouseover="globalThis.__councilPwned=1',
      phones: [{ number: hostileText('01632') }],
      eligibility_description: hostileText('Eligible'),
      languages: [{ name: hostileText('Language') }],
    };
    mockApi({ [SERVICE]: { body: hostile } });
    const el = await detail();
    await expect.element(page.getByRole('heading', { name: /^Food bank/ })).toBeVisible();
    await expect.element(page.getByText(/^<script>globalThis/)).toBeVisible(); // an escaped tag stays visible words
    await expect.element(page.getByText(/^Eligible/)).toBeVisible();
    const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(links.filter((href) => !/^(https?:|mailto:|tel:|\/)/.test(href))).toEqual([]);
    expect(el.shadowRoot!.querySelector('[onmouseover]')).toBeNull();
    expectInert(el);
  });
});
