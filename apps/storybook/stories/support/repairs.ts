// What a resident does with the housing repairs elements (<council-repair-report>,
// <council-repair-appointment>), and the fake council API behind their stories. As in waste.ts
// and directory.ts, every query runs inside the element's shadow root, by role and accessible
// name, and expected text comes from the element's own catalogue (and the council's repairs
// catalogue) in the story's language, so every play also passes in Welsh.
import type { StoryContext } from '@storybook/web-components-vite';
import { configure, expect, userEvent, waitFor, within } from 'storybook/test';
import { draftKey, type Catalogue } from '@council-kit/core';
import type { MockRoutes } from '@council-kit/core/testing';
import { findLeaf, type Bilingual, type RepairCatalogue } from '@council-kit/contracts';
import { anytownAddresses, repairCatalogueFixture, repairFixture, repairPropertyFixture, repairSlotsFixture, repairStatusFixture, reportedRepairFixture, manageCodeSentFixture, manageTokenGrantFixture } from '@council-kit/contracts/fixtures';
import type { RepairAppointment, RepairReport } from '@council-kit/housing-repairs';
// @council-kit/housing-repairs does not export its catalogues, so the plays read them from the
// package source (as waste.ts does). Swap these for a package import once the package exports them.
import { repairReportStrings, type RepairReportKey } from '../../../../packages/housing-repairs/src/repair-report/repair-report.i18n.ts';
import { callStrings, type CallKey } from '../../../../packages/housing-repairs/src/repair-report/call.i18n.ts';
import { journeyStrings, type JourneyKey } from '../../../../packages/housing-repairs/src/repair-report/journey.i18n.ts';
import { repairAppointmentStrings, type RepairAppointmentKey } from '../../../../packages/housing-repairs/src/repair-appointment/repair-appointment.i18n.ts';
import { manageStrings, type ManageKey } from '../../../../packages/housing-repairs/src/repair-appointment/manage.i18n.ts';
import { replaceText } from './address-lookup.ts';
import { storyLanguage } from './language.ts';

// Testing Library prints the DOM around a failed query, and cannot print a shadow root: it would
// throw "Expected an element or document but got ShadowRoot" instead of saying what was missing.
configure({ getElementError: (message) => Object.assign(new Error(message ?? ''), { name: 'TestingLibraryElementError' }) });

interface Repairs {
  'council-repair-report': { element: RepairReport; key: RepairReportKey | CallKey | JourneyKey };
  'council-repair-appointment': { element: RepairAppointment; key: RepairAppointmentKey | ManageKey };
}

type Tag = keyof Repairs;

/**
 * The report's whole catalogue. The element starts with the first page's messages and adds the
 * call page's (`callStrings`) and the later pages' (`journeyStrings`) when those load; the plays
 * need them all from the start.
 */
const reportCatalogue: Catalogue<RepairReportKey | CallKey | JourneyKey> = {
  en: { ...repairReportStrings.en, ...callStrings.en, ...journeyStrings.en },
  cy: { ...repairReportStrings.cy, ...callStrings.cy, ...journeyStrings.cy },
};

/** The same for the appointment: its first page's messages, and its later pages' (`manageStrings`). */
const appointmentCatalogue: Catalogue<RepairAppointmentKey | ManageKey> = {
  en: { ...repairAppointmentStrings.en, ...manageStrings.en },
  cy: { ...repairAppointmentStrings.cy, ...manageStrings.cy },
};

const catalogues: Record<Tag, Catalogue> = {
  'council-repair-report': reportCatalogue,
  'council-repair-appointment': appointmentCatalogue,
};

// ---------------------------------------------------------------------------------------------
// Story isolation
// ---------------------------------------------------------------------------------------------

/** Where <council-repair-report> keeps its draft: `council-kit:repair-report:<page path>`. */
export const DRAFT_PREFIX = draftKey('repair-report', '-').slice(0, -1);

/**
 * Removes every repair-report draft from session storage.
 *
 * Why: the report saves its answers (and the page it is on) to session storage after every
 * change, and restores them when it connects, so a reload never loses a resident's answers. All
 * the stories of a file run one after another in one browser frame, on one page path, so they
 * share one draft key: without this, a story would open on the page the previous story finished
 * on (check answers, say), with its answers filled in, and its play would fail or, worse, pass
 * for the wrong reason. Only the repairs drafts go: Storybook's own keys stay.
 */
export function clearRepairDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(key);
}

// ---------------------------------------------------------------------------------------------
// Clocks and the fake council API
// ---------------------------------------------------------------------------------------------

/** Tuesday 24 November 2026, 10am in London: the repairs line is open. */
export const OFFICE_HOURS = new Date('2026-11-24T10:00:00Z');
/** Saturday 28 November 2026, 10am: the offices are closed; emergencies go to the out-of-hours line. */
export const OUT_OF_HOURS = new Date('2026-11-28T10:00:00Z');

export const UPRN = repairPropertyFixture.uprn;
export const CATALOGUE = 'GET /api/v1/repairs/catalogue';
export const PROPERTY = `GET /api/v1/repairs/properties/${UPRN}`;
export const SLOTS = 'GET /api/v1/repairs/slots';
export const PHOTOS = 'POST /api/v1/repairs/photos';
export const REPORT = 'POST /api/v1/repairs';
export const REPAIR = `GET /api/v1/repairs/${repairFixture.reference}`;
export const MOVE = `PATCH /api/v1/repairs/${repairFixture.reference}`;
export const CANCEL = `DELETE /api/v1/repairs/${repairFixture.reference}`;
/** Found by reference and postcode, without the manage link: the status only. */
export const STATUS = `GET /api/v1/repairs/${repairFixture.reference}/status`;
/** Without the link: a one-time code sent to the contact details on the repair, then exchanged for a manage token. */
export const CODE = `POST /api/v1/repairs/${repairFixture.reference}/code`;
export const TOKEN = `POST /api/v1/repairs/${repairFixture.reference}/token`;

/** A private home in the same street: the council is not its landlord. */
export const privateHome = { uprn: '100000000005', address: anytownAddresses.addresses[4]!.address, councilOwned: false, communalRepairs: [] };

/** The repair booked as the report's confirmation shows it, with its manage token (given once). */
export const reportedRepair = { ...reportedRepairFixture, appointment: { date: '2026-11-25', period: 'am' as const } };

/** The problem answer a story can send: a 503 problem, as a council API that is down would. */
export const unavailable = { status: 503, body: { type: 'about:blank', title: 'Service Unavailable', status: 503 } };

/**
 * The fake council API behind the repairs stories unless a story says otherwise: the small
 * contract catalogue (one leaf for every outcome), Flat 1, 2 High Street (a council flat in a
 * block with one communal repair already reported), two weeks of slots, and reports accepted.
 */
export const repairsApi: MockRoutes = {
  [CATALOGUE]: { body: repairCatalogueFixture },
  'GET /api/v1/addresses': { body: anytownAddresses },
  [PROPERTY]: { body: repairPropertyFixture },
  [`GET /api/v1/repairs/properties/${privateHome.uprn}`]: { body: privateHome },
  [SLOTS]: { body: repairSlotsFixture },
  [PHOTOS]: { status: 201, body: { photoId: 'photo-1' } },
  [REPORT]: { status: 201, body: reportedRepair },
  [REPAIR]: { body: repairFixture },
  [STATUS]: { body: repairStatusFixture },
  [CODE]: { status: 202, body: manageCodeSentFixture },
  [TOKEN]: { status: 201, body: manageTokenGrantFixture },
  [MOVE]: { body: { ...repairFixture, appointment: { date: '2026-11-26', period: 'all-day' } } },
  [CANCEL]: { body: { ...repairFixture, status: 'cancelled', cancelReason: 'fixed' } },
};

/** The same API with another catalogue (a story's own limits, or Anytown's full one). */
export function withCatalogue(catalogue: RepairCatalogue, extra: MockRoutes = {}): MockRoutes {
  return { ...repairsApi, [CATALOGUE]: { body: catalogue }, ...extra };
}

/** A leaf of the contract fixture by id, with its location and problem. */
export function leaf(id: string, catalogue: RepairCatalogue = repairCatalogueFixture) {
  const found = findLeaf(catalogue, id);
  if (!found) throw new Error(`No leaf ${id} in the catalogue`);
  return found;
}

/** A PNG of `width` × `height`, drawn on a canvas as a phone would save it. */
export async function png(width: number, height: number, name = 'tap.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#1d70b8';
  context.fillRect(0, 0, width, height);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

// ---------------------------------------------------------------------------------------------
// The driver
// ---------------------------------------------------------------------------------------------

export async function driveRepairs<T extends Tag>(tag: T, { canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const words = storyLanguage(globals, catalogues[tag] as Catalogue<Repairs[T]['key']>);
  const { locale } = words;
  const host = await waitFor(() => {
    const el = canvasElement.querySelector<Repairs[T]['element']>(tag);
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

  const driver = {
    host,
    root,
    inside,
    // The story's language and the element's words in it: locale, t, tc, anyKey, reworded.
    ...words,
    /** A label from the council's repairs catalogue, in the story's language. */
    l: (text: Bilingual) => text[locale],
    /** A date as the elements show it in lists: "Wednesday 25 November". */
    date: (iso: string) => words.date(iso, { year: false }),
    /** A date as the elements show it in sentences: "Wednesday 25 November 2026". */
    fullDate: (iso: string) => words.date(iso),
    /** Waits for a heading with `name` to be visible, and returns it. */
    heading: (name: string | RegExp, timeout?: number) => visible(() => inside.getByRole('heading', { name }), timeout),
    /** Waits for a question page (a fieldset whose legend is the page heading), and returns it. */
    question: (name: string | RegExp, timeout?: number) => visible(() => inside.getByRole('group', { name }), timeout),
    /** The element currently focused inside the shadow root. */
    focused(): Element | null {
      return root.activeElement;
    },
    /** Waits until focus is on the page's heading (`data-step-heading`) or inside `within`. */
    async focusOn(element: Element) {
      await waitFor(() => expect(element.contains(root.activeElement)).toBe(true));
    },
    /** Chooses the radio whose label starts with `label` (a label may carry a hint after it). */
    async choose(label: string) {
      await userEvent.click(await inside.findByRole('radio', { name: (name) => name.startsWith(label) }));
    },
    /** Presses a button by its exact name. */
    async press(name: string) {
      await userEvent.click(await inside.findByRole('button', { name }));
    },
    /** Presses the page's Continue button. */
    async continue() {
      await userEvent.click(await inside.findByRole('button', { name: words.anyKey('continue') }));
    },
    /** Types into the field labelled `label`, replacing what is there. */
    async fill(label: string, text: string) {
      await replaceText(await inside.findByLabelText<HTMLInputElement>(label), text);
    },
    /** The rows of a summary list, as `[key, value]` pairs. */
    answers(): [string, string][] {
      return [...root.querySelectorAll('[part~="summary-list"] .summary-row')].map((row) => [
        row.querySelector('dt')!.textContent!.trim(),
        row.querySelector('.summary-value')!.textContent!.trim(),
      ]);
    },
    /** The links in the error summary, as the resident reads them. */
    async errorLinks(): Promise<string[]> {
      const summary = await visible(() => root.querySelector<HTMLElement>('.error-summary')!);
      return [...summary.querySelectorAll('a')].map((a) => a.textContent!.trim());
    },
  };
  return driver;
}
