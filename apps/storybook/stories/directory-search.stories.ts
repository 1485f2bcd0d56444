import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { StringOverrides } from '@council-kit/core';
import { lastAnnouncement } from '@council-kit/core/testing';
import { orukQuirksPage, orukV1Page, orukV3Page } from '@council-kit/contracts/fixtures';
import type { OrukVersion } from '@council-kit/contracts';
import '@council-kit/directory/directory-search';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { anytownDirectory, anytownTerms, driveSearch, offlineTiles, matching, openWithUrl, orukFeed, resetDirectoryState, serverError } from './support/directory.ts';
import { inWelsh } from './support/language.ts';

interface SearchArgs {
  'api-base': string;
  version: OrukVersion;
  'per-page': number;
  'detail-url': string;
  'no-url-state': boolean;
  map: boolean;
  'tile-url': string;
  'tile-attribution': string;
  onCouncilDirectorySearched: (event: Event) => void;
}

type Story = StoryObj<SearchArgs>;

const SERVICES = 'GET /oruk/services';

/**
 * The element reads its attributes when it connects (categories are fetched once, the search in
 * the URL is run once), so each change in the Controls panel gets a fresh element: `keyed` on
 * the attributes. The search in the page URL is then run again with the new settings.
 */
function search(args: SearchArgs, options: { strings?: StringOverrides } = {}): TemplateResult {
  const { onCouncilDirectorySearched, ...attributes } = args;
  return html`${keyed(
    JSON.stringify(attributes),
    html`<council-directory-search
      api-base=${args['api-base']}
      version=${args.version}
      per-page=${args['per-page']}
      detail-url=${ifDefined(args['detail-url'] || undefined)}
      ?no-url-state=${args['no-url-state']}
      ?map=${args.map}
      tile-url=${ifDefined(args['tile-url'] || undefined)}
      tile-attribution=${ifDefined(args['tile-attribution'] || undefined)}
      .strings=${options.strings}
      @council-directory-searched=${onCouncilDirectorySearched}
    >
      <form action="/directory" method="get">
        <label for="directory-q">Search for a service</label>
        <input id="directory-q" name="q" type="search" />
        <button>Search</button>
      </form>
    </council-directory-search>`,
  )}`;
}

const meta = {
  title: 'Patterns/Directory/Directory search',
  component: 'council-directory-search',
  args: {
    'api-base': '/oruk',
    version: 'auto',
    'per-page': 10,
    'detail-url': '/directory/service',
    'no-url-state': false,
    map: false,
    'tile-url': '',
    'tile-attribution': '',
    onCouncilDirectorySearched: fn(),
  },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the ORUK feed; the element calls `{api-base}/services` (near a postcode too: each service once, at its nearest location) and `/taxonomy_terms`, and with `version="auto"` the feed root once.' },
    version: { control: 'inline-radio', options: ['auto', 'v3', 'v1'], description: 'The feed\'s ORUK version. `v1` sends v1 requests (`text`, `taxonomy_id`, `/taxonomies`); `auto` asks the feed once (its root, else the paging of a one-service page) and then sends that version\'s requests.' },
    'per-page': { control: { type: 'number', min: 1, max: 50, step: 1 }, description: 'Results per page (`per_page`). The fake feed has sixteen services; try 4 and search for "support".' },
    'detail-url': { control: 'text', description: "The council's service page; `?id=<service id>` is added to each result. Empty: results are not links." },
    'no-url-state': { control: 'boolean', description: 'Do not keep the search in the page URL (for a page with more than one search).' },
    map: { control: 'boolean', description: 'Also show the results on a map (needs `tile-url`). Leaflet is loaded only when this is on.' },
    'tile-url': {
      control: 'text',
      description: "The council's map tiles, e.g. `https://tiles.example.gov.uk/{z}/{x}/{y}.png`. The Map story uses plain offline tiles so that no story calls a third party.",
    },
    'tile-attribution': { control: 'text', description: 'The tiles\' attribution, as plain text.' },
    onCouncilDirectorySearched: { table: { disable: true } },
  },
  parameters: {
    mockApi: orukFeed('/oruk'),
    // Each story in its own frame on the docs page, so each plays to its state with its own feed
    // and its own page URL.
    docs: { story: { inline: false, iframeHeight: 720 } },
  },
  // The search lives in the page URL, which every story shares: start each one from a clean URL
  // (see resetDirectoryState for why), and leave it clean.
  beforeEach: () => {
    resetDirectoryState();
    return resetDirectoryState;
  },
  render: (args) => search(args),
} satisfies Meta<SearchArgs>;

export default meta;

/**
 * The first thing a resident sees: a keyword field with a hint, an optional postcode with a
 * distance, the feed's categories behind a disclosure, and Search. Only the categories are
 * fetched; nothing is searched until the resident asks.
 */
export const Default: Story = {
  name: 'Search form',
  play: async (context) => {
    const { inside, t, searchbox, postcodeField, distanceField, categoriesToggle } = await driveSearch(context);
    await expect(searchbox()).toHaveAccessibleDescription(t('textHint'));
    await expect(postcodeField()).toHaveAttribute('autocomplete', 'postal-code');
    await expect(distanceField()).toHaveValue('5');
    await expect(within(distanceField()).getByRole('option', { name: t('distanceOption', { count: 5 }) })).toBeInTheDocument();
    const toggle = await categoriesToggle();
    await expect(toggle).toHaveTextContent(t('categoriesLabel'));
    await expect((toggle.parentElement as HTMLDetailsElement).open).toBe(false);
    await expect(inside.getByRole('button', { name: t('search') })).toBeVisible();
    // `version="auto"` asks the feed root once, then the categories: nothing is searched yet.
    await expect(mockCalls().map((c) => c.url.pathname)).toEqual(['/oruk/', '/oruk/taxonomy_terms']);
  },
};

/**
 * A keyword search. The results are a list of services, each linked to the council's service
 * page, with who runs it, a short description and its cost. The count is the heading (focus
 * moves to it) and is announced; the search goes into the page URL, so it can be shared and
 * Back returns to it.
 */
export const KeywordSearch: Story = {
  name: 'Keyword search with results',
  parameters: { mockApi: { ...orukFeed('/oruk'), [SERVICES]: { body: orukV3Page } } },
  play: async (context) => {
    const { inside, t, search, found, focused, resultNames, result, urlState } = await driveSearch(context);
    await search({ text: 'food' });
    await waitFor(async () => expect(focused()).toBe(await found(2)));
    await expect(resultNames()).toEqual(['Anytown Food Bank', 'Little Owls Toddler Group']);
    await expect(inside.getByRole('link', { name: 'Anytown Food Bank' })).toHaveAttribute('href', '/directory/service?id=svc-food-bank');
    const foodBank = result('Anytown Food Bank');
    await expect(foodBank).toHaveTextContent(t('by', { organisation: 'Anytown Community Trust' }));
    // The feed's HTML description is shown as text, not markup.
    await expect(foodBank).toHaveTextContent('Emergency food parcels for anyone in need.');
    await expect(foodBank.querySelector('strong')).toBeNull();
    await expect(within(foodBank).getByText(t('free'))).toBeVisible();
    await expect(within(result('Little Owls Toddler Group')).getByText(t('cost', { cost: '£1 per family' }))).toBeVisible();

    await expect(mockCalls().at(-1)!.url.searchParams.get('search')).toBe('food');
    await expect(urlState()).toEqual({ q: ['food'] });
    await waitFor(() => expect(lastAnnouncement()).toBe(t('found', { count: 2 })));
    await expect(context.args.onCouncilDirectorySearched).toHaveBeenCalledWith(expect.objectContaining({ detail: { total: 2, page: 1 } }));
  },
};

/** Categories come from the feed's `/taxonomy_terms`; ticking one narrows the search (`taxonomy_term_id`). */
export const CategoryFilter: Story = {
  name: 'Category filter',
  play: async (context) => {
    const { inside, t, search, found, resultNames, categoriesToggle, urlState } = await driveSearch(context);
    await search({ categories: ['Money and debt'] });
    const expected = matching('', ['tax-money']);
    await found(expected.length);
    await expect(resultNames()).toEqual(expected.map((s) => s.raw.name));
    await expect(mockCalls().at(-1)!.url.searchParams.get('taxonomy_term_id')).toBe('tax-money');
    await expect(urlState()).toEqual({ category: ['tax-money'] });
    // The disclosure stays open and says how many categories are chosen.
    await expect(await categoriesToggle()).toHaveTextContent(t('selected', { count: 1 }));
    await expect(inside.getByRole('checkbox', { name: 'Money and debt' })).toBeChecked();
  },
};

const facetedTerms = {
  ...anytownTerms,
  contents: [
    ...anytownTerms.contents.map((term) => ({ ...term, vocabulary: 'Category', service_count: matching('', [term.id]).length })),
    { id: 'tax-free', name: 'Free', vocabulary: 'Cost', service_count: 4 },
    { id: 'tax-online', name: 'Online', vocabulary: 'Delivery', service_count: 2 },
  ],
};

/**
 * A feed whose taxonomy has several vocabularies (ORUK filters every facet through taxonomy
 * terms): one expandable filter per vocabulary, named by it, with the feed's counts where it
 * gives them. Terms from different vocabularies are sent together in `taxonomy_term_id`.
 */
export const Facets: Story = {
  name: 'Filters per vocabulary',
  parameters: { mockApi: { ...orukFeed('/oruk'), 'GET /oruk/taxonomy_terms': { body: facetedTerms } } },
  play: async (context) => {
    const { root, inside, search, found } = await driveSearch(context);
    await waitFor(() => expect([...root.querySelectorAll('summary')].map((s) => s.textContent!.trim())).toEqual(['Category', 'Cost', 'Delivery']));
    for (const summary of root.querySelectorAll<HTMLElement>('summary')) await userEvent.click(summary);
    const money = matching('', ['tax-money']).length;
    await expect(inside.getByRole('checkbox', { name: `Money and debt (${money})` })).toBeVisible();
    await expect(inside.getByRole('group', { name: 'Cost' })).toBeInTheDocument();
    await userEvent.click(inside.getByRole('checkbox', { name: `Money and debt (${money})` }));
    await userEvent.click(inside.getByRole('checkbox', { name: 'Free (4)' }));
    await search({});
    await found(money);
    await expect(mockCalls().at(-1)!.url.searchParams.get('taxonomy_term_id')).toBe('tax-money,tax-free');
  },
};

/**
 * Near a postcode, within a distance: the element asks `/services` with `postcode` and
 * `proximity` in metres (each service once, at its nearest location, so the count is of
 * services), and orders what comes back nearest first (ORUK has no sort), with each distance
 * in miles. (With words searched too, the feed's order is its relevance, and is kept.) The
 * postcode is personal data: it is never written to the page URL.
 */
export const NearPostcode: Story = {
  name: 'Near a postcode, nearest first',
  play: async (context) => {
    const { search, found, resultNames, result, distance, urlState } = await driveSearch(context);
    await search({ postcode: 'an1 1aa', miles: 3, categories: ['Food'] });
    const expected = matching('', ['tax-food'])
      .filter((s) => s.metres <= 3 * 1609.344)
      .sort((a, b) => a.metres - b.metres);
    await found(expected.length);
    const request = mockCalls().at(-1)!.url;
    await expect(request.pathname).toBe('/oruk/services');
    await expect(request.searchParams.get('postcode')).toBe('AN1 1AA');
    await expect(request.searchParams.get('proximity')).toBe('4828');
    // The feed answers in its own order; the element puts the nearest first.
    await expect(resultNames()).toEqual(expected.map((s) => s.raw.name));
    await expect(result('Anytown Food Bank')).toHaveTextContent(distance(1287));
    await expect(distance(1287)).toMatch(/^0\.8 /);
    await expect(urlState()).toEqual({ category: ['tax-food'], distance: ['3'] });
    await expect(location.href).not.toContain('AN1');
  },
};

/** Not a postcode: the GOV.UK error summary and an inline error; nothing is searched. */
export const InvalidPostcode: Story = {
  name: 'Invalid postcode',
  play: async (context) => {
    const { inside, t, tc, search, heading, focused, postcodeField } = await driveSearch(context);
    await search({ text: 'food', postcode: 'nowhere' });
    await heading(tc('errorSummaryTitle'));
    await waitFor(() => expect(focused()).toHaveClass('error-summary'));
    await expect(inside.getByRole('link', { name: t('errorPostcode') })).toBeVisible();
    await expect(postcodeField()).toHaveAttribute('aria-invalid', 'true');
    await expect(postcodeField()).toHaveAccessibleDescription(expect.stringContaining(t('errorPostcode')));
    await expect(mockCalls().filter((c) => c.url.pathname !== '/oruk/taxonomy_terms' && c.url.pathname !== '/oruk/')).toHaveLength(0);
  },
};

/**
 * More results than fit on a page: Previous and Next in a navigation landmark, "Page 2 of 3",
 * announced with the count. Each page is in the URL (`page=2`), so Back returns to page 1.
 */
export const Paging: Story = {
  args: { 'per-page': 4 },
  play: async (context) => {
    const { inside, t, search, found, focused, resultNames, urlState } = await driveSearch(context);
    const all = matching('support');
    const pages = Math.ceil(all.length / 4);
    await search({ text: 'support' });
    await found(all.length);
    const nav = inside.getByRole('navigation', { name: t('pages') });
    await expect(nav).toHaveTextContent(t('pageOf', { page: 1, pages }));
    await expect(within(nav).queryByRole('button', { name: t('previous') })).toBeNull();
    await expect(resultNames()).toEqual(all.slice(0, 4).map((s) => s.raw.name));
    await waitFor(() => expect(lastAnnouncement()).toBe(`${t('found', { count: all.length })}. ${t('pageOf', { page: 1, pages })}`));

    await userEvent.click(within(nav).getByRole('button', { name: t('next') }));
    await waitFor(() => expect(inside.getByRole('navigation', { name: t('pages') })).toHaveTextContent(t('pageOf', { page: 2, pages })));
    await expect(resultNames()).toEqual(all.slice(4, 8).map((s) => s.raw.name));
    await expect(focused()).toBe(await found(all.length));
    await expect(urlState()).toEqual({ q: ['support'], page: ['2'] });
    await expect(mockCalls().at(-1)!.url.searchParams.get('per_page')).toBe('4');

    // The browser's Back button returns to page 1: the element reads the URL again.
    history.back();
    await waitFor(() => expect(inside.getByRole('navigation', { name: t('pages') })).toHaveTextContent(t('pageOf', { page: 1, pages })));
    await expect(mockCalls().at(-1)!.url.searchParams.get('page')).toBe('1');
  },
};

/**
 * "Clear search and filters" empties the form, the results and the URL, and puts focus back in
 * the keyword field, ready for a new search.
 */
export const ClearFilters: Story = {
  name: 'Clearing filters',
  play: async (context) => {
    const { inside, t, search, found, focused, searchbox, categoriesToggle, urlState } = await driveSearch(context);
    await search({ text: 'support', categories: ['Housing'] });
    await found(matching('support', ['tax-housing']).length);
    await userEvent.click(inside.getByRole('button', { name: t('clear') }));
    await waitFor(() => expect(focused()).toBe(searchbox()));
    await expect(searchbox()).toHaveValue('');
    await expect(inside.queryByRole('heading', { level: 2 })).toBeNull();
    await expect(urlState()).toEqual({});
    await userEvent.click(await categoriesToggle());
    await expect(inside.getByRole('checkbox', { name: 'Housing' })).not.toBeChecked();
  },
};

/**
 * Nothing found: the heading says so and the resident is told what to change, including the
 * filters they actually used (a category, a distance).
 */
export const NoResults: Story = {
  name: 'No results',
  play: async (context) => {
    const { inside, t, search, found } = await driveSearch(context);
    await search({ text: 'unicorns', postcode: 'AN1 1AA', categories: ['Food'] });
    await found(0);
    await expect(inside.getByText(t('noneIntro'))).toBeVisible();
    const suggestions = inside.getAllByRole('listitem').map((li) => li.textContent!.trim());
    await expect(suggestions).toEqual([t('noneSpelling'), t('noneFewer'), t('noneFilters'), t('noneDistance')]);
    await expect(inside.getByRole('button', { name: t('clear') })).toBeVisible();
  },
};

/**
 * The feed answers 500. The client tries twice more with backoff, then the problem panel says so
 * plainly with Try again; the search form stays, with what the resident typed.
 */
export const ServiceUnavailable: Story = {
  name: 'Service unavailable',
  parameters: { mockApi: { ...orukFeed('/oruk'), [SERVICES]: [serverError, serverError, serverError, { body: orukV3Page }] } },
  play: async (context) => {
    const { root, inside, t, tc, search, found, heading, searchbox } = await driveSearch(context);
    await search({ text: 'food' });
    await heading(tc('problemTitle'), 8000);
    await expect(mockCalls().filter((c) => c.url.pathname === '/oruk/services')).toHaveLength(3);
    await expect(inside.getByRole('alert')).toHaveTextContent(tc('problemBody'));
    await expect(searchbox()).toHaveValue('food');
    await userEvent.click(inside.getByRole('button', { name: tc('tryAgain') }));
    await found(2);
    // The button is gone: focus moves to the results heading, as a search from the form does.
    await waitFor(() => expect(root.activeElement?.textContent).toBe(t('found', { count: 2 })));
  },
};

/**
 * A feed that answers with something that is not an ORUK page (here an HTML error page with a
 * 200): nothing half-broken is shown, it is not retried automatically, and Try again is offered.
 */
export const MalformedFeed: Story = {
  name: 'Malformed feed',
  parameters: { mockApi: { ...orukFeed('/oruk'), [SERVICES]: { raw: '<!doctype html><title>Directory</title><p>Down for maintenance' } } },
  play: async (context) => {
    const { inside, tc, search, heading } = await driveSearch(context);
    await search({ text: 'food' });
    await heading(tc('problemTitle'));
    await expect(inside.getByRole('alert')).toHaveTextContent(tc('problemBody'));
    await expect(mockCalls().filter((c) => c.url.pathname === '/oruk/services')).toHaveLength(1);
    await expect(inside.queryByRole('list')).toBeNull();
    await expect(inside.getByRole('button', { name: tc('tryAgain') })).toBeVisible();
  },
};

/**
 * A v1 feed (`version="v1"`), as many councils still publish: `text` instead of `search`,
 * `/services` with `postcode` and `proximity` for distance, paged as `content` and
 * `totalElements`, and Outpost's `distance_away` in miles. v1 has no `/taxonomy_terms`, so there
 * is no category filter: search still works.
 */
export const V1Feed: Story = {
  name: 'ORUK v1 feed',
  args: { 'api-base': '/v1', version: 'v1' },
  parameters: {
    mockApi: {
      'GET /v1/services': { body: orukV1Page },
      'GET /v1/taxonomy_terms': { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } },
    },
  },
  play: async (context) => {
    const { root, search, found, resultNames, result, distance, inside } = await driveSearch(context);
    await search({ text: 'food', postcode: 'AN1 1AA' });
    await found(2);
    const request = mockCalls().at(-1)!.url;
    await expect(request.pathname).toBe('/v1/services');
    await expect(request.searchParams.get('text')).toBe('food');
    await expect(request.searchParams.get('search')).toBeNull();
    await expect(request.searchParams.get('postcode')).toBe('AN1 1AA');
    await expect(resultNames()).toEqual(['Anytown Food Bank', 'Little Owls Toddler Group']);
    await expect(result('Anytown Food Bank')).toHaveTextContent(distance(0.5 * 1609.344));
    // Numeric v1 ids become string ids in the detail link.
    await expect(inside.getByRole('link', { name: 'Anytown Food Bank' })).toHaveAttribute('href', '/directory/service?id=101');
    await expect(root.querySelector('details')).toBeNull();
  },
};

/**
 * What real feeds send: a name hundreds of characters long (it wraps, even at 320px), HTML and
 * script in a description (shown as text, never run), a `javascript:` link (dropped), a record
 * with no name (left out; the rest still shown), right-to-left text and emoji. Searched near a
 * postcode alone, a service without coordinates has no distance, so it comes after those that do.
 */
export const QuirksFeed: Story = {
  name: 'Quirks feed',
  parameters: {
    mockApi: {
      ...orukFeed('/oruk'),
      [SERVICES]: { body: { ...orukQuirksPage, total_items: 4, contents: [...orukQuirksPage.contents, { ...anytownDirectory[0]!.raw, distance: 1287 }] } },
    },
  },
  render: (args) => html`<div style="max-inline-size: 320px">${search(args)}</div>`,
  play: async (context) => {
    const { host, root, search, found, resultNames, result, distance } = await driveSearch(context);
    await search({ postcode: 'AN1 1AA' });
    await found(4);
    const [quirk, , rtl] = orukQuirksPage.contents;
    // Nearest first; those with no distance after. The nameless record is left out.
    await expect(resultNames()).toEqual(['Anytown Food Bank', quirk!.name, rtl!.name]);
    await expect(result('Anytown Food Bank')).toHaveTextContent(distance(1287));
    await expect(within(result(quirk!.name!)).queryAllByRole('listitem')).toHaveLength(0);
    // Script contents are code, not words: dropped with the tags.
    await expect(result(quirk!.name!)).toHaveTextContent('Advice & support');
    await expect(result(quirk!.name!)).not.toHaveTextContent('alert(1)');
    await expect(root.querySelector('script, img')).toBeNull();
    // Nothing is wider than the 320px column (WCAG 1.4.10 reflow).
    await expect(host.scrollWidth).toBeLessThanOrEqual(host.clientWidth);
  },
};

/**
 * A link to a search (`?q=food&category=tax-food`) opens with that search run, and the form
 * filled in: the URL is the search's state.
 */
export const FromALink: Story = {
  name: 'Opened from a link',
  beforeEach: () => openWithUrl({ q: 'food', category: 'tax-food' }),
  play: async (context) => {
    const { inside, searchbox, found, resultNames, categoriesToggle } = await driveSearch(context);
    const expected = matching('food', ['tax-food']);
    await found(expected.length);
    await expect(resultNames()).toEqual(expected.map((s) => s.raw.name));
    await expect(searchbox()).toHaveValue('food');
    await expect(((await categoriesToggle()).parentElement as HTMLDetailsElement).open).toBe(true);
    await expect(inside.getByRole('checkbox', { name: 'Food' })).toBeChecked();
  },
};

/**
 * With `map` and the council's `tile-url`, the results are also drawn on a map: numbered pins
 * matching the numbered list. The map is a picture of the list (one labelled image to assistive
 * technology, nothing in it takes focus), never the only way to the results. Leaflet and its
 * styles load only now. Results without coordinates are in the list but have no pin.
 */
export const WithMap: Story = {
  name: 'With a map',
  args: { map: true, 'tile-url': offlineTiles, 'tile-attribution': 'Map tiles: Anytown Borough Council' },
  play: async (context) => {
    const { root, inside, t, search, found } = await driveSearch(context);
    await search({ text: 'support' });
    const expected = matching('support');
    await found(expected.length);
    const map = inside.getByRole('img', { name: t('mapLabel') });
    await expect(map).toBeVisible();
    await expect(root.querySelector('ol.results')).toHaveClass('numbered');
    const pins = await waitFor(() => {
      const shown = [...root.querySelectorAll('[part~="map"] .pin')].map((pin) => pin.textContent!.trim());
      expect(shown).toHaveLength(expected.length);
      return shown;
    }, { timeout: 5000 }); // Leaflet is loaded on demand: allow for a slow first load
    await expect(pins).toEqual(expected.map((_, i) => String(i + 1)));
    await expect(map).toHaveTextContent('Map tiles: Anytown Borough Council');
    // Nothing on the map takes focus.
    await expect(map.querySelectorAll('a, button, [tabindex]:not([tabindex="-1"])')).toHaveLength(0);
  },
};

const bryncoed = {
  '--council-font-family': 'Georgia, serif',
  '--council-text-colour': '#1b1b1b',
  '--council-link-colour': '#5a2d82',
  '--council-link-hover-colour': '#3d1e59',
  '--council-brand-colour': '#5a2d82',
  '--council-button-colour': '#5a2d82',
  '--council-button-shadow-colour': '#3d1e59',
  '--council-border-colour': '#b7a6c7',
  '--council-focus-colour': '#ffbf47',
  '--council-focus-text-colour': '#1b1b1b',
};

/**
 * A council's own look: `--council-*` custom properties on any ancestor (links, the Search
 * button, the line between results), and `::part(result)` for what the tokens do not reach.
 */
export const ReThemed: Story = {
  name: 'Re-themed',
  parameters: { mockApi: { ...orukFeed('/oruk'), [SERVICES]: { body: orukV3Page } } },
  render: (args) => html`<style>
      .bryncoed council-directory-search::part(result) {
        padding-inline: 12px;
        background: #faf7fc;
      }
    </style>
    <div class="bryncoed" style=${Object.entries(bryncoed).map(([k, v]) => `${k}: ${v}`).join('; ')}>${search(args)}</div>`,
  play: async (context) => {
    const { inside, t, search, found, result } = await driveSearch(context);
    await search({ text: 'food' });
    await found(2);
    const card = getComputedStyle(result('Anytown Food Bank'));
    await expect(card.backgroundColor).toBe('rgb(250, 247, 252)');
    await expect(card.borderBottomColor).toBe('rgb(183, 166, 199)');
    await expect(card.fontFamily).toBe('Georgia, serif');
    await expect(getComputedStyle(inside.getByRole('link', { name: 'Anytown Food Bank' })).color).toBe('rgb(90, 45, 130)');
    await expect(getComputedStyle(inside.getByRole('button', { name: t('search') })).backgroundColor).toBe('rgb(90, 45, 130)');
  },
};

/** `no-url-state`: for a page with more than one search, the URL is left alone. */
export const NoUrlState: Story = {
  name: 'Without URL state',
  args: { 'no-url-state': true },
  play: async (context) => {
    const { search, found, urlState } = await driveSearch(context);
    const before = location.href;
    await search({ text: 'food' });
    await found(matching('food').length);
    await expect(urlState()).toEqual({});
    await expect(location.href).toBe(before);
  },
};

/** On a Welsh page every word of the element is Welsh, plurals included; the feed's own words are as published. */
export const Welsh: Story = {
  ...inWelsh,
  parameters: { mockApi: { ...orukFeed('/oruk'), [SERVICES]: { body: orukV3Page } } },
  play: async (context) => {
    const { inside, heading, result } = await driveSearch(context);
    const field = inside.getByRole('searchbox', { name: 'Chwilio am wasanaeth' });
    await expect(field).toHaveAccessibleDescription('Er enghraifft, banc bwyd, gofalwyr neu grŵp plant bach');
    await expect(inside.getByRole('textbox', { name: 'Ger cod post (dewisol)' })).toBeVisible();
    await expect(inside.getByRole('option', { name: '5 milltir' })).toBeInTheDocument();
    await expect(inside.getByRole('option', { name: '1 filltir' })).toBeInTheDocument();
    await userEvent.type(field, 'bwyd');
    await userEvent.click(inside.getByRole('button', { name: 'Chwilio' }));
    await heading('2 wasanaeth wedi’u canfod');
    await expect(result('Anytown Food Bank')).toHaveTextContent('Gan Anytown Community Trust');
    await expect(result('Anytown Food Bank')).toHaveTextContent('Am ddim');
    await expect(inside.getByRole('button', { name: 'Clirio’r chwiliad a’r hidlwyr' })).toBeVisible();
  },
};

const wording: StringOverrides = {
  en: { textLabel: 'What are you looking for?', search: 'Find services' },
  cy: { textLabel: 'Am beth ydych chi’n chwilio?', search: 'Dod o hyd i wasanaethau' },
};

/** Any message can be reworded by the council, in either language, with the `strings` property. */
export const CustomWording: Story = {
  name: 'Custom wording',
  render: (args) => search(args, { strings: wording }),
  play: async (context) => {
    const { inside, reworded } = await driveSearch(context);
    await expect(inside.getByRole('searchbox', { name: reworded(wording, 'textLabel') })).toBeVisible();
    await expect(inside.getByRole('button', { name: reworded(wording, 'search') })).toBeVisible();
  },
};
