import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { StringOverrides } from '@council-kit/core';
import { lastAnnouncement, type MockResponse, type MockRoutes } from '@council-kit/core/testing';
import { anytownAddresses, noAddresses, osPlacesResponse, outsideAreaAddresses } from '@council-kit/contracts/fixtures';
import { councilApiSource, osPlacesSource, type AddressSource } from '@council-kit/address-lookup';
import '@council-kit/address-lookup/define';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { driveLookup, replaceText } from './support/address-lookup.ts';
import { inWelsh } from './support/language.ts';

interface LookupArgs {
  'api-base': string;
  postcode: string;
  name: string;
  required: boolean;
  disabled: boolean;
  'heading-level': number;
  onCouncilAddressSelected: (event: Event) => void;
}

type Story = StoryObj<LookupArgs>;

const LOOKUP = 'GET /api/v1/addresses';

/**
 * The fake council API behind every story unless a story says otherwise, so the Controls panel
 * works with any postcode: AN1 1AA has twelve addresses, other AN postcodes none, and any other
 * valid UK postcode is outside the area.
 */
function anytownApi(request: Request): MockResponse {
  const postcode = new URL(request.url).searchParams.get('postcode') ?? '';
  if (postcode === anytownAddresses.postcode) return { body: anytownAddresses };
  if (postcode.startsWith('AN')) return { body: { ...noAddresses, postcode } };
  return { body: { ...outsideAreaAddresses, postcode } };
}

function lookup(args: LookupArgs, options: { source?: AddressSource; strings?: StringOverrides } = {}): TemplateResult {
  return html`<council-address-lookup
    api-base=${args['api-base']}
    postcode=${ifDefined(args.postcode || undefined)}
    name=${ifDefined(args.name || undefined)}
    ?required=${args.required}
    ?disabled=${args.disabled}
    heading-level=${args['heading-level']}
    .source=${options.source ?? councilApiSource}
    .strings=${options.strings}
    @council-address-selected=${args.onCouncilAddressSelected}
  >
    <a href="/find-an-address">Find your address</a>
  </council-address-lookup>`;
}

const meta = {
  title: 'Patterns/Address lookup',
  component: 'council-address-lookup',
  args: {
    'api-base': '/api/v1',
    postcode: '',
    name: '',
    required: false,
    disabled: false,
    'heading-level': 2,
    onCouncilAddressSelected: fn(),
  },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the council API; the lookup calls `{api-base}/addresses?postcode=`.' },
    postcode: { control: 'text', description: 'A postcode to look up straight away. Try AN1 1AA, AN9 9ZZ or SW1A 1AA.' },
    name: { control: 'text', description: 'Name under which the chosen UPRN is submitted with an enclosing form.' },
    required: { control: 'boolean', description: 'An enclosing form cannot be submitted until an address is chosen.' },
    disabled: { control: 'boolean', description: 'Disables every control (a disabled `<fieldset>` does the same).' },
    'heading-level': { control: { type: 'number', min: 2, max: 6, step: 1 }, description: "Level of the element's headings (2–6), to fit the page's outline." },
    onCouncilAddressSelected: { table: { disable: true } },
  },
  parameters: {
    mockApi: { [LOOKUP]: anytownApi } satisfies MockRoutes,
    // Each story in its own frame on the docs page, so each plays to its state with its own API.
    docs: { story: { inline: false, iframeHeight: 480 } },
  },
  render: (args) => lookup(args),
} satisfies Meta<LookupArgs>;

export default meta;

/** The first step: a postcode field with a hint, and a button. Nothing is requested yet. */
export const Default: Story = {
  play: async (context) => {
    const { inside, t } = await driveLookup(context);
    await expect(inside.getByRole('textbox', { name: t('postcodeLabel') })).toHaveAccessibleDescription(t('postcodeHint'));
    await expect(inside.getByRole('button', { name: t('find') })).toBeVisible();
    await expect(mockCalls()).toHaveLength(0);
  },
};

/**
 * The resident types a postcode any way they like ("an11aa"); the element normalises it,
 * lists every address, announces the count and moves focus to the heading.
 */
export const Results: Story = {
  parameters: { mockApi: { [LOOKUP]: { body: anytownAddresses } } },
  play: async (context) => {
    const { inside, t, findAddress, heading, focused } = await driveLookup(context);
    await findAddress('an11aa');
    const found = t('found', { count: 12, postcode: 'AN1 1AA' });
    await expect(focused()).toBe(await heading(found));
    await expect(mockCalls()[0]!.url.searchParams.get('postcode')).toBe('AN1 1AA');
    const list = inside.getByRole('combobox', { name: t('selectLabel') });
    await expect(within(list).getAllByRole('option')).toHaveLength(13);
    await waitFor(() => expect(lastAnnouncement()).toBe(found));
  },
};

/** The resident picks their address and confirms it: the element shows it and fires `council-address-selected`. */
export const Selected: Story = {
  parameters: { mockApi: { [LOOKUP]: { body: anytownAddresses } } },
  play: async (context) => {
    const { host, inside, t, findAddress, heading, focused } = await driveLookup(context);
    await findAddress('AN1 1AA');
    await heading(t('found', { count: 12, postcode: 'AN1 1AA' }));
    await userEvent.selectOptions(inside.getByRole('combobox', { name: t('selectLabel') }), inside.getByRole('option', { name: '3 Mill Road, Anytown, AN1 1AA' }));
    await userEvent.click(inside.getByRole('button', { name: t('useAddress') }));
    await expect(focused()).toBe(await heading(t('selectedTitle')));
    await expect(inside.getByText(/3 Mill Road\s+Anytown\s+AN1 1AA/)).toBeVisible();
    await expect(context.args.onCouncilAddressSelected).toHaveBeenCalledWith(
      expect.objectContaining({ detail: { uprn: '100000000003', manual: false } }),
    );
    await expect(host.value).toMatchObject({ uprn: '100000000003', town: 'Anytown' });
  },
};

/** Not a postcode: the GOV.UK error summary takes focus and links to the field; nothing is requested. */
export const InvalidPostcode: Story = {
  name: 'Invalid postcode',
  parameters: { mockApi: { [LOOKUP]: { body: anytownAddresses } } },
  play: async (context) => {
    const { inside, t, tc, findAddress, heading, focused } = await driveLookup(context);
    await findAddress('NOT A POSTCODE');
    await heading(tc('errorSummaryTitle'));
    await expect(inside.getByRole('link', { name: t('errorInvalid') })).toBeVisible();
    await expect(focused()).toHaveClass('error-summary');
    const field = inside.getByRole('textbox', { name: t('postcodeLabel') });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(expect.stringContaining(t('errorInvalid')));
    await expect(mockCalls()).toHaveLength(0);
  },
};

/** A real postcode with no addresses yet (a new development): check the postcode, or type the address. */
export const NoAddresses: Story = {
  name: 'No addresses',
  parameters: { mockApi: { [LOOKUP]: { body: noAddresses } } },
  play: async (context) => {
    const { inside, t, findAddress, heading } = await driveLookup(context);
    await findAddress('AN9 9ZZ');
    await heading(t('noResultsTitle', { postcode: 'AN9 9ZZ' }));
    await expect(inside.getByRole('button', { name: t('checkPostcode') })).toBeVisible();
    await expect(inside.getByRole('button', { name: t('enterManually') })).toBeVisible();
  },
};

/** A valid postcode another council serves: the resident is sent to GOV.UK's council finder. */
export const OutsideArea: Story = {
  name: 'Outside area',
  parameters: { mockApi: { [LOOKUP]: { body: outsideAreaAddresses } } },
  play: async (context) => {
    const { inside, t, findAddress, heading } = await driveLookup(context);
    await findAddress('SW1A 1AA');
    await heading(t('outsideTitle', { postcode: 'SW1A 1AA' }));
    await expect(inside.getByRole('link', { name: t('findCouncil') })).toHaveAttribute('href', 'https://www.gov.uk/find-local-council');
  },
};

/**
 * The API answers 503. The client tries twice more with backoff, then the problem panel says
 * so plainly, offers Try again and the way forward that always works: typing the address.
 */
export const ServiceUnavailable: Story = {
  name: 'Service unavailable',
  parameters: { mockApi: { [LOOKUP]: { status: 503, body: { type: 'about:blank', title: 'Service Unavailable', status: 503 } } } },
  play: async (context) => {
    const { inside, t, tc, findAddress, heading } = await driveLookup(context);
    await findAddress('AN1 1AA');
    await heading(tc('problemTitle'), 8000);
    await expect(mockCalls()).toHaveLength(3);
    await expect(inside.getByRole('alert')).toHaveTextContent(tc('problemBody'));
    await expect(inside.getByRole('button', { name: tc('tryAgain') })).toBeVisible();
    await expect(inside.getByRole('button', { name: t('enterManually') })).toBeVisible();
  },
};

/** 429 with `Retry-After: 60`: too long to wait for silently, so the resident is told to wait a minute. */
export const RateLimited: Story = {
  name: 'Rate limited',
  parameters: { mockApi: { [LOOKUP]: { status: 429, headers: { 'Retry-After': '60' }, body: { type: 'about:blank', title: 'Too Many Requests', status: 429 } } } },
  play: async (context) => {
    const { inside, tc, findAddress, heading } = await driveLookup(context);
    await findAddress('AN1 1AA');
    await heading(tc('rateLimitedTitle'));
    await expect(inside.getByRole('alert')).toHaveTextContent(tc('rateLimitedBody'));
    await expect(mockCalls()).toHaveLength(1);
  },
};

/** While the lookup runs, the button gives way to a busy indicator. */
export const Finding: Story = {
  name: 'Finding (busy)',
  parameters: { mockApi: { [LOOKUP]: { hang: true } } },
  play: async (context) => {
    const { root, inside, t, findAddress } = await driveLookup(context);
    await findAddress('AN1 1AA');
    await waitFor(() => expect(inside.getByText(t('finding'))).toBeVisible());
    await expect(root.querySelector('[part~="busy"]')).toBeVisible();
    await expect(inside.queryByRole('button', { name: t('find') })).toBeNull();
  },
};

/**
 * A slow back end (4 seconds). Quick answers pass silently; after 2 seconds the element says,
 * on screen and through the live region, that this is taking longer than usual.
 */
export const SlowResponse: Story = {
  name: 'Slow response',
  parameters: { mockApi: { [LOOKUP]: { delay: 4000, body: anytownAddresses } } },
  play: async (context) => {
    const { inside, t, findAddress, heading } = await driveLookup(context);
    await findAddress('AN1 1AA');
    await waitFor(() => expect(inside.getByText(t('finding'))).toBeVisible());
    await waitFor(() => expect(inside.getByText(t('slow'))).toBeVisible(), { timeout: 3500 });
    await waitFor(() => expect(lastAnnouncement()).toBe(t('slow')));
    await heading(t('found', { count: 12, postcode: 'AN1 1AA' }), 5000);
  },
};

/**
 * "I cannot find my address in the list" opens manual entry, with the postcode carried over.
 * Submitting it incomplete shows every problem in the error summary and beside each field.
 */
export const ManualEntry: Story = {
  name: 'Manual entry with errors',
  parameters: { mockApi: { [LOOKUP]: { body: anytownAddresses } } },
  play: async (context) => {
    const { inside, t, tc, findAddress, heading, focused } = await driveLookup(context);
    await findAddress('AN1 1AA');
    await heading(t('found', { count: 12, postcode: 'AN1 1AA' }));
    await userEvent.click(inside.getByRole('button', { name: t('notListed') }));
    await heading(t('manualTitle'));
    const postcode = inside.getByRole<HTMLInputElement>('textbox', { name: t('postcodeLabel') });
    await expect(postcode).toHaveValue('AN1 1AA');
    await replaceText(postcode, 'nonsense');
    await userEvent.click(inside.getByRole('button', { name: t('useAddress') }));
    await heading(tc('errorSummaryTitle'));
    await expect(focused()).toHaveClass('error-summary');
    for (const message of [t('errorLine1'), t('errorTown'), t('errorInvalid')]) {
      await expect(inside.getByRole('link', { name: message })).toBeVisible();
    }
    await expect(inside.getByRole('textbox', { name: t('line1Label') })).toHaveAttribute('aria-invalid', 'true');
    await expect(inside.getByRole('textbox', { name: t('townLabel') })).toHaveAttribute('aria-invalid', 'true');
  },
};

/** On a Welsh page (`lang="cy"` on any ancestor) every word is Welsh, plurals included. */
export const Welsh: Story = {
  ...inWelsh,
  parameters: { mockApi: { [LOOKUP]: { body: anytownAddresses } } },
  play: async (context) => {
    const { inside, heading } = await driveLookup(context);
    const field = inside.getByRole('textbox', { name: 'Cod post' });
    await expect(field).toHaveAccessibleDescription('Er enghraifft, AN1 1AA');
    await userEvent.type(field, 'AN1 1AA');
    await userEvent.click(inside.getByRole('button', { name: 'Dod o hyd i gyfeiriad' }));
    await heading('12 cyfeiriad wedi’u canfod ar gyfer AN1 1AA');
    await expect(inside.getByRole('combobox', { name: 'Dewiswch gyfeiriad' })).toBeVisible();
    await expect(inside.getByRole('button', { name: 'Defnyddio’r cyfeiriad hwn' })).toBeVisible();
    await expect(inside.getByRole('button', { name: 'Ni allaf ddod o hyd i’m cyfeiriad yn y rhestr' })).toBeVisible();
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
  '--council-focus-colour': '#ffbf47',
  '--council-focus-text-colour': '#1b1b1b',
  '--council-radius': '4px',
};

/**
 * A council's own look: `--council-*` custom properties on any ancestor (here a wrapper), and
 * `::part(button)` for what the tokens do not reach. No change to the element.
 */
export const ReThemed: Story = {
  name: 'Re-themed',
  parameters: { mockApi: { [LOOKUP]: { body: anytownAddresses } } },
  render: (args) => html`<style>
      .bryncoed council-address-lookup::part(button) {
        font-weight: 700;
      }
    </style>
    <div class="bryncoed" style=${Object.entries(bryncoed).map(([k, v]) => `${k}: ${v}`).join('; ')}>${lookup(args)}</div>`,
  play: async (context) => {
    const { inside, t, findAddress, heading } = await driveLookup(context);
    await findAddress('AN1 1AA');
    await heading(t('found', { count: 12, postcode: 'AN1 1AA' }));
    const button = getComputedStyle(inside.getByRole('button', { name: t('useAddress') }));
    await expect(button.backgroundColor).toBe('rgb(90, 45, 130)');
    await expect(button.borderRadius).toBe('4px');
    await expect(button.fontWeight).toBe('700');
  },
};

/**
 * Inside a council's own `<form>`: with `name` it submits the chosen UPRN like any input, and
 * with `required` the form will not submit until an address is chosen. Pressing the page's
 * Continue before then shows the lookup's own error summary, pointing at what moves the resident
 * on (here the postcode), with focus on it: never the browser's validation bubble.
 */
export const InAForm: Story = {
  name: 'In a form',
  args: { name: 'property', required: true },
  parameters: { mockApi: { [LOOKUP]: { body: anytownAddresses } } },
  render: (args) => {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const sent = [...new FormData(form)].map(([key, value]) => `${key}=${String(value)}`).join('&');
      form.querySelector('output')!.value = `Submitted: ${sent}`;
    };
    return html`<form action="/report" method="post" @submit=${submit}>
      ${lookup(args)}
      <button type="submit">Continue</button>
      <p><output></output></p>
    </form>`;
  },
  play: async (context) => {
    const { host, inside, t, findAddress, heading, focused } = await driveLookup(context);
    const form = context.canvasElement.querySelector('form')!;
    const output = form.querySelector('output')!;
    await expect(host.form).toBe(form);
    await expect(form.checkValidity()).toBe(false);
    await expect(host.matches(':invalid')).toBe(true);
    let bubbles = 0;
    // The element's own listener ran first: an `invalid` it left uncancelled is the browser's bubble.
    host.addEventListener('invalid', (event) => (bubbles += event.defaultPrevented ? 0 : 1));
    await userEvent.click(form.querySelector<HTMLButtonElement>(':scope > button')!);
    await expect(output).toHaveValue('');
    await waitFor(() => expect(focused()?.classList.contains('error-summary')).toBe(true));
    await expect(inside.getByRole('link', { name: t('valueMissing') })).toBeVisible();
    await expect(inside.getByRole('textbox', { name: t('postcodeLabel') })).toHaveAttribute('aria-invalid', 'true');
    await expect(bubbles).toBe(0);

    await findAddress('AN1 1AA');
    await heading(t('found', { count: 12, postcode: 'AN1 1AA' }));
    await userEvent.selectOptions(inside.getByRole('combobox', { name: t('selectLabel') }), inside.getByRole('option', { name: '2 Church Lane, Anytown, AN1 1AA' }));
    await userEvent.click(inside.getByRole('button', { name: t('useAddress') }));
    await heading(t('selectedTitle'));
    await expect(form.checkValidity()).toBe(true);
    await userEvent.click(form.querySelector<HTMLButtonElement>(':scope > button')!);
    await expect(output).toHaveValue('Submitted: property=100000000002');
  },
};

/**
 * A council whose address proxy returns OS Places API results sets `source` to
 * `osPlacesSource`: duplicates go, capitals become title case, lines are built from the DPA fields.
 */
export const OsPlacesSource: Story = {
  name: 'OS Places source',
  args: { 'api-base': '/os' },
  parameters: { mockApi: { 'GET /os/postcode': { body: osPlacesResponse } } },
  render: (args) => lookup(args, { source: osPlacesSource }),
  play: async (context) => {
    const { inside, t, findAddress, heading } = await driveLookup(context);
    await findAddress('AN1 1AA');
    await heading(t('found', { count: 2, postcode: 'AN1 1AA' }));
    await expect(inside.getByRole('option', { name: 'Flat 2, The Old Mill, Mill Road, Stratford-upon-Avon, AN1 1AA' })).toBeInTheDocument();
    const call = mockCalls()[0]!;
    await expect(call.url.pathname).toBe('/os/postcode');
    await expect(call.url.searchParams.get('dataset')).toBe('DPA');
  },
};

/** A postcode the site already knows (`postcode` attribute) is looked up straight away. */
export const KnownPostcode: Story = {
  name: 'Known postcode',
  args: { postcode: 'an1 1aa' },
  parameters: { mockApi: { [LOOKUP]: { body: anytownAddresses } } },
  play: async (context) => {
    const { t, heading } = await driveLookup(context);
    await heading(t('found', { count: 12, postcode: 'AN1 1AA' }));
    await expect(mockCalls()).toHaveLength(1);
  },
};

/** `disabled` (or a disabled `<fieldset>` around it) disables every control. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async (context) => {
    const { inside, t } = await driveLookup(context);
    await expect(inside.getByRole('textbox', { name: t('postcodeLabel') })).toBeDisabled();
    await expect(inside.getByRole('button', { name: t('find') })).toBeDisabled();
  },
};

const wording: StringOverrides = {
  en: { find: 'Search', postcodeHint: 'The postcode of the property, for example AN1 1AA' },
  cy: { find: 'Chwilio', postcodeHint: 'Cod post yr eiddo, er enghraifft AN1 1AA' },
};

/** Any message can be reworded by the council, in either language, with the `strings` property. */
export const CustomWording: Story = {
  name: 'Custom wording',
  render: (args) => lookup(args, { strings: wording }),
  play: async (context) => {
    const { inside, t, reworded } = await driveLookup(context);
    await expect(inside.getByRole('button', { name: reworded(wording, 'find') })).toBeVisible();
    await expect(inside.getByRole('textbox', { name: t('postcodeLabel') })).toHaveAccessibleDescription(reworded(wording, 'postcodeHint'));
  },
};
