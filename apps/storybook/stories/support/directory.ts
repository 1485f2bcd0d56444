// What a resident does with the directory elements (<council-directory-search>,
// <council-service-detail>), and the fake Open Referral UK feed behind their stories. As in
// address-lookup.ts and waste.ts, every query runs inside the element's shadow root, by role and
// accessible name, and expected text comes from the element's own catalogue in the story's
// language (see language.ts), so every play also passes in Welsh.
import type { StoryContext } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Catalogue } from '@council-kit/core';
import type { MockResponse, MockRoutes } from '@council-kit/core/testing';
import { orukTaxonomyTerms, orukV3Page } from '@council-kit/contracts/fixtures';
import { distanceWords, scheduleWords, type DirectorySearch, type ServiceDetail } from '@council-kit/directory';
import type { DirectorySchedule } from '@council-kit/contracts';
// @council-kit/directory does not export its catalogues, so the plays read them from the package
// source (as waste.ts does). Swap these for a package import once the package exports them.
import { directorySearchStrings } from '../../../../packages/directory/src/directory-search/directory-search.i18n.ts';
import { resultsStrings } from '../../../../packages/directory/src/directory-search/results.i18n.ts';
import { serviceDetailStrings } from '../../../../packages/directory/src/service-detail/service-detail.i18n.ts';
import { replaceText } from './address-lookup.ts';
import { storyLanguage, type KeyOf } from './language.ts';

/**
 * The search's messages: its form's (`directorySearchStrings`), joined by its results'
 * (`resultsStrings`) when those load; the plays need both from the start.
 */
const searchStrings = {
  en: { ...directorySearchStrings.en, ...resultsStrings.en },
  cy: { ...directorySearchStrings.cy, ...resultsStrings.cy },
};

interface Directory {
  'council-directory-search': { element: DirectorySearch; key: KeyOf<typeof searchStrings> };
  'council-service-detail': { element: ServiceDetail; key: KeyOf<typeof serviceDetailStrings> };
}

type Tag = keyof Directory;

const catalogues: Record<Tag, Catalogue> = {
  'council-directory-search': searchStrings,
  'council-service-detail': serviceDetailStrings,
};

// ---------------------------------------------------------------------------------------------
// Story isolation
// ---------------------------------------------------------------------------------------------

/** The query-string parameters <council-directory-search> writes (see `writeUrl` in the element). */
export const URL_PARAMS = ['q', 'category', 'distance', 'page'] as const;

/** Where the last results page is remembered for "Back to results" (see feed.ts in the package). */
export const LAST_SEARCH_KEY = 'council-kit:directory:last-search';

/**
 * Puts the page back as if no directory search had run in it.
 *
 * Why: the search keeps its state in the page URL (`?q=food&category=tax-food&page=2`, with the
 * postcode in `history.state`), and reads it back when it connects, so a search can be linked
 * to and Back works. Every story shares one page URL: the Vitest browser runs all the stories of
 * a file one after another in one frame, and Storybook's preview keeps the query string when it
 * switches stories (it only replaces `id` and `viewMode`). Without this reset a story would open
 * with the previous story's search already run. Only the directory's own parameters go:
 * Storybook's (`id`, `viewMode`, `args`, `globals`) stay. The remembered "last search" for the
 * detail page's Back link is cleared for the same reason.
 */
export function resetDirectoryState(): void {
  const url = new URL(location.href);
  for (const name of URL_PARAMS) url.searchParams.delete(name);
  const state: unknown = history.state;
  const kept = state && typeof state === 'object' ? Object.fromEntries(Object.entries(state).filter(([key]) => key !== 'councilPostcode')) : state;
  history.replaceState(kept, '', url);
  sessionStorage.removeItem(LAST_SEARCH_KEY);
}

/** Sets the directory's parameters on the page URL, as a link to a search would. Returns the reset. */
export function openWithUrl(params: Record<string, string | string[]>): () => void {
  resetDirectoryState();
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) url.searchParams.append(name, v);
  history.replaceState(history.state, '', url);
  return resetDirectoryState;
}

// ---------------------------------------------------------------------------------------------
// The fake feed
// ---------------------------------------------------------------------------------------------

/** The categories the fake feed offers: the contract fixture's three, and two more. */
export const anytownTerms = {
  ...orukTaxonomyTerms,
  total_items: 5,
  contents: [...orukTaxonomyTerms.contents, { id: 'tax-health', name: 'Health and wellbeing' }, { id: 'tax-housing', name: 'Housing' }],
};

const term = (id: string) => anytownTerms.contents.find((t) => t.id === id)!;

type RawService = Record<string, unknown> & { id: string; name: string };

/** A small ORUK v3 service record, as a council's directory publishes it. */
function service(id: string, name: string, description: string, organisation: string, terms: string[], place: [string, string, string], extra: Record<string, unknown> = {}): RawService {
  const [location, street, postcode] = place;
  return {
    id,
    name,
    description,
    organization: { id: `org-${id}`, name: organisation },
    service_at_locations: [{ id: `sal-${id}`, location: { id: `loc-${id}`, name: location, addresses: [{ address_1: street, city: 'Anytown', postal_code: postcode }] } }],
    attributes: terms.map((t) => ({ taxonomy_term: term(t) })),
    ...extra,
  };
}

const [foodBank, toddlers] = orukV3Page.contents as unknown as RawService[];

/**
 * Gives a service's first location coordinates about `metres` from the food bank (the fake
 * feed's centre), in a different direction for each, so a map of results has pins to show.
 * Returns a copy: the contract fixtures are shared with other stories.
 */
function placed(raw: RawService, metres: number, index: number): RawService {
  const [sal, ...rest] = raw.service_at_locations as { location: Record<string, unknown> }[];
  if (!sal || sal.location.latitude !== undefined) return raw;
  const angle = index * 2.4;
  const latitude = 52.2001 + (metres / 111_320) * Math.sin(angle);
  const longitude = -1.5002 + (metres / (111_320 * Math.cos((52.2 * Math.PI) / 180))) * Math.cos(angle);
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return { ...raw, service_at_locations: [{ ...sal, location: { ...sal.location, latitude: round(latitude), longitude: round(longitude) } }, ...rest] };
}

/**
 * Anytown's directory: the contract fixture's food bank and toddler group, and fourteen more,
 * each with its distance in metres from the postcode a story searches near (any postcode: the
 * fake feed has one centre), so `/service_at_locations` can filter by `proximity`.
 */
export const anytownDirectory: { raw: RawService; metres: number }[] = ([
  { raw: foodBank!, metres: 1287 },
  { raw: toddlers!, metres: 3000 },
  { raw: service('svc-citizens-advice', 'Anytown Citizens Advice', 'Free, confidential advice and support on money, debt, benefits, housing and work.', 'Citizens Advice Anytown', ['tax-money', 'tax-housing'], ['The Guildhall', 'Market Square', 'AN1 1AB'], { cost_options: [{ option: 'Free', amount: 0 }] }), metres: 450 },
  { raw: service('svc-debt-clinic', 'Money Matters Debt Clinic', 'One-to-one support to deal with debts, make a budget and talk to the people you owe.', 'Anytown Credit Union', ['tax-money'], ['Credit Union Office', '12 Bridge Street', 'AN1 3CD']), metres: 2400 },
  { raw: service('svc-carers-cafe', 'Carers’ Café', 'A monthly meet-up with tea, cake and support for unpaid carers.', 'Anytown Carers Centre', ['tax-health'], ['The Old School', 'School Lane', 'AN2 4EF']), metres: 5200 },
  { raw: service('svc-community-fridge', 'Anytown Community Fridge', 'Free surplus food from local shops, for anyone. No referral needed.', 'Anytown Community Trust', ['tax-food'], ['Community Centre', '4 Park Road', 'AN1 2GH'], { cost_options: [{ option: 'Free', amount: 0 }] }), metres: 900 },
  { raw: service('svc-holiday-club', 'Holiday Activities and Food', 'Free activities and a healthy meal in the school holidays for children who get free school meals.', 'Anytown Borough Council', ['tax-family', 'tax-food'], ['Anytown Leisure Centre', 'Sports Way', 'AN3 5JK'], { minimum_age: 5, maximum_age: 16 }), metres: 7400 },
  { raw: service('svc-warm-space', 'Warm Space at Anytown Library', 'A warm, welcoming place to sit, read and use the computers, with hot drinks and support with energy bills.', 'Anytown Libraries', ['tax-housing', 'tax-money'], ['Anytown Library', '1 Library Walk', 'AN1 1AC']), metres: 600 },
  { raw: service('svc-housing-options', 'Housing Options and Homelessness', 'Help and support if you are homeless or at risk of losing your home.', 'Anytown Borough Council', ['tax-housing'], ['Civic Centre', 'Civic Way', 'AN1 1AD'], { phones: [{ number: '01632 960 500' }] }), metres: 1100 },
  { raw: service('svc-talking-therapies', 'Anytown Talking Therapies', 'NHS talking therapies for anxiety and depression. You can refer yourself.', 'Anytown NHS Trust', ['tax-health'], ['Riverside Health Centre', 'Riverside', 'AN4 6LM']), metres: 8800 },
  { raw: service('svc-walking-group', 'Healthy Walks', 'Free, friendly group walks of about an hour, led by trained volunteers.', 'Anytown Ramblers', ['tax-health'], ['Anytown Park gates', 'Park Road', 'AN1 2GJ']), metres: 1500 },
  { raw: service('svc-young-carers', 'Young Carers Group', 'Fun, breaks and support for young people who look after someone at home.', 'Anytown Carers Centre', ['tax-family', 'tax-health'], ['The Old School', 'School Lane', 'AN2 4EF'], { minimum_age: 8, maximum_age: 18 }), metres: 5200 },
  { raw: service('svc-baby-bank', 'Anytown Baby Bank', 'Clothes, prams and equipment for babies and young children, with support from a family worker.', 'Anytown Family Hub', ['tax-family'], ['Family Hub', '5 Mill Road', 'AN1 2BB']), metres: 3000 },
  { raw: service('svc-energy-advice', 'Home Energy Advice', 'Support to cut energy bills, apply for grants and deal with damp and mould.', 'Anytown Energy Partnership', ['tax-housing', 'tax-money'], ['Civic Centre', 'Civic Way', 'AN1 1AD']), metres: 1100 },
  { raw: service('svc-dementia-cafe', 'Memory Café', 'A relaxed afternoon for people living with dementia and the people who support them.', 'Anytown Age Concern', ['tax-health'], ['St Mary’s Church Hall', '1 Church Lane', 'AN1 1AA']), metres: 1287 },
  { raw: service('svc-pantry', 'Anytown Food Pantry', 'Join for £3.50 a week and choose groceries worth much more, with support to save money.', 'Anytown Community Trust', ['tax-food', 'tax-money'], ['Community Centre', '4 Park Road', 'AN1 2GH'], { cost_options: [{ option: '£3.50 a week', amount: 3.5, currency: 'GBP' }] }), metres: 900 },
] satisfies { raw: RawService; metres: number }[]).map(({ raw, metres }, index) => ({ raw: placed(raw, metres, index), metres }));

/**
 * Map tiles that need no network: one plain SVG square for every tile (Leaflet fills `{z}`,
 * `{x}` and `{y}` only where the template has them). A council gives its own tile server.
 */
export const offlineTiles = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='256' height='256'><rect width='256' height='256' fill='#eef2ee' stroke='#d5ddd5'/></svg>",
)}`;

function words(service: RawService): string {
  const org = (service.organization as { name?: string } | undefined)?.name ?? '';
  const terms = ((service.attributes as { taxonomy_term: { name: string } }[] | undefined) ?? []).map((a) => a.taxonomy_term.name).join(' ');
  return `${service.name} ${String(service.description ?? '')} ${org} ${terms}`.toLowerCase();
}

/** The services the fake feed finds for a keyword and categories (any category matches). */
export function matching(text = '', categories: string[] = []): { raw: RawService; metres: number }[] {
  const keywords = text.toLowerCase().split(/\s+/).filter(Boolean);
  return anytownDirectory.filter(({ raw }) => {
    const terms = ((raw.attributes as { taxonomy_term: { id: string } }[] | undefined) ?? []).map((a) => a.taxonomy_term.id);
    return keywords.every((k) => words(raw).includes(k)) && (categories.length === 0 || categories.some((c) => terms.includes(c)));
  });
}

/** One ORUK v3 page of `rows` (`page` is 1-based). */
export function v3Page<T>(rows: T[], page = 1, perPage = 10) {
  const totalPages = Math.max(1, Math.ceil(rows.length / perPage));
  return {
    total_items: rows.length,
    total_pages: totalPages,
    page_number: page,
    size: perPage,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: rows.length === 0,
    contents: rows.slice((page - 1) * perPage, page * perPage),
  };
}

/**
 * A fake ORUK v3 feed at `base` over `anytownDirectory`, as a council's directory API answers:
 * `/services` (search, taxonomy_term_id, page, per_page), `/service_at_locations` (the same, plus
 * postcode and proximity in metres, each row with its `distance`; in the feed's own order, since
 * ORUK has no sort), `/services/{id}` and `/taxonomy_terms`.
 */
export function orukFeed(base = '/oruk'): MockRoutes {
  const query = (request: Request) => {
    const params = new URL(request.url).searchParams;
    return {
      rows: matching(params.get('search') ?? '', (params.get('taxonomy_term_id') ?? '').split(',').filter(Boolean)),
      page: Number(params.get('page')) || 1,
      perPage: Number(params.get('per_page')) || 10,
      proximity: Number(params.get('proximity')) || Infinity,
    };
  };
  return {
    // An ORUK v3 root, which `version="auto"` asks once.
    [`GET ${base}/`]: { body: { version: '3.0', profile: 'https://github.com/OpenReferralUK/uk-profile' } },
    [`GET ${base}/taxonomy_terms`]: { body: anytownTerms },
    // Near a postcode, each service once with its distance, as the council API answers.
    [`GET ${base}/services`]: (request): MockResponse => {
      const { rows, page, perPage, proximity } = query(request);
      if (!new URL(request.url).searchParams.has('postcode')) return { body: v3Page(rows.map((r) => r.raw), page, perPage) };
      return { body: v3Page(rows.filter((r) => r.metres <= proximity).map(({ raw, metres }) => ({ ...raw, distance: metres })), page, perPage) };
    },
    [`GET ${base}/service_at_locations`]: (request): MockResponse => {
      const { rows, page, perPage, proximity } = query(request);
      const near = rows
        .filter((r) => r.metres <= proximity)
        .map(({ raw, metres }) => {
          const sal = (raw.service_at_locations as { id?: string; location: unknown }[])[0]!;
          return { id: sal.id ?? `sal-${raw.id}`, distance: metres, service: raw, location: sal.location };
        });
      return { body: v3Page(near, page, perPage) };
    },
    ...Object.fromEntries(anytownDirectory.map(({ raw }) => [`GET ${base}/services/${raw.id}`, { body: raw }])),
  };
}

/** An RFC 9457 problem, as a failing feed answers. */
export const serverError = { status: 500, body: { type: 'about:blank', title: 'Internal Server Error', status: 500 } } satisfies MockResponse;

// ---------------------------------------------------------------------------------------------
// The resident
// ---------------------------------------------------------------------------------------------

export async function driveDirectory<T extends Tag>(tag: T, { canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const words = storyLanguage(globals, catalogues[tag] as Catalogue<Directory[T]['key']>);
  const { anyKey } = words;
  const host = await waitFor(() => {
    const el = canvasElement.querySelector<Directory[T]['element']>(tag);
    expect(el?.shadowRoot, 'the element upgraded and rendered').toBeTruthy();
    return el!;
  });
  await host.updateComplete;
  const root = host.shadowRoot!;
  const inside = within(root as unknown as HTMLElement);

  async function visible<E extends HTMLElement>(find: () => E, timeout = 3000): Promise<E> {
    return waitFor(
      () => {
        const found = find();
        expect(found).toBeVisible();
        return found;
      },
      { timeout },
    );
  }

  return {
    host,
    root,
    inside,
    // The story's language and the element's words in it: locale, t, tc, anyKey, reworded.
    ...words,
    /** "0.8 miles away" / "0.8 milltir i ffwrdd", as the element says a distance in metres. */
    distance: (metres: number) => distanceWords(metres, anyKey),
    /** Opening times in plain words, as the detail page says them. */
    schedule: (schedule: DirectorySchedule) => scheduleWords(schedule, anyKey),
    /** A date as the detail page shows it: "1 October 2026" / "1 Hydref 2026". */
    date: (iso: string) => words.date(iso, { weekday: false }),
    /** Waits for a heading with `name` to be visible, and returns it. */
    heading: (name: string | RegExp, timeout?: number) => visible(() => inside.getByRole('heading', { name }), timeout),
    /** The element currently focused inside the shadow root. */
    focused(): Element | null {
      return root.activeElement;
    },
  };
}

/** The resident's side of <council-directory-search>: the form, the results, the pages. */
export async function driveSearch(context: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const d = await driveDirectory('council-directory-search', context);
  const { root, inside, t } = d;

  const searchbox = () => inside.getByRole<HTMLInputElement>('searchbox', { name: t('textLabel') });
  const postcodeField = () => inside.getByRole<HTMLInputElement>('textbox', { name: t('postcodeLabel') });
  const distanceField = () => inside.getByRole<HTMLSelectElement>('combobox', { name: t('distanceLabel') });
  /** The categories disclosure (it appears once the feed's categories have loaded). */
  const categoriesToggle = () =>
    waitFor(() => {
      const summary = root.querySelector<HTMLElement>('details > summary');
      expect(summary, 'the category filter').toBeTruthy();
      return summary!;
    });

  return {
    ...d,
    searchbox,
    postcodeField,
    distanceField,
    categoriesToggle,
    /** Fills in what is given (replacing what is there), ticks categories, and presses Search. */
    async search({ text, postcode, miles, categories = [] }: { text?: string; postcode?: string; miles?: number; categories?: string[] }) {
      if (text !== undefined) await replaceText(searchbox(), text);
      if (postcode !== undefined) await replaceText(postcodeField(), postcode);
      if (miles !== undefined) await userEvent.selectOptions(distanceField(), String(miles));
      if (categories.length) {
        const details = (await categoriesToggle()).parentElement as HTMLDetailsElement;
        if (!details.open) await userEvent.click(details.querySelector('summary')!);
        for (const name of categories) await userEvent.click(inside.getByRole('checkbox', { name }));
      }
      await userEvent.click(inside.getByRole('button', { name: t('search') }));
    },
    /** Waits for the results heading ("2 services found", or "No services found"), and returns it. */
    found: (count: number, timeout?: number) => d.heading(count ? t('found', { count }) : t('noneTitle'), timeout),
    /** The names of the results shown, in order. */
    resultNames(): string[] {
      return [...root.querySelectorAll('[part~="result"] [role="heading"]')].map((h) => h.textContent!.trim());
    },
    /** One result, found by its name. */
    result(name: string): HTMLElement {
      const item = [...root.querySelectorAll<HTMLElement>('[part~="result"]')].find((li) => li.querySelector('[role="heading"]')?.textContent?.trim() === name);
      expect(item, `a result called ${name}`).toBeTruthy();
      return item!;
    },
    /** The directory's parameters in the page URL. */
    urlState(): Record<string, string[]> {
      const params = new URLSearchParams(location.search);
      return Object.fromEntries(URL_PARAMS.map((name) => [name, params.getAll(name)]).filter(([, values]) => values!.length));
    },
  };
}
