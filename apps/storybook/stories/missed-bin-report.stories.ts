import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { draftKey, formatDate } from '@council-kit/core';
import { lastAnnouncement, type MockRoutes } from '@council-kit/core/testing';
import { anytownAddresses } from '@council-kit/contracts/fixtures';
import '@council-kit/waste/missed-bin-report';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { replaceText } from './support/address-lookup.ts';
import { driveWaste } from './support/waste.ts';
import { anytownCollections, storyDay } from './support/today.ts';

interface ReportArgs {
  'api-base': string;
  uprn: string;
  service: string;
  'bin-out-time': string;
  'bin-day-url': string;
  'contact-url': string;
  'no-remember': boolean;
  onCouncilMissedBinReported: (event: Event) => void;
}

type Story = StoryObj<ReportArgs>;

const COLLECTIONS = `GET /api/v1/waste/properties/${anytownCollections.uprn}/collections`;
const REPORT = 'POST /api/v1/waste/missed-collections';
const receipt = { reference: 'MB7K2P9Q' };
/** Recycling's last collection, three days before the stories' today: still inside its report window. */
const missed = storyDay(-3);

/** The same property on a day when every report window has closed. */
const nothingOpen = { ...anytownCollections, services: anytownCollections.services.map((s) => ({ ...s, reportMissed: { open: false } })) };

/**
 * The fake council API behind every story unless a story says otherwise: 1 High Street has one
 * collection still inside its report window (recycling, three days ago), and reports
 * are accepted with a reference.
 */
const anytownApi: MockRoutes = {
  'GET /api/v1/addresses': { body: anytownAddresses },
  ...Object.fromEntries(
    anytownAddresses.addresses.map((a) => [`GET /api/v1/waste/properties/${a.uprn}/collections`, { body: { ...anytownCollections, uprn: a.uprn, address: a.address } }]),
  ),
  [COLLECTIONS]: { body: anytownCollections },
  [REPORT]: { status: 201, body: receipt },
};

function report(args: ReportArgs): TemplateResult {
  return html`<council-missed-bin-report
    api-base=${args['api-base']}
    uprn=${ifDefined(args.uprn || undefined)}
    service=${ifDefined(args.service || undefined)}
    bin-out-time=${args['bin-out-time']}
    bin-day-url=${ifDefined(args['bin-day-url'] || undefined)}
    contact-url=${ifDefined(args['contact-url'] || undefined)}
    ?no-remember=${args['no-remember']}
    @council-missed-bin-reported=${args.onCouncilMissedBinReported}
  >
    <a href="/report-missed-bin">Report a missed bin collection</a>
  </council-missed-bin-report>`;
}

const meta = {
  title: 'Patterns/Waste/Missed bin report',
  component: 'council-missed-bin-report',
  args: {
    'api-base': '/api/v1',
    uprn: anytownCollections.uprn,
    service: '',
    'bin-out-time': '7am',
    'bin-day-url': '/bin-collection-days',
    'contact-url': '/contact',
    'no-remember': false,
    onCouncilMissedBinReported: fn(),
  },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the council API.' },
    uprn: { control: 'text', description: 'Start with this property. Empty asks for the address (or uses the one remembered from the bin-day page).' },
    service: { control: 'text', description: 'Preselect a service, as the bin-day page’s `?service=` link does. Try `recycling`.' },
    'bin-out-time': { control: 'text', description: 'The time bins must be out by on collection day, as residents are told it.' },
    'bin-day-url': { control: 'text', description: 'The council’s bin-day page, offered when nothing can be reported.' },
    'contact-url': { control: 'text', description: 'Page explaining how to contact the council.' },
    'no-remember': { control: 'boolean', description: 'Do not remember the property or the draft answers (shared computers, kiosks).' },
    onCouncilMissedBinReported: { table: { disable: true } },
  },
  parameters: {
    mockApi: anytownApi,
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
  // Drafts live in sessionStorage (council-kit:missed-bin-report:<path>), and so does the
  // property: start every story afresh, so one story's answers never appear in the next.
  beforeEach: () => sessionStorage.clear(),
  render: (args) => report(args),
} satisfies Meta<ReportArgs>;

export default meta;

async function drive(context: StoryContext<ReportArgs>) {
  const driver = await driveWaste('council-missed-bin-report', context);
  const { inside, t, date, question, heading, choose } = driver;
  /** The first question, once the property's collections have loaded. */
  const serviceQuestion = () => question(t('serviceTitle'));
  const binOutQuestion = () => question(t('binOutTitle', { time: '7am', date: date(missed) }));
  const contactQuestion = () => question(t('contactTitle'));
  /** Recycling (the one open collection), bin out in time, an optional email: up to check answers. */
  async function answerUpToCheck(email = 'resident@example.org') {
    await choose('Recycling');
    await driver.continue();
    await binOutQuestion();
    await choose(t('yes'));
    await driver.continue();
    await contactQuestion();
    if (email) await replaceText(inside.getByRole('textbox', { name: t('emailLabel') }), email);
    await driver.continue();
    await heading(t('checkTitle'));
  }
  return { ...driver, serviceQuestion, binOutQuestion, contactQuestion, answerUpToCheck };
}

/**
 * The first question: which collection was missed. Only collections still inside their report
 * window are offered (here recycling, three days ago); the rest are not shown at all.
 */
export const ServiceQuestion: Story = {
  name: 'Which collection',
  play: async (context) => {
    const { inside, t, date, serviceQuestion } = await drive(context);
    const group = await serviceQuestion();
    await expect(group).toHaveAccessibleDescription(t('serviceHint'));
    const radios = inside.getAllByRole('radio');
    await expect(radios).toHaveLength(1);
    // The hint (when it was due) describes the radio; it is not part of its name.
    await expect(radios[0]).toHaveAccessibleName('Recycling');
    await expect(radios[0]).toHaveAccessibleDescription(t('collectionOn', { date: date(missed) }));
    await expect(inside.getByRole('button', { name: t('continue') })).toBeVisible();
  },
};

/** Followed from the bin-day page's link (`?service=recycling` → `service`): the answer is already chosen. */
export const FromBinDayLink: Story = {
  name: 'From the bin-day link',
  args: { service: 'recycling' },
  play: async (context) => {
    const { inside, serviceQuestion } = await drive(context);
    await serviceQuestion();
    await waitFor(() => expect(inside.getByRole('radio', { name: /^Recycling/ })).toBeChecked());
  },
};

/**
 * Continue with nothing chosen: the GOV.UK error summary takes focus, and its link moves focus
 * to the first radio. The question says what is wrong beside it too.
 */
export const ErrorSummary: Story = {
  name: 'Error summary',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, tc, heading, focused } = d;
    const group = await d.serviceQuestion();
    await d.continue();
    await heading(tc('errorSummaryTitle'));
    await waitFor(() => expect(focused()).toHaveClass('error-summary'));
    await expect(group).toHaveAccessibleDescription(expect.stringContaining(t('errorService')));
    await userEvent.click(inside.getByRole('link', { name: t('errorService') }));
    await expect(focused()).toBe(inside.getAllByRole('radio')[0]);
  },
};

/**
 * A bin that was not out by 7am cannot be reported as missed: the element says why, plainly,
 * what to do next time, and links to the bin-day page. Back returns to the question.
 */
export const BinNotOut: Story = {
  name: 'Bin not out in time',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, heading, focused } = d;
    await d.serviceQuestion();
    await d.choose('Recycling');
    await d.continue();
    await d.binOutQuestion();
    await d.choose(t('no'));
    await d.continue();
    const title = await heading(t('lateTitle'));
    await waitFor(() => expect(focused()).toBe(title));
    await expect(inside.getByText(t('lateBody', { time: '7am' }))).toBeVisible();
    await expect(inside.getByRole('link', { name: t('binDayLink') })).toHaveAttribute('href', '/bin-collection-days');
    await expect(inside.getByRole('button', { name: t('back') })).toBeVisible();
  },
};

/**
 * Every report window has closed (reports run to the end of the second working day after a
 * collection): the resident is told kindly, with the bin-day page and the contact page.
 */
export const NothingToReport: Story = {
  name: 'Nothing to report',
  parameters: { mockApi: { [COLLECTIONS]: { body: nothingOpen } } },
  play: async (context) => {
    const { inside, t, heading } = await drive(context);
    await heading(t('noneTitle'));
    await expect(inside.getByText(t('noneBody'))).toBeVisible();
    await expect(inside.getByRole('link', { name: t('binDayLink') })).toBeVisible();
    await expect(inside.getByRole('link', { name: t('contactLink') })).toHaveAttribute('href', '/contact');
    await expect(inside.queryByRole('radio')).toBeNull();
  },
};

/**
 * Contact details are optional, but what is given must be usable: each problem is in the error
 * summary and beside its field.
 */
export const ContactValidation: Story = {
  name: 'Contact details with errors',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, tc, heading, focused } = d;
    await d.serviceQuestion();
    await d.choose('Recycling');
    await d.continue();
    await d.binOutQuestion();
    await d.choose(t('yes'));
    await d.continue();
    await d.contactQuestion();
    const email = inside.getByRole<HTMLInputElement>('textbox', { name: t('emailLabel') });
    const phone = inside.getByRole<HTMLInputElement>('textbox', { name: t('phoneLabel') });
    await replaceText(email, 'not-an-email');
    await replaceText(phone, '12');
    await d.continue();
    await heading(tc('errorSummaryTitle'));
    await waitFor(() => expect(focused()).toHaveClass('error-summary'));
    for (const message of [t('errorEmail'), t('errorPhone')]) await expect(inside.getByRole('link', { name: message })).toBeVisible();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(expect.stringContaining(t('errorEmail')));
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
  },
};

/**
 * Check your answers: every answer with a Change link that names what it changes (the address
 * came with the page, so it cannot be changed here), then Send.
 */
export const CheckAnswers: Story = {
  name: 'Check answers',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, tc, date, focused } = d;
    await d.serviceQuestion();
    await d.answerUpToCheck();
    await waitFor(() => expect(focused()).toBe(inside.getByRole('heading', { name: t('checkTitle') })));
    await expect(d.answers()).toEqual([
      [t('serviceKey'), t('serviceOn', { service: 'Recycling', date: date(missed) })],
      [t('binOutKey', { time: '7am' }), t('yes')],
      [t('addressKey'), anytownCollections.address],
      [t('emailKey'), 'resident@example.org'],
      [t('phoneKey'), t('notGiven')],
    ]);
    await expect(inside.getByRole('button', { name: `${tc('change')} ${t('serviceKey')}` })).toBeVisible();
    await expect(inside.queryByRole('button', { name: `${tc('change')} ${t('addressKey')}` })).toBeNull();
    await expect(inside.getByRole('button', { name: t('send') })).toBeVisible();
    await expect(mockCalls().filter((c) => c.method === 'POST')).toHaveLength(0);
  },
};

/**
 * Sent: the GOV.UK confirmation panel with the reference, announced, with focus on it. The
 * report carries an idempotency key, the event carries no contact details, and the draft is gone.
 */
export const Confirmation: Story = {
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, heading, focused } = d;
    await d.serviceQuestion();
    await d.answerUpToCheck();
    await userEvent.click(inside.getByRole('button', { name: t('send') }));
    const panel = await heading(t('doneTitle'));
    await waitFor(() => expect(focused()).toBe(panel));
    await expect(inside.getByText(receipt.reference)).toBeVisible();
    await expect(inside.getByText(t('doneNext'))).toBeVisible();
    await waitFor(() => expect(lastAnnouncement()).toBe(`${t('referenceIs')}: ${receipt.reference}`));

    const post = mockCalls().find((c) => c.method === 'POST')!;
    await expect(JSON.parse(post.body)).toEqual({
      uprn: anytownCollections.uprn,
      serviceId: 'recycling',
      collectionDate: missed,
      binOutInTime: true,
      contact: { email: 'resident@example.org' },
    });
    await expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    await expect(context.args.onCouncilMissedBinReported).toHaveBeenCalledWith(
      expect.objectContaining({ detail: { reference: receipt.reference, serviceId: 'recycling', duplicate: false } }),
    );
    await expect(sessionStorage.getItem(draftKey('missed-bin-report'))).toBeNull();
  },
};

/** The same collection was already reported (by a neighbour, or twice): said kindly, nothing stored twice. */
export const Duplicate: Story = {
  name: 'Already reported',
  parameters: { mockApi: { [COLLECTIONS]: { body: anytownCollections }, [REPORT]: { status: 200, body: { ...receipt, duplicate: true } } } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, heading } = d;
    await d.serviceQuestion();
    await d.answerUpToCheck('');
    await userEvent.click(inside.getByRole('button', { name: t('send') }));
    await heading(t('duplicateTitle'));
    await expect(inside.getByText(receipt.reference)).toBeVisible();
    await expect(inside.getByText(t('duplicateNext'))).toBeVisible();
    await expect(context.args.onCouncilMissedBinReported).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.objectContaining({ duplicate: true }) }));
  },
};

/**
 * The report does not go through (503). The problem panel takes focus; every answer is still
 * on the page, and Send (or Try again) repeats the same submission with the same key.
 */
export const SubmitFails: Story = {
  name: 'Sending fails',
  parameters: {
    mockApi: { [COLLECTIONS]: { body: anytownCollections }, [REPORT]: { status: 503, body: { type: 'about:blank', title: 'Service Unavailable', status: 503 } } },
  },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, tc, focused } = d;
    await d.serviceQuestion();
    await d.answerUpToCheck();
    await userEvent.click(inside.getByRole('button', { name: t('send') }));
    const title = await waitFor(() => inside.getByRole('heading', { name: tc('problemTitle') }));
    await waitFor(() => expect(focused()).toBe(title));
    await expect(inside.getByRole('alert')).toHaveTextContent(tc('problemBody'));
    await expect(inside.getByRole('button', { name: tc('tryAgain') })).toBeVisible();
    await expect(d.answers()).toContainEqual([t('emailKey'), 'resident@example.org']);
    await expect(inside.getByRole('button', { name: t('send') })).toBeVisible();
    // POSTs are never retried automatically: the resident decides.
    await expect(mockCalls().filter((c) => c.method === 'POST')).toHaveLength(1);
    await expect(context.args.onCouncilMissedBinReported).not.toHaveBeenCalled();
  },
};

/** On a Welsh page every question, answer and message is Welsh. */
export const Welsh: Story = {
  globals: { locale: 'cy' },
  play: async (context) => {
    const { inside, question, choose } = await drive(context);
    const missedCy = formatDate(missed, 'cy', { weekday: false, year: false }); // "20 Tachwedd"
    await question('Pa gasgliad a fethwyd?');
    await expect(inside.getByRole('radio', { name: 'Recycling' })).toHaveAccessibleDescription(new RegExp(`^Dyddiad casglu: .*${missedCy}$`));
    await choose('Recycling');
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    // The time in Welsh (7yb) and the day softened mid-sentence: "ar ddydd Gwener 20 Tachwedd".
    await question(new RegExp(`^Oedd eich bin allan erbyn 7yb ar ddydd .*${missedCy}\\?$`));
    await expect(inside.getByRole('radio', { name: 'Ydy' })).toBeVisible();
    await expect(inside.getByRole('radio', { name: 'Nac ydy' })).toBeVisible();
    await expect(inside.getByRole('button', { name: 'Yn ôl' })).toBeVisible();
  },
};
