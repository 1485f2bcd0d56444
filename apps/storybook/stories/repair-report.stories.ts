import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { translate } from '@council-kit/core';
import { lastAnnouncement } from '@council-kit/core/testing';
import { addressLookupStrings } from '@council-kit/address-lookup';
import { anytownRepairCatalogue, repairCatalogueFixture, repairPropertyFixture, repairSlotsFixture } from '@council-kit/contracts/fixtures';
import '@council-kit/housing-repairs/repair-report';
import { mockCalls } from '../.storybook/mock-fetch.ts';
import { replaceText } from './support/address-lookup.ts';
import { inWelsh } from './support/language.ts';
import {
  CATALOGUE,
  DRAFT_PREFIX,
  OFFICE_HOURS,
  OUT_OF_HOURS,
  REPORT,
  SLOTS,
  UPRN,
  clearRepairDrafts,
  driveRepairs,
  leaf,
  png,
  privateHome,
  repairsApi,
  reportedRepair,
  unavailable,
  withCatalogue,
} from './support/repairs.ts';

const clocks = {
  'office hours (Tuesday 10am)': OFFICE_HOURS,
  'out of hours (Saturday 10am)': OUT_OF_HOURS,
  'the real time': undefined,
};

interface ReportArgs {
  'api-base': string;
  uprn: string;
  'contact-url': string;
  'appointment-url': string;
  'no-remember': boolean;
  clock: keyof typeof clocks;
  onCouncilRepairReported: (event: Event) => void;
}

type Story = StoryObj<ReportArgs>;

function report(args: ReportArgs): TemplateResult {
  return html`<council-repair-report
    api-base=${args['api-base']}
    uprn=${ifDefined(args.uprn || undefined)}
    contact-url=${ifDefined(args['contact-url'] || undefined)}
    appointment-url=${ifDefined(args['appointment-url'] || undefined)}
    ?no-remember=${args['no-remember']}
    .now=${clocks[args.clock]}
    @council-repair-reported=${args.onCouncilRepairReported}
  >
    <a href="/repairs">Report a repair</a> or call 01632 960 456
  </council-repair-report>`;
}

const meta = {
  title: 'Patterns/Housing repairs/Report a repair',
  component: 'council-repair-report',
  args: {
    'api-base': '/api/v1',
    uprn: UPRN,
    'contact-url': '/contact',
    'appointment-url': '/repairs/appointment',
    'no-remember': false,
    clock: 'office hours (Tuesday 10am)',
    onCouncilRepairReported: fn(),
  },
  argTypes: {
    'api-base': { control: 'text', description: 'Base URL of the council API.' },
    uprn: { control: 'text', description: 'The property, when the page already knows it. Empty asks for the address (try postcode AN1 1AA; 5 Church Lane is a private home).' },
    'contact-url': { control: 'text', description: 'The council’s contact page, offered wherever the resident cannot go on online.' },
    'appointment-url': { control: 'text', description: 'The page with `<council-repair-appointment>`: the confirmation links to it with the repair’s reference and manage token in the fragment.' },
    'no-remember': { control: 'boolean', description: 'Do not keep the answers in session storage (shared computers, kiosks).' },
    clock: {
      control: 'select',
      options: Object.keys(clocks),
      description: 'Story only: the `now` property, which decides whether emergencies go to the repairs line or the out-of-hours line.',
      table: { category: 'story' },
    },
    onCouncilRepairReported: { table: { disable: true } },
  },
  parameters: {
    mockApi: repairsApi,
    docs: { story: { inline: false, iframeHeight: 620 } },
  },
  // The report keeps its draft in session storage (council-kit:repair-report:<page path>) and
  // restores it on connect: every story here shares that key (one frame, one path), so each one
  // starts from a clean slate, or it would open on the page the previous story left. See
  // clearRepairDrafts in support/repairs.ts.
  beforeEach: () => {
    clearRepairDrafts();
    return clearRepairDrafts;
  },
  render: (args) => report(args),
} satisfies Meta<ReportArgs>;

export default meta;

const tap = leaf('tap-dripping');

async function drive(context: StoryContext<ReportArgs>) {
  const d = await driveRepairs('council-repair-report', context);
  const { t, l, question, heading, choose } = d;
  const emergencyQuestion = () => question(t('emergencyTitle'));
  /** No emergency, then tenant or leaseholder: on to where the problem is. */
  async function pastEmergency(reporter: 'tenant' | 'leaseholder' = 'tenant') {
    await emergencyQuestion();
    await choose(t('noEmergency'));
    await d.continue();
    await question(t('reporterTitle'));
    await choose(t(reporter));
    await d.continue();
  }
  /** Where → what → which best describes it, for a leaf of the catalogue. */
  async function triage(found: ReturnType<typeof leaf>, reporter: 'tenant' | 'leaseholder' = 'tenant') {
    await pastEmergency(reporter);
    await question(t('locationTitle'));
    await choose(l(found.location.label));
    await d.continue();
    await question(t('problemQuestion'));
    await choose(l(found.problem.label));
    await d.continue();
    await question(t('leafTitle'));
    await choose(l(found.leaf.label));
    await d.continue();
  }
  /** The description page: its title is the textarea's label, inside the page's heading. */
  const describeField = () => d.inside.findByRole<HTMLTextAreaElement>('textbox', { name: t('describeTitle') });
  async function describe(text = 'The cold tap drips all the time.') {
    await describeField();
    await d.heading(t('describeTitle'));
    await d.fill(t('describeTitle'), text);
    await d.continue();
  }
  async function contactByText(mobile = '07700 900982') {
    await question(t('contactTitle'));
    await choose(t('text'));
    await d.fill(t('mobileLabel'), mobile);
    await d.continue();
  }
  /** Chooses a slot by its date and period. */
  async function slot(date: string, period: 'am' | 'pm' | 'all-day') {
    const group = await question(d.date(date));
    await userEvent.click(within(group).getByRole('radio', { name: t(period) }));
  }
  /** The dripping tap, described, no photo, contact by text, Wednesday morning: at check answers. */
  async function upToCheck() {
    await triage(tap);
    await describe();
    await heading(t('photoTitle'));
    await d.continue();
    await contactByText();
    await question(t('slotTitle'));
    await slot('2026-11-25', 'am');
    await d.continue();
    return heading(t('checkTitle'));
  }
  return { ...d, describeField, emergencyQuestion, pastEmergency, triage, describe, contactByText, slot, upToCheck };
}

const posts = () => mockCalls().filter((c) => c.method === 'POST' && c.url.pathname.endsWith('/repairs'));

// ---- Emergencies ------------------------------------------------------------------------------

/**
 * The first page: is it an emergency? Every emergency question of the council's catalogue, then
 * "No, none of these". Continue with nothing chosen shows the error summary.
 */
export const EmergencyScreen: Story = {
  name: 'Emergency screen',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, tc, l } = d;
    const group = await d.emergencyQuestion();
    await expect(group).toHaveAccessibleDescription(expect.stringContaining(t('emergencyHint')));
    const radios = inside.getAllByRole('radio');
    await expect(radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.trim())).toEqual([
      ...repairCatalogueFixture.emergencies.map((e) => l(e.label)),
      t('noEmergency'),
    ]);
    await d.continue();
    await d.heading(tc('errorSummaryTitle'));
    await waitFor(() => expect(d.focused()).toHaveClass('error-summary'));
    await expect(await d.errorLinks()).toEqual([t('errorEmergency')]);
    await userEvent.click(inside.getByRole('link', { name: t('errorEmergency') }));
    await expect(d.focused()).toBe(radios[0]);
  },
};

/**
 * A gas smell: the National Gas Emergency Service's number comes first, whatever the time, then
 * the council's. No form: nothing to fill in while there may be gas.
 */
export const GasEmergency: Story = {
  name: 'Gas emergency',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    await d.emergencyQuestion();
    await d.choose(l(repairCatalogueFixture.emergencies[0]!.label));
    await d.continue();
    const title = await d.heading(t('gasTitle'));
    await waitFor(() => expect(d.focused()).toBe(title));
    const phones = inside.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('tel:'));
    await expect(phones.map((a) => a.textContent)).toEqual([repairCatalogueFixture.council.gasEmergencyPhone, repairCatalogueFixture.council.phone]);
    await expect(phones[0]).toHaveAttribute('href', 'tel:0800111999');
    await expect(inside.queryByRole('textbox')).toBeNull();
    await expect(inside.queryByRole('button', { name: t('continue') })).toBeNull();
  },
};

/** Another emergency in office hours: call the council's repairs line now, not online. */
export const EmergencyInHours: Story = {
  name: 'Other emergency, office hours',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    await d.emergencyQuestion();
    await d.choose(l(repairCatalogueFixture.emergencies[2]!.label));
    await d.continue();
    await d.heading(t('callTitle'));
    await expect(inside.getByRole('link', { name: repairCatalogueFixture.council.phone })).toHaveAttribute('href', 'tel:01632960456');
    await expect(inside.queryByText(t('callOutOfHours'))).toBeNull();
    await expect(inside.getByRole('button', { name: t('back') })).toBeVisible();
  },
};

/** The same emergency on a Saturday: the out-of-hours line, and the resident is told why. */
export const EmergencyOutOfHours: Story = {
  name: 'Other emergency, out of hours',
  args: { clock: 'out of hours (Saturday 10am)' },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    await d.emergencyQuestion();
    await d.choose(l(repairCatalogueFixture.emergencies[2]!.label));
    await d.continue();
    await d.heading(t('callTitle'));
    await expect(inside.getByRole('link', { name: repairCatalogueFixture.council.outOfHoursPhone })).toHaveAttribute('href', 'tel:01632960789');
    await expect(inside.getByText(t('callOutOfHours'))).toBeVisible();
    await expect(inside.queryByRole('link', { name: repairCatalogueFixture.council.phone })).toBeNull();
  },
};

// ---- Who is reporting, and where ----------------------------------------------------------------

/** Tenants see every location of the catalogue: inside their home and the shared areas. */
export const Tenant: Story = {
  name: 'Tenant: every location',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    await d.emergencyQuestion();
    await d.choose(t('noEmergency'));
    await d.continue();
    const reporter = await d.question(t('reporterTitle'));
    await expect(inside.getByRole('radio', { name: (name) => name.startsWith(t('tenant')) })).toHaveAccessibleDescription(t('tenantHint'));
    await expect(within(reporter).getAllByRole('radio')).toHaveLength(2);
    await d.choose(t('tenant'));
    await d.continue();
    await d.question(t('locationTitle'));
    await expect(inside.getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.trim())).toEqual(repairCatalogueFixture.locations.map((loc) => l(loc.label)));
    await expect(mockCalls().filter((c) => c.url.pathname.endsWith(`/properties/${UPRN}`))).toHaveLength(1);
  },
};

/** Leaseholders look after repairs inside their own flat: they see only the shared areas. */
export const Leaseholder: Story = {
  name: 'Leaseholder: shared areas only',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    await d.pastEmergency('leaseholder');
    await d.question(t('locationTitle'));
    const communal = repairCatalogueFixture.locations.find((loc) => loc.communal)!;
    await expect(inside.getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.trim())).toEqual([l(communal.label)]);
  },
};

/**
 * No `uprn` on the page: the address lookup finds the property. 5 Church Lane is a private
 * home, so the resident is told the council is not its landlord, and may try another address.
 */
export const NotCouncilHome: Story = {
  name: 'Not a council home',
  args: { uprn: '' },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.pastEmergency();
    await d.heading(t('propertyTitle'));
    const lookup = d.root.querySelector('council-address-lookup')!;
    await waitFor(() => expect(lookup.shadowRoot).toBeTruthy());
    const inLookup = within(lookup.shadowRoot as unknown as HTMLElement);
    const lt = (key: keyof (typeof addressLookupStrings)['en']) => translate(addressLookupStrings, key, d.locale);
    await replaceText(await inLookup.findByRole<HTMLInputElement>('textbox', { name: lt('postcodeLabel') }), 'AN1 1AA');
    await userEvent.click(inLookup.getByRole('button', { name: lt('find') }));
    await userEvent.selectOptions(await inLookup.findByRole<HTMLSelectElement>('combobox', { name: lt('selectLabel') }), privateHome.uprn);
    await userEvent.click(inLookup.getByRole('button', { name: lt('useAddress') }));
    const title = await d.heading(t('notCouncilTitle'));
    await waitFor(() => expect(d.focused()).toBe(title));
    await expect(inside.getByText(t('notCouncilBody', { council: d.l(repairCatalogueFixture.council.name) }))).toBeVisible();
    await expect(inside.getByRole('button', { name: t('otherAddress') })).toBeVisible();
    await expect(inside.getByRole('link', { name: t('contactLink') })).toHaveAttribute('href', '/contact');
  },
};

/** Where → what → which best describes it, each a question page of its own; then the description. */
export const Triage: Story = {
  name: 'Where, what, which',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    await d.pastEmergency();
    await d.question(t('locationTitle'));
    await d.choose(l(tap.location.label));
    await d.continue();
    const problem = await d.question(t('problemQuestion'));
    await expect(within(problem).getAllByRole('radio')).toHaveLength(tap.location.problems.length);
    await d.choose(l(tap.problem.label));
    await d.continue();
    const leaves = await d.question(t('leafTitle'));
    await expect(within(leaves).getAllByRole('radio')).toHaveLength(tap.problem.leaves.length);
    await d.choose(l(tap.leaf.label));
    await d.continue();
    const field = await d.describeField();
    // Focus moves to the page title (the span inside the field's label).
    await waitFor(() => expect(d.focused()?.closest('label')).toBe(field.labels[0]));
    await expect(inside.getByText(t('describeHint'))).toBeVisible();
  },
};

/** Anytown’s full example catalogue (113 leaves, as the reference API seeds it), at the first question. */
export const FullCatalogue: Story = {
  name: 'Full catalogue',
  parameters: { mockApi: withCatalogue(anytownRepairCatalogue) },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    await d.emergencyQuestion();
    await expect(inside.getAllByRole('radio')).toHaveLength(anytownRepairCatalogue.emergencies.length + 1);
    await d.choose(t('noEmergency'));
    await d.continue();
    await d.question(t('reporterTitle'));
    await d.choose(t('tenant'));
    await d.continue();
    await d.question(t('locationTitle'));
    await expect(inside.getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.trim())).toEqual(anytownRepairCatalogue.locations.map((loc) => l(loc.label)));
  },
};

// ---- Outcomes that are not booked online ------------------------------------------------------

/** An emergency repair found through the questions (the only toilet is blocked): call us now. */
export const OutcomeCallUs: Story = {
  name: 'Outcome: call us now',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.triage(leaf('toilet-only-one-blocked'));
    await d.heading(t('callTitle'));
    await expect(inside.getByRole('link', { name: repairCatalogueFixture.council.phone })).toBeVisible();
    await expect(inside.queryByRole('textbox')).toBeNull();
  },
};

/**
 * An urgent repair (the sink is blocked): described and a contact given, but no appointment
 * offered: the council will call to arrange one, and check answers says so.
 */
export const OutcomeWeWillContact: Story = {
  name: 'Outcome: we will contact you',
  play: async (context) => {
    const d = await drive(context);
    const { t } = d;
    await d.triage(leaf('sink-blocked'));
    await d.describe('The kitchen sink will not drain.');
    await d.contactByText();
    await d.heading(t('checkTitle'));
    await expect(d.answers()).toContainEqual([t('appointmentKey'), t('weWillContact')]);
    await expect(mockCalls().filter((c) => c.url.pathname.endsWith('/slots'))).toHaveLength(0);
  },
};

/**
 * A repair nobody may report online (Anytown's catalogue: the resident's own appliance): the
 * page says so plainly, with the contact page.
 */
export const OutcomeNotEligible: Story = {
  name: 'Outcome: not eligible',
  parameters: { mockApi: withCatalogue(anytownRepairCatalogue) },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.triage(leaf('appliance-faulty', anytownRepairCatalogue));
    await d.heading(t('notEligibleTitle'));
    await expect(inside.getByText(t('notEligibleTenant'))).toBeVisible();
    await expect(inside.getByRole('link', { name: t('contactLink') })).toHaveAttribute('href', '/contact');
  },
};

/** A repair the council must talk through first (a damaged worktop): the leaf's hint and the number. */
export const OutcomeContactUs: Story = {
  name: 'Outcome: contact us',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    const worktop = leaf('worktop-damaged');
    await d.triage(worktop);
    await d.heading(t('contactUsTitle'));
    await expect(inside.getByText(l(worktop.leaf.hint!))).toBeVisible();
    await expect(inside.getByRole('link', { name: repairCatalogueFixture.council.phone })).toBeVisible();
  },
};

// ---- Shared areas --------------------------------------------------------------------------------

/**
 * A shared area: the repairs already reported in the block are listed first, so neighbours do
 * not report the same one twice. "Yes, it is one of these" ends kindly, with nothing to send.
 */
export const AlreadyReported: Story = {
  name: 'Shared area: already reported',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    const communal = repairCatalogueFixture.locations.find((loc) => loc.communal)!;
    const listed = repairPropertyFixture.communalRepairs[0]!;
    await d.pastEmergency();
    await d.question(t('locationTitle'));
    await d.choose(l(communal.label));
    await d.continue();
    await d.heading(t('reportedTitle'));
    await expect(inside.getByText(t('reportedIntro', { count: 1 }))).toBeVisible();
    await expect(inside.getByText(listed.label)).toBeVisible();
    await expect(inside.getByText(t('reportedOn', { date: d.date(listed.reportedOn) }), { exact: false })).toBeVisible();
    await d.question(t('reportedQuestion'));
    await d.choose(t('yes'));
    await d.continue();
    await d.heading(t('alreadyTitle'));
    await expect(inside.getByText(t('alreadyBody'))).toBeVisible();
  },
};

/** Not one of those: on to what the problem is, as for any other location. */
export const NotAlreadyReported: Story = {
  name: 'Shared area: a new repair',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, l } = d;
    const communal = repairCatalogueFixture.locations.find((loc) => loc.communal)!;
    await d.pastEmergency('leaseholder');
    await d.question(t('locationTitle'));
    await d.choose(l(communal.label));
    await d.continue();
    await d.question(t('reportedQuestion'));
    await d.continue();
    await expect(await d.errorLinks()).toEqual([t('errorReported')]);
    await d.choose(t('no'));
    await d.continue();
    await d.question(t('problemQuestion'));
    await expect(inside.getAllByRole('radio')).toHaveLength(communal.problems.length);
  },
};

// ---- Describe, photos, contact ------------------------------------------------------------------

const shortLimit = { ...repairCatalogueFixture, maxDescription: 20 };

/**
 * The GOV.UK character count (here with a 20-character limit): the count updates as the
 * resident types, and goes over into an error; Continue refuses a description that is too long.
 */
export const Description: Story = {
  name: 'Description with character count',
  parameters: { mockApi: withCatalogue(shortLimit) },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.triage(tap);
    const field = await d.describeField();
    await expect(field).toHaveAccessibleDescription(expect.stringContaining(t('countMax', { count: 20 })));
    await d.continue();
    await expect(await d.errorLinks()).toEqual([t('errorDescribe')]);
    await replaceText(field as unknown as HTMLInputElement, 'Dripping tap');
    await expect(inside.getByText(t('countLeft', { count: 8 }))).toBeVisible();
    await replaceText(field as unknown as HTMLInputElement, 'The tap drips all night');
    await expect(inside.getByText(t('countOver', { count: 3 }))).toBeVisible();
    await d.continue();
    await expect(await d.errorLinks()).toEqual([t('errorTooLong', { count: 20 })]);
    await expect(field).toHaveAttribute('aria-describedby', expect.stringContaining('description-error'));
    // The count is read once typing pauses (a polite announcement), not at every key.
    await waitFor(() => expect(lastAnnouncement()).toBe(t('countOver', { count: 3 })), { timeout: 2500 });
  },
};

/**
 * Photo handling is a chunk loaded on demand, and each photo is decoded and re-encoded on a
 * canvas: on a busy machine (every story runs three times, in parallel) that can take more
 * than the default second.
 */
const slow = { timeout: 8000 };

const smallPhotos = { ...repairCatalogueFixture, maxPhotoBytes: 2 ** 20 };

/**
 * Photos (optional): a file that is not a JPG or PNG is refused, so is one over the limit (1MB
 * here), both before anything is uploaded; a PNG is checked, downsized and uploaded, then listed
 * with a Remove button.
 */
export const Photos: Story = {
  parameters: { mockApi: withCatalogue(smallPhotos) },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.triage(tap);
    await d.describe();
    await d.heading(t('photoTitle'));
    await expect(inside.getByText(t('photoHint', { count: 3, size: '1MB' }))).toBeVisible();
    const pick = async (...files: File[]) => {
      const input = await waitFor(() => {
        const found = d.root.querySelector<HTMLInputElement>('#photo');
        expect(found).toBeTruthy();
        return found!;
      }, slow);
      await userEvent.upload(input, files, { applyAccept: false });
    };
    await pick(new File(['GIF89a'], 'tap.gif', { type: 'image/gif' }));
    await waitFor(async () => expect(await d.errorLinks()).toEqual([t('errorPhotoType')]), slow);
    await pick(new File([new Uint8Array(2 ** 20 + 1)], 'huge.jpg', { type: 'image/jpeg' }));
    await waitFor(async () => expect(await d.errorLinks()).toEqual([t('errorPhotoSize', { size: '1MB' })]), slow);
    await expect(mockCalls().filter((c) => c.url.pathname.endsWith('/photos'))).toHaveLength(0);
    await pick(await png(40, 30));
    await waitFor(() => expect(inside.getByText(t('photoName', { n: 1, name: 'tap.png' }))).toBeVisible(), slow);
    // A thumbnail from an object URL, its alt text naming the file.
    await expect(inside.getByRole('img', { name: t('photoAlt', { name: 'tap.png' }) }).getAttribute('src')).toMatch(/^blob:/);
    const uploads = mockCalls().filter((c) => c.url.pathname.endsWith('/photos'));
    await expect(uploads).toHaveLength(1);
    await expect(uploads[0]!.headers.get('Content-Type')).toBe('image/png');
    await expect(inside.getByRole('button', { name: `${t('remove')} ${t('removeWhat', { n: 1, name: 'tap.png' })}` })).toBeVisible();
  },
};

/** How to contact the resident: a choice is needed, and the number or address must be usable. */
export const ContactValidation: Story = {
  name: 'Contact preference with errors',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.triage(tap);
    await d.describe();
    await d.heading(t('photoTitle'));
    await d.continue();
    await d.question(t('contactTitle'));
    await expect(inside.getByRole('radio', { name: (name) => name.startsWith(t('phone')) })).toHaveAccessibleDescription(t('phoneHint'));
    await d.continue();
    await expect(await d.errorLinks()).toEqual([t('errorPreference')]);
    await d.choose(t('text'));
    await d.fill(t('mobileLabel'), '01632 960001');
    await d.continue();
    await expect(await d.errorLinks()).toEqual([t('errorMobile')]);
    const mobile = inside.getByRole('textbox', { name: t('mobileLabel') });
    await expect(mobile).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(d.focused()).toHaveClass('error-summary'));
    await d.choose(t('email'));
    await d.fill(t('emailLabel'), 'not-an-email');
    await d.continue();
    await expect(await d.errorLinks()).toEqual([t('errorEmail')]);
  },
};

// ---- Appointment ----------------------------------------------------------------------------------

/** Free slots for the leaf's trade, grouped by day; the resident chooses one. */
export const Slots: Story = {
  name: 'Choose an appointment',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.triage(tap);
    await d.describe();
    await d.heading(t('photoTitle'));
    await d.continue();
    await d.contactByText();
    const slots = await d.question(t('slotTitle'));
    await expect(slots).toHaveAccessibleDescription(expect.stringContaining(t('slotHint')));
    await expect(inside.getAllByRole('radio')).toHaveLength(repairSlotsFixture.slots.length);
    await d.continue();
    await expect(await d.errorLinks()).toEqual([t('errorSlot')]);
    await d.slot('2026-11-26', 'all-day');
    await d.continue();
    await d.heading(t('checkTitle'));
    const get = mockCalls().find((c) => c.url.pathname.endsWith('/slots'))!;
    await expect(get.url.searchParams.get('sor')).toBe(tap.leaf.sor);
    await expect(get.url.searchParams.get('uprn')).toBe(UPRN);
  },
};

/** No slot can be offered online (or none is free): never a dead end, the council calls back. */
export const CallBack: Story = {
  name: 'No slots: we will call you',
  parameters: { mockApi: { ...repairsApi, [SLOTS]: { body: { ...repairSlotsFixture, callBack: true, slots: [] } } } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.triage(tap);
    await d.describe();
    await d.heading(t('photoTitle'));
    await d.continue();
    await d.contactByText();
    await d.heading(t('callBackTitle'));
    await expect(inside.getByText(t('callBackBody'))).toBeVisible();
    await d.continue();
    await d.heading(t('checkTitle'));
    await expect(d.answers()).toContainEqual([t('appointmentKey'), t('weWillContact')]);
  },
};

// ---- Check, send, confirm -------------------------------------------------------------------------

/**
 * Check your answers: every answer with a Change link naming what it changes. Changing the
 * description returns straight to check answers, with the new text.
 */
export const CheckAnswers: Story = {
  name: 'Check answers and change',
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, tc, l } = d;
    const title = await d.upToCheck();
    await waitFor(() => expect(d.focused()).toBe(title));
    await expect(d.answers()).toEqual([
      [t('reporterKey'), t('tenant')],
      [t('addressKey'), repairPropertyFixture.address],
      [t('locationKey'), l(tap.location.label)],
      [t('problemKey'), l(tap.problem.label)],
      [t('leafKey'), l(tap.leaf.label)],
      [t('describeKey'), 'The cold tap drips all the time.'],
      [t('photosKey'), t('photoCount', { count: 0 })],
      [t('contactKey'), `${t('text')}: 07700 900982`],
      [t('appointmentKey'), t('slot', { date: d.date('2026-11-25'), period: t('am') })],
    ]);
    // The address came with the page (`uprn`), so it cannot be changed here.
    await expect(inside.queryByRole('button', { name: `${tc('change')} ${t('addressKey')}` })).toBeNull();
    await userEvent.click(inside.getByRole('button', { name: `${tc('change')} ${t('describeKey')}` }));
    await d.describeField();
    await d.fill(t('describeTitle'), 'The cold tap drips day and night.');
    await d.continue();
    await d.heading(t('checkTitle'));
    await expect(d.answers()).toContainEqual([t('describeKey'), 'The cold tap drips day and night.']);
    await expect(posts()).toHaveLength(0);
  },
};

/**
 * The report does not go through (503): the problem panel, every answer still there. Try again
 * sends the same submission (the same idempotency key) and this time it is accepted.
 */
export const SendFails: Story = {
  name: 'Sending fails, then Try again',
  parameters: { mockApi: { ...repairsApi, [REPORT]: [unavailable, { status: 201, body: reportedRepair }] } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, t, tc } = d;
    await d.upToCheck();
    await d.press(t('send'));
    const problem = await d.heading(tc('problemTitle'));
    await waitFor(() => expect(d.focused()).toBe(problem));
    await expect(d.answers()).toContainEqual([t('describeKey'), 'The cold tap drips all the time.']);
    await expect(context.args.onCouncilRepairReported).not.toHaveBeenCalled();
    await userEvent.click(inside.getByRole('button', { name: tc('tryAgain') }));
    await d.heading(t('doneTitle'));
    const [first, second] = posts();
    await expect(second!.headers.get('Idempotency-Key')).toBe(first!.headers.get('Idempotency-Key'));
    await expect(second!.body).toBe(first!.body);
  },
};

/**
 * Someone else booked the slot first (409): back to the slots with the reason, every other
 * answer kept; another slot, and the report goes through.
 */
export const SlotTaken: Story = {
  name: 'Slot taken: choose another',
  parameters: { mockApi: { ...repairsApi, [REPORT]: [{ status: 409, body: { type: 'https://council-kit.dev/problems/slot-taken', title: 'Slot taken', status: 409 } }, { status: 201, body: reportedRepair }] } },
  play: async (context) => {
    const d = await drive(context);
    const { t } = d;
    await d.upToCheck();
    await d.press(t('send'));
    await d.question(t('slotTitle'));
    await expect(await d.errorLinks()).toEqual([t('slotTaken')]);
    await d.slot('2026-11-25', 'pm');
    await d.continue();
    await d.heading(t('checkTitle'));
    await expect(d.answers()).toContainEqual([t('appointmentKey'), t('slot', { date: d.date('2026-11-25'), period: t('pm') })]);
    await expect(d.answers()).toContainEqual([t('describeKey'), 'The cold tap drips all the time.']);
    await d.press(t('send'));
    await d.heading(t('doneTitle'));
    await expect(JSON.parse(posts()[1]!.body)).toMatchObject({ slotId: 'slot-2026-11-25-pm' });
  },
};

/**
 * Sent: the confirmation panel with the reference (announced, with focus on it), the
 * appointment and the target date, and a link to check, move or cancel it. The draft is gone.
 */
export const Confirmation: Story = {
  play: async (context) => {
    const d = await drive(context);
    const { inside, t } = d;
    await d.upToCheck();
    await d.press(t('send'));
    const panel = await d.heading(t('doneTitle'));
    await waitFor(() => expect(d.focused()).toBe(panel));
    await expect(inside.getByText(reportedRepair.reference)).toBeVisible();
    await expect(inside.getByText(t('doneBooked', { date: d.fullDate('2026-11-25'), period: t('am') }))).toBeVisible();
    await expect(inside.getByText(t('doneTarget', { date: d.fullDate(reportedRepair.targetDate) }))).toBeVisible();
    // The manage link: the reference and the manage token in the fragment, never in a query string.
    await expect(inside.getByRole('link', { name: t('appointmentLink') })).toHaveAttribute('href', `/repairs/appointment#reference=${reportedRepair.reference}&token=${reportedRepair.manageToken}`);
    await expect(inside.getByText(t('appointmentLinkHint'))).toBeVisible();
    await waitFor(() => expect(lastAnnouncement()).toBe(`${t('referenceIs')}: ${reportedRepair.reference}`));
    await expect(JSON.parse(posts()[0]!.body)).toEqual({
      uprn: UPRN,
      reporter: 'tenant',
      leafId: tap.leaf.id,
      description: 'The cold tap drips all the time.',
      photoIds: [],
      contact: { preference: 'text', mobile: '07700900982' },
      slotId: 'slot-2026-11-25-am',
    });
    await expect(context.args.onCouncilRepairReported).toHaveBeenCalledWith(expect.objectContaining({ detail: { reference: reportedRepair.reference, outcome: 'book' } }));
    await expect(Object.keys(sessionStorage).filter((key) => key.startsWith(DRAFT_PREFIX))).toEqual([]);
  },
};

/** A council's own look: Bryn Coed's purple and serif type, and its square buttons through `::part(button)`. */
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
 * Re-themed with `--council-*` custom properties on any ancestor, and `::part(button)` for what
 * the tokens do not reach. The emergency screen, as every resident first sees it.
 */
export const ReThemed: Story = {
  name: 'Re-themed',
  render: (args) => html`<style>
      .bryncoed council-repair-report::part(button) {
        border-radius: 0;
      }
    </style>
    <div class="bryncoed" style=${Object.entries(bryncoed).map(([k, v]) => `${k}: ${v}`).join('; ')}>${report(args)}</div>`,
  play: async (context) => {
    const d = await drive(context);
    await d.emergencyQuestion();
    const button = d.inside.getByRole('button', { name: d.t('continue') });
    await expect(getComputedStyle(button).backgroundColor).toBe('rgb(90, 45, 130)');
    await expect(getComputedStyle(button).borderRadius).toBe('0px');
    await expect(getComputedStyle(button).fontFamily).toBe('Georgia, serif');
  },
};

/** The catalogue cannot be loaded: the problem panel with Try again and the contact page. */
export const CatalogueFails: Story = {
  name: 'Catalogue unavailable',
  parameters: { mockApi: { ...repairsApi, [CATALOGUE]: unavailable } },
  play: async (context) => {
    const d = await drive(context);
    const { inside, tc, t } = d;
    await d.heading(tc('problemTitle'));
    await expect(inside.getByRole('button', { name: tc('tryAgain') })).toBeVisible();
    await expect(inside.getByRole('link', { name: t('contactLink') })).toHaveAttribute('href', '/contact');
  },
};

/** On a Welsh page every question, answer and message is Welsh, catalogue labels included. */
export const Welsh: Story = {
  ...inWelsh,
  play: async (context) => {
    const d = await drive(context);
    const { inside } = d;
    await d.question('A yw hwn yn argyfwng?');
    await expect(inside.getByRole('radio', { name: 'Gallwch arogli nwy' })).toBeVisible();
    await d.choose('Na, dim un o’r rhain');
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    await d.question('Ydych chi’n denant neu’n lesddeiliad?');
    await d.choose('Tenant');
    await userEvent.click(inside.getByRole('button', { name: 'Parhau' }));
    await d.question('Ble mae’r broblem?');
    await expect(inside.getByRole('radio', { name: 'Cegin' })).toBeVisible();
    await expect(inside.getByRole('button', { name: 'Yn ôl' })).toBeVisible();
  },
};
