import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Locale } from '@council-kit/core';
import { anytownAddresses } from '@council-kit/contracts/fixtures';
import { anytownCollections } from './support/today.ts';
import { rememberProperty, type ContainerOption } from '@council-kit/waste';
import '@council-kit/waste/container-request';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { driveWaste } from './support/waste.ts';
import { storyLanguage } from './support/language.ts';
// The return page's catalogue, from the source as support/waste.ts reads the others.
import { paymentReturnStrings, type PaymentReturnKey } from '../../../packages/waste/src/container-request/payment-return.i18n.ts';

interface RequestArgs {
  'api-base': string;
  uprn: string;
  'contact-url': string;
  'no-remember': boolean;
  onCouncilContainerRequested: (event: Event) => void;
}

type Story = StoryObj<RequestArgs>;

const REQUEST = 'POST /api/v1/waste/container-requests';
const reference = 'CR4H8N2W';
const paymentUrl = 'https://pay.anytown.example/waste/CR4H8N2W';
/** The property the resident found on the bin-day page, remembered for the session. */
const property = { uprn: anytownCollections.uprn, address: anytownCollections.address };
const unavailable = { status: 503, body: { type: 'about:blank', title: 'Service Unavailable', status: 503 } };

/** A council's own containers, in both languages, with the charge for a replacement rubbish bin. */
const charged: ContainerOption[] = [
  {
    id: 'refuse',
    name: { en: 'Rubbish bin (black)', cy: 'Bin sbwriel (du)' },
    charge: { en: 'A replacement bin costs £25, including delivery.', cy: 'Mae bin newydd yn costio £25, gan gynnwys ei ddanfon.' },
  },
  { id: 'recycling', name: { en: 'Recycling bin (green with a blue lid)', cy: 'Bin ailgylchu (gwyrdd gyda chaead glas)' } },
  { id: 'garden', name: { en: 'Garden waste bin (brown)', cy: 'Bin gwastraff gardd (brown)' }, reasons: ['lost', 'stolen', 'damaged'] },
];

function request(args: RequestArgs, containers?: ContainerOption[]): TemplateResult {
  return html`<council-container-request
    api-base=${args['api-base']}
    uprn=${ifDefined(args.uprn || undefined)}
    contact-url=${ifDefined(args['contact-url'] || undefined)}
    ?no-remember=${args['no-remember']}
    .containers=${containers ?? charged}
    @council-container-requested=${args.onCouncilContainerRequested}
  >
    <a href="/request-a-bin">Request a new or replacement bin</a>
  </council-container-request>`;
}

const meta = {
  title: 'Patterns/Waste/Container request',
  component: 'council-container-request',
  args: {
    'api-base': '/api/v1',
    uprn: '',
    'contact-url': '/contact',
    'no-remember': false,
    onCouncilContainerRequested: fn(),
  },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the council API; requests are sent to `{api-base}/waste/container-requests`.' },
    uprn: { control: 'text', description: 'Start with this property. Empty uses the one remembered from the bin-day page (as in these stories), or asks for the address.' },
    'contact-url': { control: 'text', description: 'Page explaining how to contact the council.' },
    'no-remember': { control: 'boolean', description: 'Do not remember the property or the draft answers (shared computers, kiosks).' },
    onCouncilContainerRequested: { table: { disable: true } },
  },
  parameters: {
    mockApi: { 'GET /api/v1/addresses': { body: anytownAddresses }, [REQUEST]: { status: 201, body: { reference } } },
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
  // Drafts and the property live in sessionStorage: start every story afresh, as a resident
  // who has just checked their bin day (so the property is known, and never in the URL).
  beforeEach: () => {
    sessionStorage.clear();
    rememberProperty(property);
  },
  render: (args) => request(args),
} satisfies Meta<RequestArgs>;

export default meta;

/** A container's name in the story's language, as the council configured it. */
function nameOf(option: ContainerOption, locale: Locale): string {
  return typeof option.name === 'string' ? option.name : (option.name[locale] ?? option.name.en ?? '');
}

async function drive(context: StoryContext<RequestArgs>) {
  const driver = await driveWaste('council-container-request', context);
  const { host, locale, t, question, heading, choose } = driver;
  const containerQuestion = () => question(t('containerTitle'));
  const reasonQuestion = () => question(t('reasonTitle'));
  /** Chooses a container (by id, named in the page language) and a reason, skips contact: to check answers. */
  async function answerUpToCheck(containerId: string, reason: Parameters<typeof t>[0]) {
    await containerQuestion();
    await choose(nameOf(host.containers.find((c) => c.id === containerId)!, locale));
    await driver.continue();
    await reasonQuestion();
    await choose(t(reason));
    await driver.continue();
    await question(t('contactTitle'));
    await driver.continue();
    await heading(t('checkTitle'));
  }
  return { ...driver, containerQuestion, reasonQuestion, answerUpToCheck, name: (option: ContainerOption) => nameOf(option, locale) };
}

/**
 * The first question: which bin or container. The list is the council's configuration (the
 * `containers` property), named in the page language. Continue with nothing chosen gets the
 * error summary.
 */
export const ChooseContainer: Story = {
  name: 'Which container',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, tc, heading, focused } = d;
    await d.containerQuestion();
    await expect(inside.getAllByRole<HTMLInputElement>('radio').map((r) => r.labels?.[0]?.textContent?.trim())).toEqual(charged.map(d.name));
    await d.continue();
    await heading(tc('errorSummaryTitle'));
    await waitFor(() => expect(focused()).toHaveClass('error-summary'));
    await expect(inside.getByRole('link', { name: t('errorContainer') })).toBeVisible();
  },
};

/** Each container offers only the reasons the council allows for it: a garden waste bin is never "additional" or for a new property. */
export const Reason: Story = {
  name: 'Why it is needed',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, focused } = d;
    await d.containerQuestion();
    await d.choose(d.name(charged[2]!));
    await d.continue();
    await d.reasonQuestion();
    await waitFor(() => expect(focused()).toHaveTextContent(t('reasonTitle')));
    await expect(inside.getAllByRole<HTMLInputElement>('radio').map((r) => r.labels?.[0]?.textContent?.trim())).toEqual([
      t('reason-lost'),
      t('reason-stolen'),
      t('reason-damaged'),
    ]);
    await expect(inside.getByRole('button', { name: t('back') })).toBeVisible();
  },
};

/**
 * A replacement rubbish bin is charged for: the council's charge is shown, as GOV.UK warning
 * text, on the check answers page, before anything is sent.
 */
export const CheckAnswersWithCharge: Story = {
  name: 'Check answers with a charge',
  play: async (context) => {
    const d = await drive(context);
    const { root, inside, t, tc } = d;
    await d.answerUpToCheck('refuse', 'reason-damaged');
    await expect(d.answers()).toEqual([
      [t('containerKey'), d.name(charged[0]!)],
      [t('reasonKey'), t('reason-damaged')],
      [t('addressKey'), property.address],
      [t('emailKey'), t('notGiven')],
      [t('phoneKey'), t('notGiven')],
    ]);
    const warning = root.querySelector<HTMLElement>('.warning')!;
    const charge = (charged[0]!.charge as Record<Locale, string>)[d.locale];
    await expect(warning).toHaveTextContent(`${t('chargeTitle')}: ${charge}`);
    await expect(warning).toHaveTextContent(t('chargeHint'));
    await expect(inside.getByRole('button', { name: `${tc('change')} ${t('reasonKey')}` })).toBeVisible();
    await expect(inside.getByRole('button', { name: `${tc('change')} ${t('addressKey')}` })).toBeVisible();
    await expect(inside.getByRole('button', { name: t('send') })).toBeVisible();
  },
};

/**
 * Sent, and charged for: the confirmation panel with the reference, then a "Pay now" link to the
 * payment page the API returned. The element never takes payment itself.
 */
export const ConfirmationWithPayment: Story = {
  name: 'Confirmation with payment',
  parameters: { mockApi: { [REQUEST]: { status: 201, body: { reference, paymentUrl } } } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, heading, focused } = d;
    await d.answerUpToCheck('refuse', 'reason-damaged');
    await userEvent.click(inside.getByRole('button', { name: t('send') }));
    const panel = await heading(t('doneTitle'));
    await waitFor(() => expect(focused()).toBe(panel));
    await expect(inside.getByText(reference)).toBeVisible();
    await expect(inside.getByText(t('payNext'))).toBeVisible();
    await expect(inside.getByRole('link', { name: t('pay') })).toHaveAttribute('href', paymentUrl);
    const post = mockCalls().find((c) => c.method === 'POST')!;
    await expect(JSON.parse(post.body)).toEqual({ uprn: anytownCollections.uprn, containerId: 'refuse', reason: 'damaged', contact: {} });
    await expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    await expect(context.args.onCouncilContainerRequested).toHaveBeenCalledWith(
      expect.objectContaining({ detail: { reference, containerId: 'refuse', reason: 'damaged', payment: true } }),
    );
  },
};

/** A bin for a new property is free: no charge before sending, and no payment after. */
export const ConfirmationFree: Story = {
  name: 'Confirmation, free',
  play: async (context) => {
    const d = await drive(context);
    const { root, inside, t, heading } = d;
    await d.answerUpToCheck('refuse', 'reason-new-property');
    await expect(root.querySelector('.warning')).toBeNull();
    await userEvent.click(inside.getByRole('button', { name: t('send') }));
    await heading(t('doneTitle'));
    await expect(inside.getByText(reference)).toBeVisible();
    await expect(inside.getByText(t('doneNext'))).toBeVisible();
    await expect(inside.queryByRole('link', { name: t('pay') })).toBeNull();
    await expect(context.args.onCouncilContainerRequested).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.objectContaining({ payment: false }) }));
  },
};

/** The request does not go through (503): the problem panel, with every answer kept and Send again. */
export const SubmitFails: Story = {
  name: 'Sending fails',
  parameters: { mockApi: { [REQUEST]: unavailable } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, tc, focused } = d;
    await d.answerUpToCheck('recycling', 'reason-stolen');
    await userEvent.click(inside.getByRole('button', { name: t('send') }));
    const title = await waitFor(() => inside.getByRole('heading', { name: tc('problemTitle') }));
    await waitFor(() => expect(focused()).toBe(title));
    await expect(inside.getByRole('alert')).toHaveTextContent(tc('problemBody'));
    await expect(inside.getByRole('button', { name: tc('tryAgain') })).toBeVisible();
    await expect(d.answers()).toContainEqual([t('reasonKey'), t('reason-stolen')]);
    await expect(inside.getByRole('link', { name: t('contactLink') })).toHaveAttribute('href', '/contact');
    await expect(context.args.onCouncilContainerRequested).not.toHaveBeenCalled();
  },
};

/** On a Welsh page the questions are Welsh, and so are the council's own container names and charge. */
export const Welsh: Story = {
  globals: { locale: 'cy' },
  play: async (context) => {
    const { root, inside, question, choose } = await drive(context);
    await question('Pa fin neu gynhwysydd sydd ei angen arnoch?');
    await choose('Bin sbwriel (du)');
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    await question('Pam mae ei angen arnoch?');
    await choose('Mae wedi’i ddifrodi');
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    await question('Sut gallwn ni gysylltu â chi am hyn?');
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    await waitFor(() => expect(inside.getByRole('heading', { name: 'Gwiriwch eich atebion cyn anfon' })).toBeVisible());
    await expect(root.querySelector('.warning')).toHaveTextContent('Mae tâl: Mae bin newydd yn costio £25, gan gynnwys ei ddanfon.');
    await expect(inside.getByRole('button', { name: 'Anfon' })).toBeVisible();
  },
};

/*
 * Back from GOV.UK Pay: the council's return page (`PAY_RETURN_URL`) carries
 * `?payment=<reference>&token=<token>`, and the element on it asks the API how the payment went.
 * Each story puts that query on the frame's address for its run only.
 */
const token = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';
const PAYMENT = `/api/v1/waste/container-requests/${reference}/payment`;
const backFromPay = () => {
  const here = location.pathname + location.search;
  history.replaceState(null, '', `${location.pathname}?payment=${reference}&token=${token}`);
  return () => history.replaceState(null, '', here);
};
const paymentState = (status: string, extra: object = {}) => ({ body: { reference, status, amount: 2500, ...extra } });

/** The return page's words in the story's language (plays never write English). */
const payWords = (context: StoryContext<RequestArgs>) => storyLanguage<PaymentReturnKey>(context.globals, paymentReturnStrings).t;

async function returnPage(context: StoryContext<RequestArgs>, title: string) {
  const host = context.canvasElement.querySelector('council-container-request')!;
  const inside = within(host.shadowRoot as unknown as HTMLElement);
  const heading = await waitFor(() => inside.getByRole('heading', { name: title }), { timeout: 5000 });
  await waitFor(() => expect(host.shadowRoot!.activeElement).toBe(heading));
  return inside;
}

/** Paid: the confirmation panel, the amount and what happens next. */
export const PaymentReceived: Story = {
  name: 'Back from Pay: paid',
  beforeEach: backFromPay,
  parameters: { mockApi: { [`GET ${PAYMENT}`]: paymentState('paid') } },
  play: async (context) => {
    const t = payWords(context);
    const inside = await returnPage(context, t('paidTitle'));
    await expect(inside.getByText(t('paidAmount', { amount: '£25.00' }))).toBeVisible();
    await expect(inside.getByText(reference)).toBeVisible();
  },
};

/** Declined or expired: no money taken, and "Try paying again" makes a fresh payment. */
export const PaymentFailed: Story = {
  name: 'Back from Pay: not successful',
  beforeEach: backFromPay,
  parameters: { mockApi: { [`GET ${PAYMENT}`]: paymentState('failed'), [`POST ${PAYMENT}`]: { status: 201, ...paymentState('created', { paymentUrl }) } } },
  play: async (context) => {
    const t = payWords(context);
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
    const inside = await returnPage(context, 'Rydych wedi canslo eich taliad');
    await expect(inside.getByRole('button', { name: 'Rhoi cynnig arall ar dalu' })).toBeVisible();
  },
};

/** Pay has not finished yet: say so, with "Check again" and the way back to Pay's page. */
export const PaymentProcessing: Story = {
  name: 'Back from Pay: still processing',
  beforeEach: backFromPay,
  parameters: { mockApi: { [`GET ${PAYMENT}`]: paymentState('created', { paymentUrl }) } },
  play: async (context) => {
    const t = payWords(context);
    const inside = await returnPage(context, t('processingTitle'));
    await expect(inside.getByRole('button', { name: t('checkAgain') })).toBeVisible();
    await expect(inside.getByRole('link', { name: t('continuePaying') })).toHaveAttribute('href', paymentUrl);
  },
};
