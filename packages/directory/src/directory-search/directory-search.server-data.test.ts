import { beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { parseOrukCategories, parseOrukPage } from '@council-kit/contracts';
import { orukTaxonomyTerms, orukV3Page } from '@council-kit/contracts/fixtures';
import type { DirectorySearch, DirectorySearchAnswer } from './directory-search.js';
import './define.js';

// A search a server already answered (`@council-kit/ssr`): shown without asking the feed again;
// the element takes over from there.
const SERVICES = 'GET /oruk/services';
const TERMS = 'GET /oruk/taxonomy_terms';
const categories = parseOrukCategories(orukTaxonomyTerms);
const query = { text: 'food', categories: [categories[0]!.id], postcode: '', distance: 5, page: 1 };
const answer: DirectorySearchAnswer = { query, categories, page: { ...parseOrukPage(orukV3Page, 'v3'), totalPages: 3 } };
const dataBlock = (value: unknown) => `<script type="application/json" data-council-data>${JSON.stringify(value)}</script>`;

const start = location.href;
beforeEach(() => {
  history.replaceState(null, '', start);
  document.body.replaceChildren();
});

async function directory(value: unknown): Promise<DirectorySearch> {
  // (A known version: `auto` would ask the feed for it first, which these tests do not count.)
  return fixture<DirectorySearch>(`<council-directory-search api-base="/oruk" version="v3" detail-url="/service">${dataBlock(value)}</council-directory-search>`);
}

describe('<council-directory-search> with the search already answered', () => {
  it('shows the data block\'s results, search and filters without a request, then searches on its own', async () => {
    const { calls } = mockApi({ [SERVICES]: { body: orukV3Page }, [TERMS]: { body: orukTaxonomyTerms } });
    await directory(answer);
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Anytown Food Bank' })).toHaveAttribute('href', '/service?id=svc-food-bank');
    await expect.element(page.getByLabelText('Search for a service')).toHaveValue('food');
    await expect.element(page.getByRole('checkbox', { name: categories[0]!.name })).toBeChecked();
    expect(calls).toHaveLength(0);
    // Defined, the element's buttons do the work; the no-JavaScript links stay hidden.
    await expect.element(page.getByRole('link', { name: 'Next' })).not.toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Next' }));
    await expect.poll(() => calls.length).toBe(1);
    expect(calls[0]!.url.searchParams.get('page')).toBe('2');
    expect(calls[0]!.url.searchParams.get('search')).toBe('food');
  });

  it('takes the `answer` property the same way, and asks for the categories when it has none', async () => {
    const { calls } = mockApi({ [SERVICES]: { body: orukV3Page }, [TERMS]: { body: orukTaxonomyTerms } });
    const el = document.createElement('council-directory-search');
    el.apiBase = '/oruk';
    el.version = 'v3';
    el.detailUrl = '/service';
    el.answer = { query, page: answer.page };
    document.body.append(el);
    await expect.element(page.getByRole('link', { name: 'Anytown Food Bank' })).toBeVisible();
    await expect.poll(() => calls.map((c) => c.url.pathname)).toEqual(['/oruk/taxonomy_terms']);
  });

  it('shows its own postcode error for a postcode that is not one, with what was typed', async () => {
    const { calls } = mockApi({});
    await directory({ query: { ...query, postcode: 'NOT A POSTCODE' }, categories });
    await expect.element(page.getByRole('link', { name: 'Enter a full UK postcode, like AN1 1AA' })).toBeVisible();
    await expect.element(page.getByLabelText('Near a postcode (optional)')).toHaveValue('NOT A POSTCODE');
    await expect.element(page.getByRole('heading', { name: '2 services found' })).not.toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('shows a failed search as its problem, whose Try again searches', async () => {
    const { calls } = mockApi({ [SERVICES]: { body: orukV3Page } });
    await directory({ query, categories, failed: 503 });
    await expect.element(page.getByRole('heading', { name: 'Sorry, there is a problem with the service' })).toBeVisible();
    expect(calls).toHaveLength(0);
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    expect(calls.map((c) => c.url.pathname)).toEqual(['/oruk/services']);
  });
});
