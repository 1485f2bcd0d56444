import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { lastAnnouncement, type MockRoutes } from '@council-kit/core/testing';
import { anytownAddresses, communalCollections, osPlacesResponse } from '@council-kit/contracts/fixtures';
import { osPlacesSource, type AddressSource } from '@council-kit/address-lookup';
import { describeContainer, describeFrequency, rememberedProperty } from '@council-kit/waste';
import '@council-kit/waste/bin-day';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { driveLookup } from './support/address-lookup.ts';
import { inWelsh } from './support/language.ts';
import { anytownCollections, storyDay } from './support/today.ts';
import { driveWaste } from './support/waste.ts';

interface BinDayArgs {
  'api-base': string;
  uprn: string;
  weeks: number;
  'no-remember': boolean;
  'report-url': string;
  'contact-url': string;
  'heading-level': number;
  onCouncilCollectionsLoaded: (event: Event) => void;
  onCouncilAddressSelected: (event: Event) => void;
}

type Story = StoryObj<BinDayArgs>;

const ADDRESSES = 'GET /api/v1/addresses';
const collections = (uprn: string) => `GET /api/v1/waste/properties/${uprn}/collections`;
const ANYTOWN = collections(anytownCollections.uprn);
const COMMUNAL = collections(communalCollections.uprn);
const problem = { status: 500, body: { type: 'about:blank', title: 'Internal Server Error', status: 500 } };

/**
 * The fake council API behind every story unless a story says otherwise, so the Controls panel
 * and the address lookup work: every address at AN1 1AA has Anytown's four services, and
 * 100000000099 (a flat with communal bins) has none.
 */
const anytownApi: MockRoutes = {
  [ADDRESSES]: { body: anytownAddresses },
  ...Object.fromEntries(
    anytownAddresses.addresses.map((a) => [collections(a.uprn), { body: { ...anytownCollections, uprn: a.uprn, address: a.address } }]),
  ),
  [COMMUNAL]: { body: communalCollections },
};

// Dated by the page's clock (<meta name="council-today">, see support/today.ts), like the fixtures.
function binDay(args: BinDayArgs, addressSource?: AddressSource): TemplateResult {
  return html`<council-bin-day
    api-base=${args['api-base']}
    uprn=${ifDefined(args.uprn || undefined)}
    weeks=${args.weeks}
    ?no-remember=${args['no-remember']}
    report-url=${ifDefined(args['report-url'] || undefined)}
    contact-url=${ifDefined(args['contact-url'] || undefined)}
    heading-level=${args['heading-level']}
    .addressSource=${addressSource}
    @council-collections-loaded=${args.onCouncilCollectionsLoaded}
    @council-address-selected=${args.onCouncilAddressSelected}
  >
    <a href="/bin-collection-days">Check your bin collection days</a>
  </council-bin-day>`;
}

const meta = {
  title: 'Patterns/Waste/Bin day',
  component: 'council-bin-day',
  args: {
    'api-base': '/api/v1',
    uprn: anytownCollections.uprn,
    weeks: 8,
    'no-remember': false,
    'report-url': '/report-missed-bin',
    'contact-url': '/contact',
    'heading-level': 2,
    onCouncilCollectionsLoaded: fn(),
    onCouncilAddressSelected: fn(),
  },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the council API; the element calls `{api-base}/waste/properties/{uprn}/collections`.' },
    uprn: { control: 'text', description: 'The property to show. Try 100000000001 (four services) or 100000000099 (communal bins); empty asks for the address.' },
    weeks: { control: { type: 'number', min: 1, max: 52, step: 1 }, description: 'How many weeks of upcoming collections to show.' },
    'no-remember': { control: 'boolean', description: 'Do not remember the chosen property for the session (shared computers, kiosks).' },
    'report-url': { control: 'text', description: 'Page for reporting a missed collection; `?service=<id>` is added.' },
    'contact-url': { control: 'text', description: 'Page explaining how to contact the council about bins.' },
    'heading-level': { control: { type: 'number', min: 2, max: 6, step: 1 }, description: "Level of the element's main heading (service cards use the next level)." },
    onCouncilCollectionsLoaded: { table: { disable: true } },
    onCouncilAddressSelected: { table: { disable: true } },
  },
  parameters: {
    mockApi: anytownApi,
    // Each story in its own frame on the docs page, so each plays to its state with its own API.
    docs: { story: { inline: false, iframeHeight: 640 } },
  },
  // The property is remembered for the session: start every story afresh.
  beforeEach: () => sessionStorage.clear(),
  render: (args) => binDay(args),
} satisfies Meta<BinDayArgs>;

export default meta;

/** One service card, found by its heading. */
function card(root: ShadowRoot, name: string): HTMLElement {
  const service = [...root.querySelectorAll<HTMLElement>('[part~="service"]')].find(
    (li) => li.querySelector('[role="heading"]')?.textContent?.trim() === name,
  );
  expect(service, `a service card for ${name}`).toBeTruthy();
  return service!;
}

/**
 * With a `uprn` the element goes straight to the property: each service with its bin, how often
 * it comes, the next collection ("tomorrow"), a changed date after a bank holiday, today's state,
 * a report link only where the report window is open, the garden waste subscription, and the
 * calendar links. Focus moves to the heading; the count is announced.
 */
export const WithProperty: Story = {
  name: 'With a property',
  parameters: { mockApi: { [ANYTOWN]: { body: anytownCollections } } },
  play: async (context) => {
    const { root, inside, locale, t, anyKey, date, heading, focused } = await driveWaste('council-bin-day', context);
    const title = await heading(t('title', { address: anytownCollections.address }));
    await waitFor(() => expect(focused()).toBe(title));

    // The range asked for: from a week ago (for reports) to `weeks` ahead, in the page language.
    const query = mockCalls()[0]!.url.searchParams;
    await expect([query.get('from'), query.get('to'), query.get('lang')]).toEqual([storyDay(-7), storyDay(56), locale]);

    await expect(inside.getAllByRole('heading', { level: 3 }).map((h) => h.textContent!.trim())).toEqual(['Rubbish', 'Recycling', 'Food waste', 'Garden waste']);
    await waitFor(() => expect(lastAnnouncement()).toContain(t('found', { count: 4 })));
    await expect(context.args.onCouncilCollectionsLoaded).toHaveBeenCalledWith(expect.objectContaining({ detail: { services: 4 } }));

    // Rubbish: the bin, how often it comes, and the next collection, tomorrow.
    const [refuse, recycling, food, garden] = anytownCollections.services;
    const rubbish = card(root, 'Rubbish');
    await expect(rubbish).toHaveTextContent(describeContainer(refuse!.container, anyKey));
    await expect(rubbish).toHaveTextContent(describeFrequency(refuse!.frequency!, anyKey));
    await expect(rubbish.querySelector('.next')).toHaveTextContent(`${date(storyDay(1))} (${t('tomorrow')})`);

    // Recycling: a bank-holiday change (usual day struck through), and the only report link.
    const recyclingCard = card(root, 'Recycling');
    await expect(recyclingCard).toHaveTextContent(describeContainer(recycling!.container, anyKey));
    await expect(recyclingCard).toHaveTextContent(`${t('changed')} (Bank holiday)`);
    await expect(recyclingCard.querySelector('del')).toHaveTextContent(`${t('usualDay')} ${date(storyDay(39))}`);
    await expect(recyclingCard.querySelector('ins')).toHaveTextContent(`${t('newDay')} ${date(storyDay(40))}`);
    const reports = inside.getAllByRole('link', { name: t('reportMissed') });
    await expect(reports).toHaveLength(1);
    await expect(recyclingCard).toContainElement(reports[0]!);
    await expect(reports[0]).toHaveAttribute('href', '/report-missed-bin?service=recycling');
    await expect(recyclingCard).toHaveTextContent(t('reportUntil', { date: date(storyDay(1)) }));

    // Food waste: due today, and the crews are out.
    const foodCard = card(root, 'Food waste');
    await expect(foodCard.querySelector('.next')).toHaveTextContent(`${date(food!.nextCollection!)} (${t('today')})`);
    await expect(within(foodCard).getByText(t('stateInProgress'))).toBeVisible();

    // Garden waste: a paid service whose subscription has run out.
    const gardenCard = card(root, 'Garden waste');
    await expect(gardenCard).toHaveTextContent(t('subscriptionExpired'));
    await expect(within(gardenCard).getByRole('link', { name: t('renew') })).toHaveAttribute('href', garden!.subscription!.renewUrl!);

    // Every later date is one click away.
    const upcoming = within(recyclingCard).getByText(t('upcoming', { count: 8 }));
    await userEvent.click(upcoming);
    await expect(within(recyclingCard).getByText(date(storyDay(25)))).toBeVisible();

    // The calendar: a download and a webcal: subscription of the same feed, in the page language.
    const ics = `${location.origin}/api/v1/waste/properties/100000000001/collections.ics?lang=${locale}`;
    await expect(inside.getByRole('link', { name: t('download') })).toHaveAttribute('href', ics);
    await expect(inside.getByRole('link', { name: t('subscribeCalendar') })).toHaveAttribute('href', ics.replace(/^https?:/, 'webcal:'));
  },
};

/**
 * Without a `uprn` (and nothing remembered) the resident finds their address first, with the
 * address lookup. The property is then remembered for the browser session, never put in the URL.
 */
export const FindAddressFirst: Story = {
  name: 'Find the address first',
  args: { uprn: '' },
  play: async (context) => {
    const { root, t, heading } = await driveWaste('council-bin-day', context);
    // The address lookup lives in the bin day's shadow root.
    const lookup = await driveLookup({ canvasElement: root as unknown as HTMLElement, globals: context.globals });
    await lookup.findAddress('AN1 1AA');
    await lookup.heading(lookup.t('found', { count: 12, postcode: 'AN1 1AA' }));
    await userEvent.selectOptions(
      lookup.inside.getByRole('combobox', { name: lookup.t('selectLabel') }),
      lookup.inside.getByRole('option', { name: 'Flat 1, 2 High Street, Anytown, AN1 1AA' }),
    );
    await userEvent.click(lookup.inside.getByRole('button', { name: lookup.t('useAddress') }));

    await heading(t('title', { address: 'Flat 1, 2 High Street, Anytown, AN1 1AA' }));
    await expect(context.args.onCouncilAddressSelected).toHaveBeenCalledWith(expect.objectContaining({ detail: { uprn: '100000000001', manual: false } }));
    await expect(mockCalls().at(-1)!.url.pathname).toBe('/api/v1/waste/properties/100000000001/collections');
    await expect(rememberedProperty()).toEqual({ uprn: '100000000001', address: 'Flat 1, 2 High Street, Anytown, AN1 1AA' });
    await expect(location.href).not.toContain('100000000001');
  },
};

/**
 * A flat served by communal bins: the council has no per-property services, so the element
 * says so plainly and points to the council's contact page. No calendar is offered.
 */
export const Communal: Story = {
  name: 'Communal bins',
  args: { uprn: communalCollections.uprn },
  parameters: { mockApi: { [COMMUNAL]: { body: communalCollections } } },
  play: async (context) => {
    const { inside, t, heading } = await driveWaste('council-bin-day', context);
    await heading(t('title', { address: communalCollections.address }));
    await expect(inside.getByText(t('noServicesTitle'))).toBeVisible();
    await expect(inside.getByText(t('noServicesBody'))).toBeVisible();
    await expect(inside.getByRole('link', { name: t('contact') })).toHaveAttribute('href', '/contact');
    await expect(inside.queryByRole('link', { name: t('download') })).toBeNull();
  },
};

/**
 * The API answers 500. The client tries twice more with backoff, then the problem panel says so
 * plainly and offers Try again, the council's contact page and another address.
 */
export const ServiceUnavailable: Story = {
  name: 'Service unavailable',
  parameters: { mockApi: { [ANYTOWN]: problem } },
  play: async (context) => {
    const { inside, t, tc, heading } = await driveWaste('council-bin-day', context);
    await heading(tc('problemTitle'), 8000);
    await expect(mockCalls()).toHaveLength(3);
    await expect(inside.getByRole('alert')).toHaveTextContent(tc('problemBody'));
    await expect(inside.getByRole('button', { name: tc('tryAgain') })).toBeVisible();
    await expect(inside.getByRole('link', { name: t('contact') })).toHaveAttribute('href', '/contact');
    await expect(inside.getByRole('button', { name: t('changeAddress') })).toBeVisible();
  },
};

/**
 * A response that does not match the contract (`services` is not a list) is a service problem:
 * nothing half-broken is shown, and it is not retried (the same answer would come back).
 */
export const MalformedResponse: Story = {
  name: 'Malformed response',
  parameters: { mockApi: { [ANYTOWN]: { body: { uprn: anytownCollections.uprn, services: 'lots' } } } },
  play: async (context) => {
    const { inside, t, tc, heading } = await driveWaste('council-bin-day', context);
    await heading(tc('problemTitle'));
    await expect(inside.getByRole('alert')).toHaveTextContent(tc('problemBody'));
    await expect(mockCalls()).toHaveLength(1);
    await expect(inside.queryByRole('heading', { level: 3 })).toBeNull();
    await expect(inside.getByRole('link', { name: t('contact') })).toBeVisible();
  },
};

/** On a Welsh page every word is Welsh: containers, frequencies, dates and relative days. */
export const Welsh: Story = {
  ...inWelsh,
  parameters: { mockApi: { [ANYTOWN]: { body: anytownCollections } } },
  play: async (context) => {
    const { root, inside, heading, date } = await driveWaste('council-bin-day', context);
    await heading('Casgliadau biniau ar gyfer 1 High Street, Anytown, AN1 1AA');
    await expect(mockCalls()[0]!.url.searchParams.get('lang')).toBe('cy');
    const rubbish = card(root, 'Rubbish');
    await expect(rubbish).toHaveTextContent('Bin olwynion du');
    // Tomorrow in Welsh ("Dydd Mawrth 24 Tachwedd"); after "ail" the day mutates ("ddydd Mawrth").
    const tomorrow = date(storyDay(1));
    await expect(rubbish).toHaveTextContent(`Bob yn ail d${tomorrow.replace(/^Dydd/, 'dydd').replace(/ \d.*$/, '')}`);
    await expect(rubbish.querySelector('.next')).toHaveTextContent(`${tomorrow} (yfory)`);
    await expect(card(root, 'Recycling')).toHaveTextContent('Bin olwynion gwyrdd gyda chaead glas');
    await expect(card(root, 'Food waste')).toHaveTextContent('Mae criwiau’n casglu yn eich ardal heddiw');
    await expect(inside.getByRole('link', { name: 'Rhoi gwybod am gasgliad a fethwyd' })).toBeVisible();
    await expect(inside.getByRole('link', { name: 'Adnewyddu eich tanysgrifiad' })).toBeVisible();
    await expect(inside.getByRole('link', { name: 'Lawrlwytho calendr (.ics)' })).toBeVisible();
  },
};

const bryncoed = {
  '--council-font-family': 'Georgia, serif',
  '--council-text-colour': '#1b1b1b',
  '--council-link-colour': '#5a2d82',
  '--council-link-hover-colour': '#3d1e59',
  '--council-brand-colour': '#5a2d82',
  '--council-border-colour': '#b7a6c7',
  '--council-focus-colour': '#ffbf47',
  '--council-focus-text-colour': '#1b1b1b',
};

/**
 * A council's own look: `--council-*` custom properties on any ancestor (the brand colour is the
 * bar above each card), and `::part(service)` for what the tokens do not reach.
 */
export const ReThemed: Story = {
  name: 'Re-themed',
  parameters: { mockApi: { [ANYTOWN]: { body: anytownCollections } } },
  render: (args) => html`<style>
      .bryncoed council-bin-day::part(service) {
        border-radius: 4px;
      }
    </style>
    <div class="bryncoed" style=${Object.entries(bryncoed).map(([k, v]) => `${k}: ${v}`).join('; ')}>${binDay(args)}</div>`,
  play: async (context) => {
    const { root, inside, t, heading } = await driveWaste('council-bin-day', context);
    await heading(t('title', { address: anytownCollections.address }));
    const service = getComputedStyle(card(root, 'Rubbish'));
    await expect(service.borderTopColor).toBe('rgb(90, 45, 130)');
    await expect(service.borderRadius).toBe('4px');
    await expect(service.fontFamily).toBe('Georgia, serif');
    await expect(getComputedStyle(inside.getByRole('link', { name: t('download') })).color).toBe('rgb(90, 45, 130)');
  },
};

/**
 * The address lookup inside, styled from the page through the parts bin day exports
 * (`::part(address-lookup-input)`, `address-lookup-button`…: `addressLookupExportParts`), and
 * reading another address source through `addressSource` (here OS Places API results, from the
 * council's own proxy at `{api-base}/postcode`).
 */
export const LookupPartsAndSource: Story = {
  name: 'Address lookup: styled, another source',
  args: { uprn: '' },
  parameters: { mockApi: { 'GET /api/v1/postcode': { body: osPlacesResponse } } },
  render: (args) => html`<style>
      .bryncoed council-bin-day::part(address-lookup-input) {
        border-color: #5a2d82;
      }
    </style>
    <div class="bryncoed">${binDay(args, osPlacesSource)}</div>`,
  play: async (context) => {
    const { root } = await driveWaste('council-bin-day', context);
    const lookup = await driveLookup({ canvasElement: root as unknown as HTMLElement, globals: context.globals });
    const postcode = await lookup.inside.findByRole('textbox', { name: lookup.t('postcodeLabel') });
    await expect(getComputedStyle(postcode).borderTopColor).toBe('rgb(90, 45, 130)');
    await lookup.findAddress('AN1 1AA');
    await lookup.heading(lookup.t('found', { count: 2, postcode: 'AN1 1AA' }));
    await expect(mockCalls().map((call) => call.url.pathname)).toEqual(['/api/v1/postcode']);
  },
};

/**
 * `no-remember` for shared computers and kiosks: the property is shown but not kept for the
 * session, so the next person to use the page is asked for their own address.
 */
export const NoRemember: Story = {
  name: 'Not remembered (shared computers)',
  args: { 'no-remember': true },
  parameters: { mockApi: { [ANYTOWN]: { body: anytownCollections } } },
  play: async (context) => {
    const { t, heading } = await driveWaste('council-bin-day', context);
    await heading(t('title', { address: anytownCollections.address }));
    await expect(rememberedProperty()).toBeUndefined();
  },
};
