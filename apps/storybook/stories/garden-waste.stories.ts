import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { anytownAddresses, anytownGardenOffer, anytownGardenRenewal } from '@council-kit/contracts/fixtures';
import { rememberProperty } from '@council-kit/waste';
import '@council-kit/waste/garden-waste';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { driveWaste } from './support/waste.ts';
import { storyLanguage } from './support/language.ts';
// The return page's catalogue, from the source as support/waste.ts reads the others.
import { paymentReturnStrings } from '../../../packages/waste/src/garden-waste/payment-return.i18n.ts';
import type { PaymentReturnKey } from '../../../packages/waste/src/shared/payment-return.ts';

interface GardenArgs {
  'api-base': string;
  uprn: string;
  'contact-url': string;
  'no-remember': boolean;
  onCouncilGardenSubscribed: (event: Event) => void;
}

type Story = StoryObj<GardenArgs>;

const OFFER = `GET /api/v1/waste/properties/${anytownGardenOffer.uprn}/garden`;
const SUBSCRIBE = 'POST /api/v1/waste/garden-subscriptions';
const reference = 'GW4H8N2W';
const paymentUrl = 'https://card.payments.example/secure/GW4H8N2W';
/** The property the resident found on the bin-day page, remembered for the session. */
const property = { uprn: anytownGardenOffer.uprn, address: anytownGardenOffer.address };
const receipt = { reference, amount: 3000, renewal: false, starts: anytownGardenOffer.starts, expires: anytownGardenOffer.expires, collectionsStart: anytownGardenOffer.collectionsStart };

function garden(args: GardenArgs): TemplateResult {
  return html`<council-garden-waste
    api-base=${args['api-base']}
    uprn=${ifDefined(args.uprn || undefined)}
    contact-url=${ifDefined(args['contact-url'] || undefined)}
    ?no-remember=${args['no-remember']}
    @council-garden-subscribed=${args.onCouncilGardenSubscribed}
  >
    <a href="/garden-waste">Subscribe to garden waste collections</a>
  </council-garden-waste>`;
}

const meta = {
  title: 'Patterns/Waste/Garden waste',
  component: 'council-garden-waste',
  args: { 'api-base': '/api/v1', uprn: '', 'contact-url': '/contact', 'no-remember': false, onCouncilGardenSubscribed: fn() },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the council API; the offer is `{api-base}/waste/properties/{uprn}/garden`, subscriptions go to `{api-base}/waste/garden-subscriptions`.' },
    uprn: { control: 'text', description: 'Start with this property. Empty uses the one remembered from the bin-day page (as in these stories), or asks for the address.' },
    'contact-url': { control: 'text', description: 'Page explaining how to contact the council.' },
    'no-remember': { control: 'boolean', description: 'Do not remember the property or the draft answers (shared computers, kiosks).' },
    onCouncilGardenSubscribed: { table: { disable: true } },
  },
  parameters: {
    mockApi: { 'GET /api/v1/addresses': { body: anytownAddresses }, [OFFER]: { body: anytownGardenOffer }, [SUBSCRIBE]: { status: 201, body: receipt } },
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
  // Drafts and the property live in sessionStorage: start every story afresh, as a resident
  // who has just checked their bin day (so the property is known, and never in the URL).
  beforeEach: () => {
    sessionStorage.clear();
    rememberProperty(property);
  },
  render: (args) => garden(args),
} satisfies Meta<GardenArgs>;

export default meta;

async function toCheck(context: StoryContext<GardenArgs>) {
  const d = await driveWaste('council-garden-waste', context);
  await d.heading(d.t(anytownGardenOffer.renewal ? 'renewTitle' : 'subscribeTitle'));
  await userEvent.click(d.inside.getByRole('button', { name: d.t('start') }));
  await d.question(d.t('binsTitle'));
  await d.choose(d.t('binCount', { count: 2 }));
  await d.continue();
  await d.question(anytownGardenOffer.terms.concession!.question);
  await d.choose(d.t('no'));
  await d.continue();
  await d.question(d.t('contactTitle'));
  await d.continue();
  await d.heading(d.t('checkTitle'));
  return d;
}

/** The property's garden waste: no subscription yet, what a subscription now runs for (a late starter pays the months left) and the full-year price. */
export const Offer: Story = {
  name: 'The property’s garden waste',
  play: async (context) => {
    const d = await driveWaste('council-garden-waste', context);
    await d.heading(d.t('subscribeTitle'));
    await expect(d.inside.getByText(d.t('statusNone'))).toBeVisible();
    await expect(d.inside.getByRole('button', { name: d.t('start') })).toBeVisible();
  },
};

/** How many bins: each with the API's price for the rest of this subscription year. */
export const Bins: Story = {
  name: 'How many bins',
  play: async (context) => {
    const d = await driveWaste('council-garden-waste', context);
    await d.heading(d.t('subscribeTitle'));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('start') }));
    await d.question(d.t('binsTitle'));
    await expect(d.inside.getAllByRole('radio')).toHaveLength(anytownGardenOffer.terms.maxBins);
  },
};

/** Check answers: the bins, the concession, the period, the total (the API's sum) and the cancellation and refund rules. */
export const CheckAnswers: Story = {
  name: 'Check answers',
  play: async (context) => {
    const d = await toCheck(context);
    await expect(d.inside.getByText(anytownGardenOffer.terms.cancellation)).toBeVisible();
    await expect(d.inside.getByRole('button', { name: d.t('send') })).toBeVisible();
  },
};

/** Without GOV.UK Pay: the reference, "we will send you a link", when collections start and the stickers. */
export const ConfirmationLinkToFollow: Story = {
  name: 'Confirmation: payment link to follow',
  play: async (context) => {
    const d = await toCheck(context);
    await userEvent.click(d.inside.getByRole('button', { name: d.t('send') }));
    await d.heading(d.t('doneTitle'));
    await expect(d.inside.getByText(reference)).toBeVisible();
    await expect(d.inside.getByText(anytownGardenOffer.terms.stickers)).toBeVisible();
    const post = mockCalls().find((c) => c.method === 'POST')!;
    await expect(JSON.parse(post.body)).toEqual({ uprn: property.uprn, bins: 2, concession: false, contact: {} });
  },
};

/** With GOV.UK Pay: "Pay now" goes to Pay's page for this subscription. */
export const ConfirmationWithPay: Story = {
  name: 'Confirmation: pay with GOV.UK Pay',
  parameters: { mockApi: { [SUBSCRIBE]: { status: 201, body: { ...receipt, paymentUrl, payment: { status: 'created', amount: 3000, token: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c' } } } } },
  play: async (context) => {
    const d = await toCheck(context);
    await userEvent.click(d.inside.getByRole('button', { name: d.t('send') }));
    await d.heading(d.t('doneTitle'));
    await expect(d.inside.getByRole('link', { name: d.t('pay') })).toHaveAttribute('href', paymentUrl);
  },
};

/** Renewal: an active subscriber whose renewal has opened; the bins they have now are chosen already. */
export const Renewal: Story = {
  name: 'Renewal',
  parameters: { mockApi: { [OFFER]: { body: anytownGardenRenewal } } },
  play: async (context) => {
    const d = await driveWaste('council-garden-waste', context);
    await d.heading(d.t('renewTitle'));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('start') }));
    await d.question(d.t('binsTitle'));
    await waitFor(() => expect(d.inside.getByRole('radio', { name: (n) => n.startsWith(d.t('binCount', { count: 2 })) })).toBeChecked());
  },
};

/** Garden waste is not collected here: say so, with no way on but the council's contact page. */
export const NotAvailable: Story = {
  name: 'Not available at this address',
  parameters: { mockApi: { [OFFER]: { body: { ...anytownGardenOffer, eligible: false, canSubscribe: false, prices: [] } } } },
  play: async (context) => {
    const d = await driveWaste('council-garden-waste', context);
    await d.heading(d.t('notAvailableTitle'));
  },
};

/** Back from GOV.UK Pay (`?payment=<reference>&token=<token>` on the garden waste page): paid. */
export const PaymentReceived: Story = {
  name: 'Back from Pay: paid',
  beforeEach: () => {
    const here = location.pathname + location.search;
    history.replaceState(null, '', `${location.pathname}?payment=${reference}&token=q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c`);
    return () => history.replaceState(null, '', here);
  },
  parameters: { mockApi: { [`GET /api/v1/waste/garden-subscriptions/${reference}/payment`]: { body: { reference, status: 'paid', amount: 3000 } } } },
  play: async (context) => {
    const t = storyLanguage<PaymentReturnKey>(context.globals, paymentReturnStrings).t;
    const host = context.canvasElement.querySelector('council-garden-waste')!;
    const inside = within(host.shadowRoot as unknown as HTMLElement);
    await waitFor(() => expect(inside.getByRole('heading', { name: t('paidTitle') })).toBeVisible(), { timeout: 5000 });
    await expect(inside.getByText(t('paidNext'))).toBeVisible();
  },
};

const unavailable = { status: 503, body: { type: 'about:blank', title: 'Service Unavailable', status: 503 } };

/** How many bins, Continue with nothing chosen: the error summary takes focus and links to the question. */
export const BinsNothingChosen: Story = {
  name: 'How many bins: nothing chosen',
  play: async (context) => {
    const d = await driveWaste('council-garden-waste', context);
    await d.heading(d.t('subscribeTitle'));
    await userEvent.click(d.inside.getByRole('button', { name: d.t('start') }));
    await d.question(d.t('binsTitle'));
    await d.continue();
    await d.heading(d.tc('errorSummaryTitle'));
    await waitFor(() => expect(d.focused()).toHaveClass('error-summary'));
    await expect(d.inside.getByRole('link', { name: d.t('errorBins') })).toBeVisible();
  },
};

/** Subscribed, and renewal has not opened yet: until when, and from when it can be renewed; nothing to buy. */
export const AlreadySubscribed: Story = {
  name: 'Subscribed, renewal not open yet',
  parameters: {
    mockApi: {
      [OFFER]: {
        body: {
          ...anytownGardenOffer,
          subscription: { status: 'active', bins: 1, expires: '2028-03-31' },
          canSubscribe: false,
          renewFrom: '2028-02-04',
          starts: undefined,
          expires: undefined,
          months: undefined,
          collectionsStart: undefined,
          prices: [],
        },
      },
    },
  },
  play: async (context) => {
    const d = await driveWaste('council-garden-waste', context);
    await d.heading(d.t('activeTitle'));
    await expect(d.inside.queryByRole('button', { name: d.t('start') })).toBeNull();
    await expect(d.inside.getByRole('link', { name: d.t('contactLink') })).toHaveAttribute('href', '/contact');
  },
};

/** The property's garden waste cannot be loaded (503, after the element's own retries): the problem panel, Try again and the contact page. */
export const OfferFails: Story = {
  name: 'The offer fails to load',
  parameters: { mockApi: { [OFFER]: unavailable } },
  play: async (context) => {
    const d = await driveWaste('council-garden-waste', context);
    await d.heading(d.tc('problemTitle'), 5000);
    await expect(d.inside.getByRole('button', { name: d.tc('tryAgain') })).toBeVisible();
    await expect(d.inside.getByRole('link', { name: d.t('contactLink') })).toHaveAttribute('href', '/contact');
  },
};

/** The subscription does not go through (503): the problem panel, focused, with every answer kept and Try again. */
export const SubmitFails: Story = {
  name: 'Sending fails',
  parameters: { mockApi: { [SUBSCRIBE]: unavailable } },
  play: async (context) => {
    const d = await toCheck(context);
    await userEvent.click(d.inside.getByRole('button', { name: d.t('send') }));
    const title = await d.heading(d.tc('problemTitle'));
    await waitFor(() => expect(d.focused()).toBe(title));
    await expect(d.inside.getByRole('button', { name: d.tc('tryAgain') })).toBeVisible();
    await expect(d.answers()).toContainEqual([d.t('binsKey'), d.t('binCount', { count: 2 })]);
    await expect(d.inside.getByRole('link', { name: d.t('contactLink') })).toHaveAttribute('href', '/contact');
    await expect(context.args.onCouncilGardenSubscribed).not.toHaveBeenCalled();
  },
};

/** The council API's offer in Welsh (`?lang=cy`): its concession question, stickers and cancellation rules. */
const welshOffer = {
  ...anytownGardenOffer,
  terms: {
    ...anytownGardenOffer.terms,
    concession: { question: 'A oes unrhyw un yn eich aelwyd yn cael Gostyngiad Treth Gyngor neu Gredyd Pensiwn?', description: 'Hanner pris' },
    stickers: 'Byddwn yn postio sticer gwyrdd i chi ar gyfer pob bin.',
    cancellation: 'Gallwch ganslo o fewn 14 diwrnod i dalu i gael ad-daliad llawn.',
  },
};

/** On a Welsh page every question is Welsh, and so are the council's own words the API gives; the total is the API's sum. */
export const Welsh: Story = {
  globals: { locale: 'cy' },
  parameters: { mockApi: { [OFFER]: { body: welshOffer } } },
  play: async (context) => {
    const { inside, heading, question, choose } = await driveWaste('council-garden-waste', context);
    await heading('Tanysgrifio i gasgliadau gwastraff gardd');
    await expect(inside.getByText('Pris blwyddyn lawn yw £45.00 y bin.')).toBeVisible();
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    await question('Ar gyfer faint o finiau gwastraff gardd ydych chi eisiau tanysgrifio?');
    await choose('2 bin');
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    await question(welshOffer.terms.concession.question);
    await choose('Ydy');
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    await question('Sut gallwn ni gysylltu â chi am hyn?');
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    await heading('Gwiriwch eich atebion cyn anfon');
    await expect(inside.getByText('£15.00')).toBeVisible();
    await expect(inside.getByText(welshOffer.terms.cancellation)).toBeVisible();
    await expect(inside.getByRole('button', { name: 'Anfon' })).toBeVisible();
  },
};

/*
 * Back from GOV.UK Pay when the payment did not complete: each story puts
 * `?payment=<reference>&token=<token>` on the frame's address for its run only.
 */
const token = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';
const PAYMENT = `/api/v1/waste/garden-subscriptions/${reference}/payment`;
const backFromPay = () => {
  const here = location.pathname + location.search;
  history.replaceState(null, '', `${location.pathname}?payment=${reference}&token=${token}`);
  return () => history.replaceState(null, '', here);
};
const paymentState = (status: string, extra: object = {}) => ({ body: { reference, status, amount: 3000, ...extra } });

/** The return page's heading, once it has focus. */
async function returnPage(context: StoryContext<GardenArgs>, title: string) {
  const host = context.canvasElement.querySelector('council-garden-waste')!;
  const inside = within(host.shadowRoot as unknown as HTMLElement);
  const heading = await waitFor(() => inside.getByRole('heading', { name: title }), { timeout: 5000 });
  await waitFor(() => expect(host.shadowRoot!.activeElement).toBe(heading));
  return inside;
}

/** Declined or expired: no money taken, the subscription kept, and "Try paying again" makes a fresh payment. */
export const PaymentFailed: Story = {
  name: 'Back from Pay: not successful',
  beforeEach: backFromPay,
  parameters: { mockApi: { [`GET ${PAYMENT}`]: paymentState('failed'), [`POST ${PAYMENT}`]: { status: 201, ...paymentState('created', { paymentUrl }) } } },
  play: async (context) => {
    const t = storyLanguage<PaymentReturnKey>(context.globals, paymentReturnStrings).t;
    const inside = await returnPage(context, t('failedTitle'));
    await userEvent.click(inside.getByRole('button', { name: t('payAgain') }));
    await returnPage(context, t('readyTitle'));
    await expect(inside.getByRole('link', { name: t('pay') })).toHaveAttribute('href', paymentUrl);
  },
};

/** The resident chose "Cancel payment" on Pay's page (shown in Welsh). */
export const PaymentCancelled: Story = {
  name: 'Back from Pay: cancelled (Welsh)',
  globals: { locale: 'cy' },
  beforeEach: backFromPay,
  parameters: { mockApi: { [`GET ${PAYMENT}`]: paymentState('cancelled') } },
  play: async (context) => {
    const t = storyLanguage<PaymentReturnKey>(context.globals, paymentReturnStrings).t;
    const inside = await returnPage(context, t('cancelledTitle'));
    await expect(inside.getByRole('button', { name: t('payAgain') })).toBeVisible();
  },
};

/** Pay has not finished yet: say so, with "Check again" and the way back to Pay's page. */
export const PaymentProcessing: Story = {
  name: 'Back from Pay: still processing',
  beforeEach: backFromPay,
  parameters: { mockApi: { [`GET ${PAYMENT}`]: paymentState('created', { paymentUrl }) } },
  play: async (context) => {
    const t = storyLanguage<PaymentReturnKey>(context.globals, paymentReturnStrings).t;
    const inside = await returnPage(context, t('processingTitle'));
    await expect(inside.getByRole('button', { name: t('checkAgain') })).toBeVisible();
    await expect(inside.getByRole('link', { name: t('continuePaying') })).toHaveAttribute('href', paymentUrl);
  },
};
