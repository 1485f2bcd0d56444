// What a resident does with the waste elements (<council-bin-day>, <council-missed-bin-report>,
// <council-container-request>), for play functions. As in address-lookup.ts, every query runs
// inside the element's shadow root, by role and accessible name, and expected text comes from
// the element's own catalogue in the story's language (see language.ts), so every play also
// passes in Welsh.
import type { StoryContext } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Catalogue } from '@council-kit/core';
import type { BinDay, ContainerRequest, GardenWaste, MissedBinReport } from '@council-kit/waste';
// @council-kit/waste does not export its catalogues (address-lookup exports
// `addressLookupStrings`), so the plays read them from the package source. Swap these for a
// package import once the package exports them.
import { binDayStrings } from '../../../../packages/waste/src/bin-day/bin-day.i18n.ts';
import { missedBinReportStrings, type MissedBinReportKey } from '../../../../packages/waste/src/missed-bin-report/missed-bin-report.i18n.ts';
import { finishStrings as missedBinFinish, type FinishKey as MissedBinFinishKey } from '../../../../packages/waste/src/missed-bin-report/finish.i18n.ts';
import { containerRequestStrings, type ContainerRequestKey } from '../../../../packages/waste/src/container-request/container-request.i18n.ts';
import { finishStrings as containerFinish, type FinishKey as ContainerFinishKey } from '../../../../packages/waste/src/container-request/finish.i18n.ts';
import { gardenWasteStrings, type GardenWasteKey } from '../../../../packages/waste/src/garden-waste/garden-waste.i18n.ts';
import { finishStrings as gardenFinish, type FinishKey as GardenFinishKey } from '../../../../packages/waste/src/garden-waste/finish.i18n.ts';
import { storyLanguage, type KeyOf as Keys } from './language.ts';

interface Waste {
  'council-bin-day': { element: BinDay; key: Keys<typeof binDayStrings> };
  'council-missed-bin-report': { element: MissedBinReport; key: MissedBinReportKey | MissedBinFinishKey };
  'council-container-request': { element: ContainerRequest; key: ContainerRequestKey | ContainerFinishKey };
  'council-garden-waste': { element: GardenWaste; key: GardenWasteKey | GardenFinishKey };
}

type Tag = keyof Waste;

// The forms' first page's messages (the property) and those of the pages after it (the
// questions, contact, check answers, confirmation: finish.i18n.ts, loaded with those pages):
// the plays need both from the start.
const both = (first: Catalogue, later: Catalogue): Catalogue => ({ en: { ...first.en, ...later.en }, cy: { ...first.cy, ...later.cy } });

const catalogues: Record<Tag, Catalogue> = {
  'council-bin-day': binDayStrings,
  'council-missed-bin-report': both(missedBinReportStrings, missedBinFinish),
  'council-container-request': both(containerRequestStrings, containerFinish),
  'council-garden-waste': both(gardenWasteStrings, gardenFinish),
};

export async function driveWaste<T extends Tag>(tag: T, { canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const words = storyLanguage(globals, catalogues[tag] as Catalogue<Waste[T]['key']>);
  const host = await waitFor(() => {
    const el = canvasElement.querySelector<Waste[T]['element']>(tag);
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

  return {
    host,
    root,
    inside,
    // The story's language and the element's words in it: locale, t, tc, anyKey, reworded.
    ...words,
    /** A date as the elements show it: "Tuesday 24 November" / "Dydd Mawrth 24 Tachwedd". */
    date: (iso: string) => words.date(iso, { year: false }),
    /** Waits for a heading with `name` to be visible, and returns it. */
    heading: (name: string | RegExp, timeout?: number) => visible(() => inside.getByRole('heading', { name }), timeout),
    /** Waits for a question page (a fieldset whose legend is the page heading), and returns it. */
    question: (name: string | RegExp, timeout?: number) => visible(() => inside.getByRole('group', { name }), timeout),
    /** The element currently focused inside the shadow root. */
    focused(): Element | null {
      return root.activeElement;
    },
    /** Chooses the radio whose label starts with `label` (a label may carry a hint after it). */
    async choose(label: string) {
      await userEvent.click(await inside.findByRole('radio', { name: (name) => name.startsWith(label) }));
    },
    /** Presses the page's Continue button. */
    async continue() {
      await userEvent.click(inside.getByRole('button', { name: words.anyKey('continue') }));
    },
    /** The rows of the check-answers list, as `[key, value]` pairs. */
    answers(): [string, string][] {
      return [...root.querySelectorAll('[part~="summary-list"] .summary-row')].map((row) => [
        row.querySelector('dt')!.textContent!.trim(),
        row.querySelector('.summary-value')!.textContent!.trim(),
      ]);
    },
  };
}
