import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { orukQuirksPage, orukV1Page, orukV3Page } from '@council-kit/contracts/fixtures';
import type { OrukVersion } from '@council-kit/contracts';
import '@council-kit/directory/service-detail';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { driveDirectory, LAST_SEARCH_KEY, orukFeed, resetDirectoryState, serverError } from './support/directory.ts';
import { inWelsh } from './support/language.ts';

interface DetailArgs {
  'api-base': string;
  version: OrukVersion;
  'service-id': string;
  'back-url': string;
}

type Story = StoryObj<DetailArgs>;

const [foodBank, toddlers] = orukV3Page.contents;
const FOOD_BANK = `GET /oruk/services/${foodBank!.id}`;

/**
 * `version` is read only when the service loads, so each change in the Controls panel gets a
 * fresh element (`keyed` on the attributes), which loads the service again.
 *
 * `service-id` is always set in these stories: without it the element reads `?id=` from the
 * page URL, which in Storybook's preview frame is the story's own id.
 */
function detail(args: DetailArgs): TemplateResult {
  return html`${keyed(
    JSON.stringify(args),
    html`<council-service-detail
      api-base=${args['api-base']}
      version=${args.version}
      service-id=${ifDefined(args['service-id'] || undefined)}
      back-url=${ifDefined(args['back-url'] || undefined)}
    >
      <a href=${`/directory/service?id=${encodeURIComponent(args['service-id'])}`}>View this service in the directory</a>
    </council-service-detail>`,
  )}`;
}

const meta = {
  title: 'Patterns/Directory/Service detail',
  component: 'council-service-detail',
  args: {
    'api-base': '/oruk',
    version: 'auto',
    'service-id': foodBank!.id,
    'back-url': '/directory',
  },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the ORUK feed; the element calls `{api-base}/services/{service-id}`.' },
    version: { control: 'inline-radio', options: ['auto', 'v3', 'v1'], description: "The feed's ORUK version. Both versions' service records are read either way." },
    'service-id': {
      control: 'text',
      description: 'The service to show (default: `?id=` in the page URL). Try svc-food-bank, svc-toddlers, svc-citizens-advice, or anything else for "not found".',
    },
    'back-url': { control: 'text', description: 'The search page, for "Back to results" when the resident did not come from a search.' },
  },
  parameters: {
    mockApi: orukFeed('/oruk'),
    docs: { story: { inline: false, iframeHeight: 720 } },
  },
  // "Back to results" returns to the last search, remembered for the session: start every story
  // without one (see resetDirectoryState in support/directory.ts).
  beforeEach: () => {
    resetDirectoryState();
    return resetDirectoryState;
  },
  render: (args) => detail(args),
} satisfies Meta<DetailArgs>;

export default meta;

/** The `dd`s that follow a `dt`, as text. */
function described(root: ShadowRoot, term: string): string[] {
  const dt = [...root.querySelectorAll('dt')].find((d) => d.textContent!.trim() === term);
  expect(dt, `a "${term}" entry`).toBeTruthy();
  const values: string[] = [];
  for (let next = dt!.nextElementSibling; next?.tagName === 'DD'; next = next.nextElementSibling) values.push(next.textContent!.trim());
  return values;
}

/**
 * Everything a full ORUK v3 record holds, in plain words: the name as the heading, who runs it,
 * the description (the feed's HTML shown as paragraphs of text), phone, email and website links,
 * where (with accessibility), opening times ("Mondays, Wednesdays and Fridays 10am to 12:30pm"),
 * cost, who it is for, languages, and when the information was last checked.
 */
export const FullRecord: Story = {
  name: 'Full record',
  play: async (context) => {
    const { root, inside, t, heading, schedule, date } = await driveDirectory('council-service-detail', context);
    await heading(foodBank!.name);
    await expect(inside.getByText(t('by', { organisation: 'Anytown Community Trust' }))).toBeVisible();
    await expect(inside.getByText('Emergency food parcels for anyone in need.')).toBeVisible();
    await expect(inside.getByText('Bring a referral voucher if you have one.')).toBeVisible();
    await expect(root.querySelector('strong, p p')).toBeNull();

    await expect(inside.getByRole('link', { name: '01632 960 123' })).toHaveAttribute('href', 'tel:01632960123');
    await expect(inside.getByRole('link', { name: 'help@foodbank.anytown.example' })).toHaveAttribute('href', 'mailto:help@foodbank.anytown.example');
    const website = inside.getByRole('link', { name: t('websiteLink') });
    await expect(website).toHaveAttribute('href', 'https://foodbank.anytown.example');
    await expect(website).toHaveAttribute('target', '_blank');
    await expect(website).toHaveAttribute('rel', 'noopener noreferrer');

    await expect(described(root, t('where'))).toEqual(['St Mary’s Church Hall\n1 Church Lane, Anytown\nAN1 1AA', `${t('accessibility')}: Step-free entrance, Accessible toilet`]);
    await expect(described(root, t('when'))).toEqual([
      schedule({ freq: 'WEEKLY', byday: ['MO', 'WE', 'FR'], opensAt: '10:00', closesAt: '12:30' }),
      schedule({ freq: 'MONTHLY', byday: ['1SA'], opensAt: '09:00', closesAt: '12:00' }),
    ]);
    await expect(described(root, t('costs'))).toEqual([t('free')]);
    await expect(described(root, t('who'))).toEqual(['Anyone living in Anytown']);
    await expect(described(root, t('languages'))).toEqual(['English, Welsh, Polish']);
    await expect(inside.getByText(t('updated', { date: date('2026-10-01') }))).toBeVisible();
    await expect(inside.getByRole('link', { name: t('back') })).toHaveAttribute('href', '/directory');
    await expect(mockCalls().map((c) => c.url.pathname)).toEqual([`/oruk/services/${foodBank!.id}`]);
  },
};

/**
 * A record with only what ORUK requires (`id`, `name`) and a description: the optional
 * sections are left out, not shown empty.
 */
export const MissingOptionalFields: Story = {
  name: 'Missing optional fields',
  args: { 'service-id': 'svc-lunch-club' },
  parameters: {
    mockApi: { 'GET /oruk/services/svc-lunch-club': { body: { id: 'svc-lunch-club', name: 'Friday Lunch Club', description: 'A hot two-course lunch and company, every Friday.' } } },
  },
  play: async (context) => {
    const { root, inside, t, heading } = await driveDirectory('council-service-detail', context);
    await heading('Friday Lunch Club');
    await expect(inside.getByText('A hot two-course lunch and company, every Friday.')).toBeVisible();
    await expect(root.querySelectorAll('dt')).toHaveLength(0);
    await expect(inside.queryByRole('link', { name: t('websiteLink') })).toBeNull();
    await expect(inside.queryByText(t('updated', { date: '' }).trim(), { exact: false })).toBeNull();
    await expect(inside.getByRole('link', { name: t('back') })).toBeVisible();
  },
};

/**
 * A service for young children with no contact details and no checked date (the toddler group),
 * opened after a search: "Back to results" returns to that search, page and all, rather than
 * to `back-url`.
 */
export const BackToSearch: Story = {
  name: 'Back to the search',
  args: { 'service-id': toddlers!.id },
  beforeEach: () => {
    sessionStorage.setItem(LAST_SEARCH_KEY, '/directory?q=toddler&page=2');
  },
  play: async (context) => {
    const { root, inside, t, heading } = await driveDirectory('council-service-detail', context);
    await heading(toddlers!.name);
    await expect(inside.getByRole('link', { name: t('back') })).toHaveAttribute('href', '/directory?q=toddler&page=2');
    await expect(described(root, t('who'))).toEqual([t('ages', { min: 0, max: 5 })]);
    await expect(described(root, t('costs'))).toEqual(['£1 per family']);
    await expect([...root.querySelectorAll('dt')].map((dt) => dt.textContent!.trim())).not.toContain(t('contact'));
  },
};

/** A v1 record (`regular_schedules`, `contacts[].phones`, `eligibilitys`, a website without its scheme). */
export const V1Record: Story = {
  name: 'ORUK v1 record',
  args: { 'api-base': '/v1', version: 'v1', 'service-id': '101' },
  parameters: { mockApi: { 'GET /v1/services/101': { body: orukV1Page.content[0] } } },
  play: async (context) => {
    const { root, inside, t, heading, schedule } = await driveDirectory('council-service-detail', context);
    await heading('Anytown Food Bank');
    await expect(inside.getByRole('link', { name: '01632 960 123' })).toHaveAttribute('href', 'tel:01632960123');
    await expect(inside.getByRole('link', { name: t('websiteLink') })).toHaveAttribute('href', 'https://www.foodbank.anytown.example');
    await expect(described(root, t('when'))).toEqual([
      schedule({ freq: 'WEEKLY', byday: ['MO'], opensAt: '10:00', closesAt: '12:30' }),
      schedule({ freq: 'WEEKLY', byday: ['WE'], opensAt: '10:00', closesAt: '12:30' }),
    ]);
    await expect(described(root, t('where'))).toContain(`${t('accessibility')}: Ramp`);
    await expect(described(root, t('who'))).toEqual(['Anyone living in Anytown']);
  },
};

/**
 * What real feeds send: a very long name (it wraps, even at 320px), a description with script
 * and markup (shown as text, never run), a `javascript:` website (no link at all), and a
 * location with only a name.
 */
export const QuirksRecord: Story = {
  name: 'Quirks record',
  args: { 'service-id': 'svc-quirk' },
  parameters: { mockApi: { 'GET /oruk/services/svc-quirk': { body: orukQuirksPage.contents[0] } } },
  render: (args) => html`<div style="max-inline-size: 320px">${detail(args)}</div>`,
  play: async (context) => {
    const { host, root, inside, t, heading } = await driveDirectory('council-service-detail', context);
    await heading(orukQuirksPage.contents[0]!.name!);
    await expect(inside.getByText('Advice & support', { exact: true })).toBeVisible();
    await expect(root.querySelector('script, img')).toBeNull();
    await expect(inside.queryByRole('link', { name: t('websiteLink') })).toBeNull();
    await expect([...root.querySelectorAll('a')].every((a) => /^(https?:|mailto:|tel:)/.test(a.href))).toBe(true);
    await expect(described(root, t('where'))).toEqual(['Somewhere']);
    // A very long name wraps inside the 320px column, in every look (WCAG 1.4.10 reflow).
    await expect(host.scrollWidth).toBeLessThanOrEqual(host.clientWidth);
  },
};

/** A service the feed no longer has (404): said plainly, with the way back to the search. */
export const NotFound: Story = {
  name: 'Not found',
  args: { 'service-id': 'svc-closed' },
  parameters: { mockApi: { 'GET /oruk/services/svc-closed': { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } } } },
  play: async (context) => {
    const { inside, t, heading } = await driveDirectory('council-service-detail', context);
    await heading(t('notFoundTitle'));
    await expect(inside.getByText(t('notFoundBody'))).toBeVisible();
    await expect(inside.getByRole('link', { name: t('back') })).toHaveAttribute('href', '/directory');
    await expect(mockCalls()).toHaveLength(1);
  },
};

/**
 * The feed answers 500. The client tries twice more with backoff, then the problem panel says so
 * with Try again, which loads the service once the feed is back.
 */
export const Unavailable: Story = {
  name: 'Service unavailable',
  parameters: { mockApi: { [FOOD_BANK]: [serverError, serverError, serverError, { body: foodBank }] } },
  play: async (context) => {
    const { root, inside, tc, heading } = await driveDirectory('council-service-detail', context);
    await heading(tc('problemTitle'), 8000);
    await expect(mockCalls()).toHaveLength(3);
    await expect(inside.getByRole('alert')).toHaveTextContent(tc('problemBody'));
    await userEvent.click(inside.getByRole('button', { name: tc('tryAgain') }));
    await heading(foodBank!.name);
    // The button is gone: focus moves to the service's heading.
    await waitFor(() => expect(root.activeElement?.textContent).toBe(foodBank!.name));
  },
};

/** While the service loads, a busy indicator with words. */
export const Loading: Story = {
  parameters: { mockApi: { [FOOD_BANK]: { hang: true } } },
  play: async (context) => {
    const { root, inside, t } = await driveDirectory('council-service-detail', context);
    await waitFor(() => expect(inside.getByText(t('loading'))).toBeVisible());
    await expect(root.querySelector('[part~="busy"]')).toBeVisible();
  },
};

/** On a Welsh page every word of the element is Welsh: headings, opening times, dates; the feed's words are as published. */
export const Welsh: Story = {
  ...inWelsh,
  play: async (context) => {
    const { root, inside, heading } = await driveDirectory('council-service-detail', context);
    await heading('Anytown Food Bank');
    await expect(inside.getByText('Yn cael ei redeg gan Anytown Community Trust')).toBeVisible();
    const times = described(root, 'Oriau agor');
    await expect(times[0]).toBe('Bob dydd Llun, bob dydd Mercher a bob dydd Gwener 10yb i 12:30yp');
    // After "i" Welsh mutates "canol" to "ganol".
    await expect(times[1]).toBe('Dydd Sadwrn cyntaf y mis 9yb i ganol dydd');
    await expect(described(root, 'Cost')).toEqual(['Am ddim']);
    await expect(inside.getByRole('link', { name: 'Ewch i’r wefan (yn agor mewn tab newydd)' })).toBeVisible();
    await expect(inside.getByText('Gwiriwyd y wybodaeth ddiwethaf ar 1 Hydref 2026')).toBeVisible();
    await expect(within(root as unknown as HTMLElement).getByRole('link', { name: 'Yn ôl i’r canlyniadau' })).toBeVisible();
  },
};
