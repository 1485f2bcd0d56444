import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { BulkyBooking, BulkyCatalogue } from '@council-kit/contracts';
import type { Catalogue } from '@council-kit/core';
import { anytownAddresses } from '@council-kit/contracts/fixtures';
import { rememberProperty, type BulkyWaste } from '@council-kit/waste';
import '@council-kit/waste/bulky-waste';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { anytownCollections } from './support/today.ts';
import { storyLanguage } from './support/language.ts';
// The element's catalogues, from the package source as support/waste.ts reads the others.
import { bulkyWasteStrings } from '../../../packages/waste/src/bulky-waste/bulky-waste.i18n.ts';
import { finishStrings } from '../../../packages/waste/src/bulky-waste/finish.i18n.ts';
import { manageStrings } from '../../../packages/waste/src/bulky-waste/manage.i18n.ts';
import { paymentReturnStrings } from '../../../packages/waste/src/bulky-waste/payment-return.i18n.ts';
import type { PaymentReturnKey } from '../../../packages/waste/src/shared/payment-return.ts';

interface BulkyArgs {
  'api-base': string;
  uprn: string;
  'contact-url': string;
  'manage-url': string;
  'no-remember': boolean;
  onCouncilBulkyBooked: (event: Event) => void;
  onCouncilBulkyChanged: (event: Event) => void;
}

type Story = StoryObj<BulkyArgs>;

const property = { uprn: anytownCollections.uprn, address: anytownCollections.address };
const CATALOGUE = 'GET /api/v1/waste/bulky/catalogue';
const DATES = `GET /api/v1/waste/properties/${property.uprn}/bulky-dates`;
const BOOK = 'POST /api/v1/waste/bulky-bookings';
const reference = 'BK4H8N2W';
// A manage token is 43 base64url characters (256 bits); the element ignores a link with any other.
const token = 'Zm9yLXRoZS1zdG9yeS1vbmx5LW5vdC1hLXJlYWwtdG9';
const BOOKING = `/api/v1/waste/bulky-bookings/${reference}`;
const unavailable = { status: 503, body: { type: 'about:blank', title: 'Service Unavailable', status: 503 } };

/** Anytown's catalogue, as the council API serves it by default. */
const catalogue: BulkyCatalogue = {
  version: 'anytown-2026-1',
  items: [
    { id: 'sofa', label: { en: 'Sofa', cy: 'Soffa' }, price: 2000, slots: 2 },
    { id: 'mattress', label: { en: 'Mattress', cy: 'Matres' }, price: 1500, slots: 1 },
    { id: 'fridge-freezer', label: { en: 'Fridge or freezer', cy: 'Oergell neu rewgell' }, price: 2500, slots: 2 },
    { id: 'washing-machine', label: { en: 'Washing machine', cy: 'Peiriant golchi' }, price: 2000, slots: 2 },
    { id: 'wardrobe', label: { en: 'Wardrobe', cy: 'Cwpwrdd dillad' }, price: 2000, slots: 2 },
  ],
  refused: [
    { id: 'tyres', label: { en: 'Tyres', cy: 'Teiars' }, instead: { en: 'Ask a tyre fitter to take them, or take up to 4 to the household waste recycling centre.', cy: 'Gofynnwch i osodwr teiars fynd â nhw, neu ewch â hyd at 4 i’r ganolfan ailgylchu gwastraff cartref.' } },
    { id: 'asbestos', label: { en: 'Asbestos', cy: 'Asbestos' }, instead: { en: 'Call us: asbestos is collected by a licensed contractor by appointment.', cy: 'Ffoniwch ni: caiff asbestos ei gasglu gan gontractwr trwyddedig drwy apwyntiad.' } },
  ],
  maxItems: 6,
  slotsPerDay: 20,
  weeksAhead: 4,
  cutoffWorkingDays: 1,
  cutoffTime: '12:00',
};
const dates = { uprn: property.uprn, address: property.address, dates: ['2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29'] };
const receipt = { reference, amount: 3500, collectionDate: '2026-12-15', manageToken: token, paymentUrl: 'https://pay.anytown.example/waste/BK4H8N2W' };
const booking: BulkyBooking = {
  reference,
  status: 'booked',
  uprn: property.uprn,
  address: property.address,
  collectionDate: '2026-12-15',
  items: [
    { id: 'sofa', label: 'Sofa', quantity: 1 },
    { id: 'mattress', label: 'Mattress', quantity: 1 },
  ],
  location: 'front-garden',
  amount: 3500,
  changeUntil: '2026-12-14T12:00:00.000Z',
  changeable: true,
};

function bulky(args: BulkyArgs): TemplateResult {
  return html`<council-bulky-waste
    api-base=${args['api-base']}
    uprn=${ifDefined(args.uprn || undefined)}
    contact-url=${ifDefined(args['contact-url'] || undefined)}
    manage-url=${ifDefined(args['manage-url'] || undefined)}
    ?no-remember=${args['no-remember']}
    @council-bulky-booked=${args.onCouncilBulkyBooked}
    @council-bulky-changed=${args.onCouncilBulkyChanged}
  >
    <a href="/bulky-waste">Book a bulky waste collection</a>
  </council-bulky-waste>`;
}

const meta = {
  title: 'Patterns/Waste/Bulky waste',
  component: 'council-bulky-waste',
  args: {
    'api-base': '/api/v1',
    uprn: '',
    'contact-url': '/contact',
    'manage-url': 'https://www.anytown.gov.uk/bins/bulky-waste/manage/',
    'no-remember': false,
    onCouncilBulkyBooked: fn(),
    onCouncilBulkyChanged: fn(),
  },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the council API; the catalogue, dates and bookings are under `{api-base}/waste/`.' },
    uprn: { control: 'text', description: 'Start with this property. Empty uses the one remembered from the bin-day page (as in these stories), or asks for the address.' },
    'contact-url': { control: 'text', description: 'Page explaining how to contact the council.' },
    'manage-url': { control: 'text', description: 'The page where a booking is changed or cancelled: the confirmation links to it with the reference and manage token in the fragment. Empty: this page.' },
    'no-remember': { control: 'boolean', description: 'Do not remember the property or the draft answers (shared computers, kiosks).' },
    onCouncilBulkyBooked: { table: { disable: true } },
    onCouncilBulkyChanged: { table: { disable: true } },
  },
  parameters: {
    mockApi: { 'GET /api/v1/addresses': { body: anytownAddresses }, [CATALOGUE]: { body: catalogue }, [DATES]: { body: dates }, [BOOK]: { status: 201, body: receipt } },
    docs: { story: { inline: false, iframeHeight: 640 } },
  },
  beforeEach: () => {
    sessionStorage.clear();
    history.replaceState(null, '', location.pathname + location.search);
    rememberProperty(property);
  },
  render: (args) => bulky(args),
} satisfies Meta<BulkyArgs>;

export default meta;

const both = { en: { ...bulkyWasteStrings.en, ...finishStrings.en }, cy: { ...bulkyWasteStrings.cy, ...finishStrings.cy } };

async function drive({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>, catalogueOf: 'book' | 'manage' = 'book') {
  const words = storyLanguage(globals, (catalogueOf === 'book' ? both : manageStrings) as Catalogue);
  const host = await waitFor(() => {
    const el = canvasElement.querySelector<BulkyWaste>('council-bulky-waste');
    expect(el?.shadowRoot).toBeTruthy();
    return el!;
  });
  const root = host.shadowRoot!;
  const inside = within(root as unknown as HTMLElement);
  const t = words.t as (key: string, params?: Record<string, string | number>) => string;
  const visible = <E extends HTMLElement>(find: () => E) => waitFor(() => (expect(find()).toBeVisible(), find()), { timeout: 3000 });
  const label = (en: string, cy: string) => (words.locale === 'cy' ? cy : en);
  return {
    ...words,
    t,
    host,
    root,
    inside,
    date: (iso: string) => words.date(iso, { year: false }),
    heading: (name: string | RegExp) => visible(() => inside.getByRole('heading', { name })),
    question: (name: string | RegExp) => visible(() => inside.getByRole('group', { name })),
    item: (en: string, cy: string) => inside.getByRole('checkbox', { name: label(en, cy) }),
    /** Sofa and mattress, the front garden, the second date, no contact details: to check answers. */
    async upToCheck() {
      await visible(() => inside.getByRole('group', { name: t('itemsTitle') }));
      await userEvent.click(inside.getByRole('checkbox', { name: label('Sofa', 'Soffa') }));
      await userEvent.click(inside.getByRole('checkbox', { name: label('Mattress', 'Matres') }));
      await userEvent.click(inside.getByRole('button', { name: t('continue') }));
      await visible(() => inside.getByRole('group', { name: t('locationTitle') }));
      await userEvent.click(inside.getByRole('radio', { name: t('location-front-garden') }));
      await userEvent.click(inside.getByRole('button', { name: t('continue') }));
      await visible(() => inside.getByRole('group', { name: t('dateTitle') }));
      await userEvent.click(inside.getByRole('radio', { name: words.date('2026-12-15', { year: false }) }));
      await userEvent.click(inside.getByRole('button', { name: t('continue') }));
      await visible(() => inside.getByRole('group', { name: t('contactTitle') }));
      await userEvent.click(inside.getByRole('button', { name: t('continue') }));
      await visible(() => inside.getByRole('heading', { name: t('checkTitle') }));
    },
  };
}

/**
 * The items: GOV.UK checkboxes from the council's catalogue, each with its price; ticking one
 * reveals "How many?". The items the council will not take are listed below, with where to
 * take them instead. Continue with nothing ticked gets the error summary.
 */
export const Items: Story = {
  name: 'What to collect',
  play: async (context) => {
    const d = await drive(context);
    await d.question(d.t('itemsTitle'));
    await expect(d.inside.getAllByRole('checkbox')).toHaveLength(catalogue.items.length);
    // Each refused item is one list item: its name in bold, then where to take it instead.
    const instead = catalogue.refused[0]!.instead[d.locale];
    await expect(d.inside.getByText((_, el) => el?.tagName === 'LI' && (el.textContent ?? '').includes(instead))).toBeVisible();
    await userEvent.click(d.inside.getByRole('button', { name: d.t('continue') }));
    await expect(await d.heading(d.tc('errorSummaryTitle'))).toBeVisible();
    await expect(d.inside.getByRole('link', { name: d.t('errorItems') })).toBeVisible();
    await userEvent.click(d.item('Sofa', 'Soffa'));
    await expect(d.inside.getByLabelText(d.t('howMany', { item: d.locale === 'cy' ? 'Soffa' : 'Sofa' }))).toHaveValue('1');
  },
};

/** The dates with room for the items, as radios grouped by week. */
export const Dates: Story = {
  name: 'Choose a date',
  play: async (context) => {
    const d = await drive(context);
    await d.question(d.t('itemsTitle'));
    await userEvent.click(d.item('Wardrobe', 'Cwpwrdd dillad'));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('continue') }));
    await d.question(d.t('locationTitle'));
    await userEvent.click(d.inside.getByRole('radio', { name: d.t('location-driveway') }));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('continue') }));
    await d.question(d.t('dateTitle'));
    await expect(d.inside.getAllByRole('radio')).toHaveLength(4);
    await expect(d.inside.getByText(d.t('weekOf', { date: context.globals.locale === 'cy' ? '7 Rhagfyr' : '7 December' }))).toBeVisible();
    const call = mockCalls().find((c) => c.url.pathname.endsWith('/bulky-dates'))!;
    await expect(call.url.searchParams.get('items')).toBe('wardrobe:1');
  },
};

/** Every date is full: said plainly, with the contact link. */
export const NoDatesLeft: Story = {
  name: 'No dates left',
  parameters: { mockApi: { [DATES]: { body: { ...dates, dates: [] } } } },
  play: async (context) => {
    const d = await drive(context);
    await d.question(d.t('itemsTitle'));
    await userEvent.click(d.item('Sofa', 'Soffa'));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('continue') }));
    await userEvent.click(d.inside.getByRole('radio', { name: d.t('location-kerbside') }));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('continue') }));
    await d.heading(d.t('noDatesTitle'));
    await expect(d.inside.getByRole('link', { name: d.t('contactLink') })).toHaveAttribute('href', '/contact');
  },
};

/** Check answers: the items with how many, where, the date, and the total before anything is sent. */
export const CheckAnswers: Story = {
  name: 'Check answers',
  play: async (context) => {
    const d = await drive(context);
    await d.upToCheck();
    await expect(d.inside.getByText(d.t('totalIs', { price: '£35.00' }))).toBeVisible();
    await expect(d.inside.getByRole('button', { name: d.t('send') })).toBeVisible();
  },
};

/** Booked: the reference, Pay now, what to do on the day, and the link to change or cancel. */
export const Confirmation: Story = {
  play: async (context) => {
    const d = await drive(context);
    await d.upToCheck();
    await userEvent.click(d.inside.getByRole('button', { name: d.t('send') }));
    await d.heading(d.t('doneTitle'));
    await expect(d.inside.getByText(reference)).toBeVisible();
    await expect(d.inside.getByRole('link', { name: d.t('pay') })).toHaveAttribute('href', receipt.paymentUrl);
    await expect(d.inside.getByRole('link', { name: d.t('manageLink') })).toHaveAttribute('href', `https://www.anytown.gov.uk/bins/bulky-waste/manage/#reference=${reference}&token=${token}`);
    await expect(context.args.onCouncilBulkyBooked).toHaveBeenCalledWith(expect.objectContaining({ detail: { reference, collectionDate: '2026-12-15', amount: 3500 } }));
  },
};

const paymentUrl = 'https://card.payments.example/secure/BK4H8N2W';
const payToken = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';

/** With GOV.UK Pay configured in the API: "Pay now" goes to Pay's page for this booking. */
export const ConfirmationWithPay: Story = {
  name: 'Confirmation: pay with GOV.UK Pay',
  parameters: { mockApi: { [BOOK]: { status: 201, body: { ...receipt, paymentUrl, payment: { status: 'created', amount: 3500, token: payToken } } } } },
  play: async (context) => {
    const d = await drive(context);
    await d.upToCheck();
    await userEvent.click(d.inside.getByRole('button', { name: d.t('send') }));
    await d.heading(d.t('doneTitle'));
    await expect(d.inside.getByRole('link', { name: d.t('pay') })).toHaveAttribute('href', paymentUrl);
  },
};

/** Back from GOV.UK Pay (`?payment=<reference>&token=<token>` on the bulky waste page): paid, the collection confirmed. */
export const PaymentReceived: Story = {
  name: 'Back from Pay: paid',
  beforeEach: () => {
    const here = location.pathname + location.search;
    history.replaceState(null, '', `${location.pathname}?payment=${reference}&token=${payToken}`);
    return () => history.replaceState(null, '', here);
  },
  parameters: { mockApi: { [`GET ${BOOKING}/payment`]: { body: { reference, status: 'paid', amount: 3500 } } } },
  play: async (context) => {
    const t = storyLanguage<PaymentReturnKey>(context.globals, paymentReturnStrings).t;
    const host = context.canvasElement.querySelector('council-bulky-waste')!;
    const inside = within(host.shadowRoot as unknown as HTMLElement);
    await waitFor(() => expect(inside.getByRole('heading', { name: t('paidTitle') })).toBeVisible(), { timeout: 5000 });
    await expect(inside.getByText(t('paidNext'))).toBeVisible();
  },
};

/** The date filled while the resident was choosing (409): back to the dates free now, with the reason. */
export const DateJustFilled: Story = {
  name: 'Date just filled',
  parameters: {
    mockApi: {
      [DATES]: [{ body: dates }, { body: { ...dates, dates: ['2026-12-22', '2026-12-29'] } }],
      [BOOK]: { status: 409, body: { type: 'https://council-kit.dev/problems/date-full', title: 'This date has just filled up', status: 409 } },
    },
  },
  play: async (context) => {
    const d = await drive(context);
    await d.upToCheck();
    await userEvent.click(d.inside.getByRole('button', { name: d.t('send') }));
    await waitFor(() => expect(d.inside.getByRole('link', { name: d.t('dateFull') })).toBeVisible());
    await waitFor(() => expect(d.inside.getAllByRole('radio')).toHaveLength(2));
  },
};

/** The booking does not go through (503): the problem panel, answers kept, Try again. */
export const SubmitFails: Story = {
  name: 'Sending fails',
  parameters: { mockApi: { [BOOK]: unavailable } },
  play: async (context) => {
    const d = await drive(context);
    await d.upToCheck();
    await userEvent.click(d.inside.getByRole('button', { name: d.t('send') }));
    await d.heading(d.tc('problemTitle'));
    await expect(d.inside.getByRole('button', { name: d.tc('tryAgain') })).toBeVisible();
    await expect(context.args.onCouncilBulkyBooked).not.toHaveBeenCalled();
  },
};

const fromLink = () => history.replaceState(null, '', `${location.pathname}${location.search}#reference=${reference}&token=${token}`);
const manageApi = (overrides: Record<string, unknown> = {}) => ({
  mockApi: { [`GET ${BOOKING}`]: { body: booking }, [DATES]: { body: dates }, [`PATCH ${BOOKING}`]: { body: { ...booking, collectionDate: '2026-12-22' } }, [`DELETE ${BOOKING}`]: { body: { ...booking, status: 'cancelled', changeable: false } }, ...overrides },
});

/** Opened from the confirmation's link: the booking, with Change the date and Cancel until the cut-off. */
export const Manage: Story = {
  name: 'Manage: the booking',
  parameters: manageApi(),
  beforeEach: fromLink,
  play: async (context) => {
    const d = await drive(context, 'manage');
    await d.heading(d.t('bookingTitle'));
    await expect(d.inside.getByRole('button', { name: d.t('changeDate') })).toBeVisible();
    await expect(d.inside.getByRole('button', { name: d.t('cancelBooking') })).toBeVisible();
    const read = mockCalls().find((c) => c.url.pathname === BOOKING)!;
    await expect(read.headers.get('Authorization')).toBe(`Bearer ${token}`);
  },
};

/** Moving the booking: the other dates with room, check, changed. */
export const ManageChangeDate: Story = {
  name: 'Manage: change the date',
  parameters: manageApi(),
  beforeEach: fromLink,
  play: async (context) => {
    const d = await drive(context, 'manage');
    await d.heading(d.t('bookingTitle'));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('changeDate') }));
    await d.question(d.t('dateTitle'));
    await userEvent.click(d.inside.getAllByRole('radio')[1]!);
    await userEvent.click(d.inside.getByRole('button', { name: d.t('continue') }));
    await userEvent.click(await waitFor(() => d.inside.getByRole('button', { name: d.t('send') })));
    await d.heading(d.t('movedTitle'));
    await expect(context.args.onCouncilBulkyChanged).toHaveBeenCalledWith(expect.objectContaining({ detail: { reference, action: 'moved' } }));
  },
};

/** Cancelling: are you sure, then cancelled. */
export const ManageCancel: Story = {
  name: 'Manage: cancel',
  parameters: manageApi(),
  beforeEach: fromLink,
  play: async (context) => {
    const d = await drive(context, 'manage');
    await d.heading(d.t('bookingTitle'));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('cancelBooking') }));
    await d.heading(d.t('cancelTitle'));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('cancelConfirm') }));
    await d.heading(d.t('cancelledTitle'));
  },
};

/** After the cut-off: no change online, with the contact link. */
export const ManageAfterCutOff: Story = {
  name: 'Manage: after the cut-off',
  parameters: manageApi({ [`GET ${BOOKING}`]: { body: { ...booking, changeable: false } } }),
  beforeEach: fromLink,
  play: async (context) => {
    const d = await drive(context, 'manage');
    await d.heading(d.t('bookingTitle'));
    await expect(d.inside.getByText(d.t('closedBody'))).toBeVisible();
    await expect(d.inside.queryByRole('button', { name: d.t('changeDate') })).toBeNull();
  },
};

/** On a Welsh page: Welsh questions and the council's Welsh item names. */
export const Welsh: Story = {
  globals: { locale: 'cy' },
  play: async (context) => {
    const d = await drive(context);
    await d.question('Beth sydd angen i ni ei gasglu?');
    await expect(d.inside.getByRole('checkbox', { name: 'Oergell neu rewgell' })).toBeVisible();
    await expect(d.inside.getByText('Eitemau na allwn eu casglu')).toBeVisible();
  },
};
