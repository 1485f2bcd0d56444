import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { orukTaxonomyTerms, orukV3Page } from '@council-kit/contracts/fixtures';
import { expectInert, expectProblem, faults, faulty, hostileText, megabytes, tryAgain } from '../../../../scripts/faults.js';
import { directorySearchStrings } from './directory-search.i18n.js';
import type { DirectorySearch } from './directory-search.js';
import './define.js';

const TERMS = 'GET /oruk/taxonomy_terms';
const SERVICES = 'GET /oruk/services';

async function directory(lang: 'en' | 'cy' = 'en'): Promise<DirectorySearch> {
  await fixture(`<div lang="${lang}"><council-directory-search api-base="/oruk" detail-url="/service" no-url-state></council-directory-search></div>`);
  return document.querySelector('council-directory-search')!;
}

async function search(text: string, lang: 'en' | 'cy' = 'en'): Promise<void> {
  await userEvent.fill(page.getByLabelText(directorySearchStrings[lang].textLabel as string), text);
  await userEvent.click(page.getByRole('button', { name: directorySearchStrings[lang].search as string, exact: true }));
}

describe('<council-directory-search> when the feed fails', () => {
  it.each(faults)('$name on search: says so plainly, keeps what was typed, and Try again runs the same search', async (fault) => {
    fault.before?.();
    const api = faulty(fault.answer, { body: orukV3Page });
    const { calls } = mockApi({ [TERMS]: { body: orukTaxonomyTerms }, [SERVICES]: api.route });
    const el = await directory();
    await search('food bank');
    await expectProblem(el, fault);
    await expect.element(page.getByLabelText('Search for a service')).toHaveValue('food bank');
    await expect.element(page.getByRole('button', { name: 'Search', exact: true })).toBeEnabled();

    api.heal();
    await tryAgain();
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    expect(calls.at(-1)!.url.searchParams.get('search')).toBe('food bank');
  });

  it.each(faults)('$name on the categories: search still works without the filters', async (fault) => {
    fault.before?.();
    mockApi({ [TERMS]: fault.answer, [SERVICES]: { body: orukV3Page } });
    await directory();
    await search('food');
    await expect.element(page.getByRole('heading', { name: '2 services found' }), { timeout: 10_000 }).toBeVisible();
    expect(page.getByText('Filter by category').elements()).toHaveLength(0);
  });

  it('says so in Welsh on a Welsh page', async () => {
    const fault = faults.find((f) => f.name.startsWith('500'))!;
    mockApi({ [TERMS]: { body: orukTaxonomyTerms }, [SERVICES]: fault.answer });
    const el = await directory('cy');
    await search('banc bwyd', 'cy');
    await expectProblem(el, fault, 'cy');
    await expect.element(page.getByLabelText(directorySearchStrings.cy.textLabel as string)).toHaveValue('banc bwyd');
  });

  it('stays usable with a multi-megabyte page: a thousand results and megabytes of descriptions', async () => {
    const foodBank = orukV3Page.contents[0]!;
    const contents = Array.from({ length: 1000 }, (_, i) => ({ ...foodBank, id: `svc-${i}`, name: `Service ${i + 1}`, description: megabytes(0.001, 'Help with food. ') }));
    contents[999]!.description = megabytes(2, 'Help with food. ');
    mockApi({ [TERMS]: { body: orukTaxonomyTerms }, [SERVICES]: { body: { ...orukV3Page, total_items: 1000, contents } } });
    const el = await directory();
    await search('food');
    await expect.element(page.getByRole('heading', { name: '1000 services found' }), { timeout: 10_000 }).toBeVisible();
    // Long descriptions are cut to a summary in the list.
    const last = el.shadowRoot!.querySelectorAll('.result')[999]!;
    expect(last.textContent!.length).toBeLessThan(1000);
    expectInert(el);
    await userEvent.click(page.getByRole('button', { name: 'Clear search and filters' }));
    await expect.element(page.getByLabelText('Search for a service')).toHaveValue('');
  });

  it('shows markup, scripts, bidi overrides, emoji and long words from the feed as harmless text, and no unsafe links', async () => {
    const foodBank = orukV3Page.contents[0]!;
    const toddlers = orukV3Page.contents[1]!;
    const hostile = {
      ...orukV3Page,
      contents: [
        { ...foodBank, name: hostileText('Food bank'), description: `&lt;img src=x onerror="globalThis.__councilPwned=1"&gt; ${hostileText('Described')}` },
        { ...toddlers, name: 'Toddlers', organization: { id: 'o', name: hostileText('Trust') }, cost_options: [{ option: hostileText('Cost') }] },
      ],
    };
    mockApi({ [TERMS]: { body: { contents: [{ id: 'x', name: hostileText('Category') }] } }, [SERVICES]: { body: hostile } });
    const el = await directory();
    await search('food');
    await expect.element(page.getByRole('link', { name: /^Food bank/ })).toHaveAttribute('href', '/service?id=svc-food-bank');
    await expect.element(page.getByText(/^<img src=x onerror=/)).toBeVisible(); // an escaped tag stays visible words
    await expect.element(page.getByText(/^By Trust/)).toBeVisible();
    expectInert(el);
  });
});
