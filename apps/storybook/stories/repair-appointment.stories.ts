import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { lastAnnouncement } from '@council-kit/core/testing';
import { manageCodeSentFixture, manageTokenFixture, manageTokenGrantFixture, repairFixture, repairSlotsFixture } from '@council-kit/contracts/fixtures';
import '@council-kit/housing-repairs/repair-appointment';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { inWelsh } from './support/language.ts';
import { CANCEL, CODE, MOVE, REPAIR, STATUS, TOKEN, clearRepairDrafts, driveRepairs, repairsApi } from './support/repairs.ts';

interface AppointmentArgs {
  'api-base': string;
  'contact-url': string;
  /** From the manage link (the page URL's fragment by default). */
  reference: string;
  /** The repair's manage token, from the manage link: secret, sent only as `Authorization: Bearer`. */
  token: string;
  onCouncilRepairUpdated: (event: Event) => void;
}

type Story = StoryObj<AppointmentArgs>;

function appointment(args: AppointmentArgs): TemplateResult {
  return html`<council-repair-appointment
    api-base=${args['api-base']}
    contact-url=${ifDefined(args['contact-url'] || undefined)}
    reference=${ifDefined(args.reference || undefined)}
    token=${ifDefined(args.token || undefined)}
    @council-repair-updated=${args.onCouncilRepairUpdated}
  >
    <a href="/repairs/appointment">Check, move or cancel a repair appointment</a> or call 01632 960 456
  </council-repair-appointment>`;
}

const meta = {
  title: 'Patterns/Housing repairs/Repair appointment',
  component: 'council-repair-appointment',
  args: {
    'api-base': '/api/v1',
    'contact-url': '/contact',
    // Opened from the manage link the report's confirmation gave (stories without it find a repair by reference and postcode).
    reference: repairFixture.reference,
    token: manageTokenFixture,
    onCouncilRepairUpdated: fn(),
  },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the council API.' },
    'contact-url': { control: 'text', description: 'The council’s contact page, offered when a repair cannot be changed online.' },
    reference: { control: 'text', description: 'The repair to open with `token` (default: `reference` in the page URL’s fragment, as the manage link gives it).' },
    token: { control: 'text', description: 'The repair’s manage token (default: `token` in the page URL’s fragment). Sent only as `Authorization: Bearer`.' },
    onCouncilRepairUpdated: { table: { disable: true } },
  },
  parameters: {
    mockApi: repairsApi,
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
  // This element keeps nothing in session storage, but the report's stories do, on the same
  // page path: clearing here too keeps the two files independent of the order they run in.
  beforeEach: () => clearRepairDrafts(),
  render: (args) => appointment(args),
} satisfies Meta<AppointmentArgs>;

export default meta;

async function drive(context: StoryContext<AppointmentArgs>) {
  const d = await driveRepairs('council-repair-appointment', context);
  const { t } = d;
  /** Types the reference and postcode, and presses Find repair. */
  async function find(reference = repairFixture.reference, postcode = 'an1 1aa') {
    await d.heading(t('findTitle'));
    if (reference) await d.fill(t('referenceLabel'), reference);
    if (postcode) await d.fill(t('postcodeLabel'), postcode);
    await d.press(t('find'));
  }
  /** The booked repair, opened from its manage link. */
  async function found() {
    return d.heading(t('repairTitle', { reference: repairFixture.reference }));
  }
  return { ...d, find, found };
}

/** Without the manage link, the question comes first. */
const noLink = { reference: '', token: '' };

/** Without the manage link: the reference from the confirmation and the property's postcode, to see the status. */
export const Find: Story = {
  name: 'Find a repair (no link)',
  args: noLink,
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.heading(t('findTitle'));
    await expect(inside.getByText(t('linkHint'))).toBeVisible();
    await expect(inside.getByRole('textbox', { name: t('referenceLabel') })).toHaveAccessibleDescription(expect.stringContaining(t('referenceHint')));
    await expect(inside.getByRole('textbox', { name: t('postcodeLabel') })).toHaveAttribute('autocomplete', 'postal-code');
    await expect(inside.getByRole('button', { name: t('find') })).toBeVisible();
  },
};

/** Nothing typed, then a reference and postcode that cannot be real: each error in the summary and beside its field. */
export const FindErrors: Story = {
  name: 'Find: invalid reference and postcode',
  args: noLink,
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.find('', '');
    await expect(await d.errorLinks()).toEqual([t('errorReference'), t('errorPostcode')]);
    await waitFor(() => expect(d.focused()).toHaveClass('error-summary'));
    await d.find('RP7K', 'not a postcode');
    await waitFor(async () => expect(await d.errorLinks()).toEqual([t('errorReferenceFormat'), t('errorPostcodeFormat')]));
    await expect(inside.getByRole('textbox', { name: t('referenceLabel') })).toHaveAttribute('aria-invalid', 'true');
    await expect(mockCalls()).toHaveLength(0);
  },
};

/** No repair with that reference at that postcode (404): one message, which does not say which was wrong. */
export const NotFound: Story = {
  name: 'Not found',
  args: noLink,
  parameters: { mockApi: { ...repairsApi, [STATUS]: { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } } } },
  play: async (context) => {
    const d = await drive(context);
    const { t } = d;
    await d.find();
    await waitFor(async () => expect(await d.errorLinks()).toEqual([t('notFound')]));
    await d.heading(t('findTitle'));
  },
};

/** Found without the link: the status only, nothing the resident reported, and how to do more. */
export const StatusOnly: Story = {
  name: 'Status only (no link)',
  args: noLink,
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.find();
    await d.heading(t('repairTitle', { reference: repairFixture.reference }));
    await expect(inside.getByText(t('booked'))).toBeVisible();
    await expect(inside.getByText(t('needLink'))).toBeVisible();
    await expect(inside.queryByText(repairFixture.description)).toBeNull();
    await expect(inside.queryByRole('button', { name: t('move') })).toBeNull();
    await expect(inside.getByRole('link', { name: t('contactLink') })).toHaveAttribute('href', '/contact');
    const [get] = mockCalls();
    await expect(get!.url.pathname).toBe(`/api/v1/repairs/${repairFixture.reference}/status`);
    await expect(get!.headers.has('Authorization')).toBe(false);
  },
};

/** Found without the link, an open repair offers a one-time code, sent to the contact details on it. */
export const GetCode: Story = {
  name: 'Get a code (no link)',
  args: noLink,
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.find();
    await d.heading(t('repairTitle', { reference: repairFixture.reference }));
    await expect(inside.getByText(t('codeOffer'))).toBeVisible();
    await d.press(t('getCode'));
    await d.heading(t('codeTitleSms'));
    await expect(inside.getByText(t('codeSent', { hint: manageCodeSentFixture.hint }))).toBeVisible();
    const input = inside.getByRole('textbox', { name: t('codeLabel') });
    await expect(input).toHaveAttribute('inputmode', 'numeric');
    await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(input).toHaveAccessibleDescription(expect.stringContaining(t('codeHint')));
    await expect(inside.getByRole('button', { name: t('resendCode') })).toBeVisible();
    await expect(inside.getByText(t('notReceived'))).toBeVisible();
    const ask = mockCalls().find((c) => c.method === 'POST')!;
    await expect(JSON.parse(ask.body)).toEqual({ postcode: 'AN1 1AA' });
  },
};

/** The code typed: exchanged for a manage token, and the repair opens as from its link. */
export const CodeEntered: Story = {
  name: 'Code entered: the repair opens',
  args: noLink,
  play: async (context) => {
    const d = await drive(context);
    const { t } = d;
    await d.find();
    await d.press(t('getCode'));
    await d.heading(t('codeTitleSms'));
    await d.press(t('continue'));
    await waitFor(async () => expect(await d.errorLinks()).toEqual([t('errorCode')]));
    await d.fill(t('codeLabel'), '123 456');
    await d.press(t('continue'));
    await d.found();
    const read = mockCalls().filter((c) => c.method === 'GET' && c.url.pathname.endsWith(repairFixture.reference)).at(-1)!;
    await expect(read.headers.get('Authorization')).toBe(`Bearer ${manageTokenGrantFixture.manageToken}`);
  },
};

/** A wrong or expired code (422): one message, and a new code on request. */
export const CodeWrong: Story = {
  name: 'Code wrong or expired',
  args: noLink,
  parameters: { mockApi: { ...repairsApi, [TOKEN]: { status: 422, body: { type: 'https://council-kit.dev/problems/manage-code-not-valid', title: 'The code does not work', status: 422 } } } },
  play: async (context) => {
    const d = await drive(context);
    const { t } = d;
    await d.find();
    await d.press(t('getCode'));
    await d.fill(t('codeLabel'), '000000');
    await d.press(t('continue'));
    await waitFor(async () => expect(await d.errorLinks()).toEqual([t('codeNotValid')]));
    await d.heading(t('codeTitleSms'));
  },
};

/** No email address or mobile on the repair (422): nothing to send a code to, so contact the council. */
export const NoContact: Story = {
  name: 'No contact details for a code',
  args: noLink,
  parameters: { mockApi: { ...repairsApi, [CODE]: { status: 422, body: { type: 'https://council-kit.dev/problems/no-contact-details', title: 'No contact details', status: 422 } } } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.find();
    await d.press(t('getCode'));
    await waitFor(() => expect(inside.getByText(t('noContact'))).toBeVisible());
    await expect(inside.queryByRole('button', { name: t('getCode') })).toBeNull();
    await expect(inside.getByRole('link', { name: t('contactLink') })).toHaveAttribute('href', '/contact');
  },
};

/** A manage link whose repair has closed (403): said plainly, and the status is a postcode away. */
export const LinkExpired: Story = {
  name: 'Link expired',
  parameters: { mockApi: { ...repairsApi, [REPAIR]: { status: 403, body: { type: 'https://council-kit.dev/problems/manage-link-expired', title: 'Expired', status: 403 } } } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await waitFor(async () => expect(await d.errorLinks()).toEqual([t('linkExpired')]));
    await expect(inside.getByRole('textbox', { name: t('referenceLabel') })).toHaveValue(repairFixture.reference);
  },
};

/** A booked repair, from its manage link: its status, what was reported, the appointment and the target date; move or cancel. */
export const Booked: Story = {
  name: 'Booked repair',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    const title = await d.found();
    await waitFor(() => expect(d.focused()).toBe(title));
    await expect(inside.getByText(t('booked'))).toBeVisible();
    await expect(d.answers()).toEqual([
      [t('leafKey'), repairFixture.label],
      [t('describeKey'), repairFixture.description],
      [t('addressKey'), repairFixture.address],
      [t('reportedKey'), d.fullDate(repairFixture.reportedOn)],
      [t('appointmentKey'), t('slot', { date: d.fullDate('2026-11-25'), period: t('am') })],
      [t('targetKey'), d.fullDate(repairFixture.targetDate)],
    ]);
    await expect(inside.getByRole('button', { name: t('move') })).toBeVisible();
    await expect(inside.getByRole('button', { name: t('cancel') })).toBeVisible();
    // The token only in the Authorization header, never in the URL.
    const get = mockCalls().find((c) => c.method === 'GET')!;
    await expect(get.headers.get('Authorization')).toBe(`Bearer ${manageTokenFixture}`);
    await expect(get.url.search).not.toContain(manageTokenFixture);
  },
};

/** Move the appointment: the free slots, one chosen, then the confirmation with the new time. */
export const Move: Story = {
  name: 'Move to another slot',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.found();
    await d.press(t('move'));
    await d.question(t('moveTitle'));
    await expect(inside.getAllByRole('radio')).toHaveLength(repairSlotsFixture.slots.length);
    // The appointment being moved shows above the choice.
    await expect(inside.getByText(t('currentAppointment', { date: d.fullDate(repairFixture.appointment!.date), period: t(repairFixture.appointment!.period) }))).toBeVisible();
    await d.press(t('continue'));
    await expect(await d.errorLinks()).toEqual([t('errorSlot')]);
    await userEvent.click(inside.getAllByRole('radio')[2]!);
    await d.press(t('continue'));
    // Check the new appointment before it moves: nothing sent yet.
    await d.heading(t('checkMoveTitle'));
    await expect(inside.getAllByText(t('newAppointmentKey'))[0]).toBeVisible();
    await expect(mockCalls().some((c) => c.method === 'PATCH')).toBe(false);
    await d.press(t('moveButton'));
    const panel = await d.heading(t('movedTitle'));
    await waitFor(() => expect(d.focused()).toBe(panel));
    await expect(inside.getByText(t('movedBody', { date: d.fullDate('2026-11-26'), period: t('all-day') }))).toBeVisible();
    await waitFor(() => expect(lastAnnouncement()).toBe(t('movedTitle')));
    const patch = mockCalls().find((c) => c.method === 'PATCH')!;
    await expect(JSON.parse(patch.body)).toEqual({ slotId: repairSlotsFixture.slots[2]!.id });
    await expect(context.args.onCouncilRepairUpdated).toHaveBeenCalledWith(expect.objectContaining({ detail: { reference: repairFixture.reference, action: 'moved' } }));
  },
};

/** The new slot was booked by someone else first (409): back to the slots, with the reason. */
export const MoveSlotTaken: Story = {
  name: 'Move: slot taken',
  parameters: { mockApi: { ...repairsApi, [MOVE]: { status: 409, body: { type: 'about:blank', title: 'Slot taken', status: 409 } } } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.found();
    await d.press(t('move'));
    await d.question(t('moveTitle'));
    await userEvent.click(inside.getAllByRole('radio')[1]!);
    await d.press(t('continue'));
    await d.heading(t('checkMoveTitle'));
    await d.press(t('moveButton'));
    await waitFor(async () => expect(await d.errorLinks()).toEqual([t('slotTaken')]));
    await d.question(t('moveTitle'));
  },
};

/** Cancel with a reason: "Another reason" needs the reason typed. */
export const Cancel: Story = {
  name: 'Cancel with a reason',
  parameters: { mockApi: { ...repairsApi, [CANCEL]: { status: 204 } } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.found();
    await d.press(t('cancel'));
    await d.question(t('cancelTitle'));
    await d.press(t('continue'));
    await expect(await d.errorLinks()).toEqual([t('errorReason')]);
    await d.choose(t('other'));
    await d.press(t('continue'));
    await waitFor(async () => expect(await d.errorLinks()).toEqual([t('errorDetail')]));
    await d.fill(t('detailLabel'), 'A neighbour fixed it for me.');
    await d.press(t('continue'));
    // Are you sure? The reason, a red warning button, and a way to keep the repair.
    await d.heading(t('confirmCancelTitle'));
    await expect(inside.getByText('A neighbour fixed it for me.')).toBeVisible();
    await expect(inside.getByRole('button', { name: t('cancelButton') })).toHaveClass(/\bwarning\b/);
    await expect(inside.getByRole('button', { name: t('keepRepair') })).toBeVisible();
    await expect(mockCalls().some((c) => c.method === 'DELETE')).toBe(false);
    await d.press(t('cancelButton'));
    const panel = await d.heading(t('cancelledTitle'));
    await waitFor(() => expect(d.focused()).toBe(panel));
    await expect(inside.getByText(t('cancelledBody'))).toBeVisible();
    const del = mockCalls().find((c) => c.method === 'DELETE')!;
    await expect(JSON.parse(del.body)).toEqual({ reason: 'other', detail: 'A neighbour fixed it for me.' });
    await expect(context.args.onCouncilRepairUpdated).toHaveBeenCalledWith(expect.objectContaining({ detail: { reference: repairFixture.reference, action: 'cancelled' } }));
  },
};

/** A completed repair: shown as it is, with nothing to change online, and the contact page. */
export const Closed: Story = {
  name: 'Closed repair',
  parameters: { mockApi: { ...repairsApi, [REPAIR]: { body: { ...repairFixture, status: 'completed', appointment: undefined } } } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.found();
    await expect(inside.getByText(t('completed'))).toBeVisible();
    await expect(inside.getByText(t('closed'))).toBeVisible();
    await expect(inside.queryByRole('button', { name: t('move') })).toBeNull();
    await expect(inside.queryByRole('button', { name: t('cancel') })).toBeNull();
    await expect(inside.getByRole('link', { name: t('contactLink') })).toHaveAttribute('href', '/contact');
  },
};

/** On a Welsh page every label and message is Welsh. */
export const Welsh: Story = {
  ...inWelsh,
  args: noLink,
  play: async (context) => {
    const d = await drive(context);
    const { inside } = d;
    await d.heading('Dod o hyd i’ch gwaith trwsio');
    await expect(inside.getByRole('textbox', { name: 'Cyfeirnod y gwaith trwsio' })).toBeVisible();
    await expect(inside.getByRole('textbox', { name: 'Cod post yr eiddo' })).toBeVisible();
    await expect(inside.getByRole('button', { name: 'Dod o hyd i’r gwaith trwsio' })).toBeVisible();
  },
};
