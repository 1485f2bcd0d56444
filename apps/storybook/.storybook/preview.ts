import { html } from 'lit';
import { setCustomElementsManifest, type Preview, type WebComponentsRenderer } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import type { MockRoutes } from '@council-kit/core/testing';
import manifest from 'virtual:council-manifest';
import { looks, lookStyle } from './themes.ts';
import { mockStoryApi } from './mock-fetch.ts';
import './preview.css';
// First, so every element and fixture is dated from the same day (see the module).
import '../stories/support/today.ts';

// Autodocs reads attributes, properties, events, slots, CSS parts and custom properties from
// the elements' JSDoc, through the merged manifest (see manifest-plugin.ts).
setCustomElementsManifest(manifest);

const categories = ['attributes', 'properties', 'events', 'slots', 'css custom properties', 'css shadow parts'];

/**
 * Attributes come first and get controls; the other rows from the manifest (properties, events,
 * slots, CSS custom properties and parts) are documentation, not inputs a story reads.
 */
const attributesFirst: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes)
      .map(([name, argType]) => {
        const category = argType.table?.category;
        return [name, category && category !== 'attributes' ? { ...argType, control: false as const } : argType] as const;
      })
      .sort(([, a], [, b]) => rank(a.table?.category) - rank(b.table?.category)),
  );

function rank(category: string | undefined): number {
  const index = categories.indexOf(category ?? '');
  return index === -1 ? categories.length : index;
}

// On docs pages each story plays to its state in its own frame (see the stories' `docs`
// parameter), nested in the docs frame. Two things keep those frames from fighting:
// - Focus is page-wide: a frame that takes focus blurs the others, so a play typing a postcode
//   in one frame loses its keystrokes when another frame moves focus to a heading. The frames
//   take turns: each waits for the one before it to finish its play (or 20 seconds).
// - Elements move focus to headings and error summaries, which would scroll the page the
//   reader is on; in these frames, focus without scrolling.
function storybookParent(): (Window & { councilPlayQueue?: Promise<unknown> }) | undefined {
  try {
    return window.parent !== window && '__STORYBOOK_PREVIEW__' in window.parent ? window.parent : undefined;
  } catch {
    return undefined; // a cross-origin parent: not a Storybook docs page
  }
}
const docsFrame = storybookParent();
let endTurn: (() => void) | undefined;

async function waitForTurn(): Promise<void> {
  if (!docsFrame) return;
  const previous = docsFrame.councilPlayQueue ?? Promise.resolve();
  const turn = new Promise<void>((resolve) => {
    endTurn = resolve;
    // On the docs frame's clock: a frame that is removed (the reader moved on) stops its own.
    docsFrame.setTimeout(resolve, 20_000);
  });
  docsFrame.councilPlayQueue = previous.then(() => turn);
  await previous;
}

if (docsFrame) {
  addEventListener('pagehide', () => endTurn?.());
  const focus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function focusWithoutScrolling(this: HTMLElement, options?: FocusOptions) {
    focus.call(this, { preventScroll: true, ...options });
  };
}

const preview: Preview = {
  tags: ['autodocs'],

  argTypesEnhancers: [attributesFirst],

  parameters: {
    // Any axe violation fails the story's test (WCAG 2.0–2.2 A and AA rules, plus best practice).
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'padded',
    options: {
      // The waste patterns in the order a resident meets them: bin day, then a report or a request;
      // the directory likewise: search, then one service's details; housing repairs: report one,
      // then check, move or cancel its appointment.
      storySort: {
        order: [
          'Introduction',
          'Patterns',
          [
            'Address lookup',
            'Waste',
            ['Usage', 'Bin day', 'Missed bin report', 'Container request'],
            'Directory',
            ['Usage', 'Directory search', 'Service detail'],
            'Housing repairs',
            ['Usage', 'Report a repair', 'Repair appointment'],
          ],
        ],
      },
    },
  },

  globalTypes: {
    locale: {
      description: 'Page language (the closest [lang] ancestor of each element)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'cy', title: 'Cymraeg', right: 'cy' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Council look, set with --council-* custom properties on an ancestor',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(looks).map(([value, look]) => ({ value, title: look.title })),
        dynamicTitle: true,
      },
    },
  },

  initialGlobals: { locale: 'en', theme: 'default' },

  decorators: [
    // The page around the element: its language and its council's look.
    (story, { globals }) =>
      html`<div class="council-page" lang=${globals.locale === 'cy' ? 'cy' : 'en'} style=${lookStyle(String(globals.theme))}>${story()}</div>`,
  ],

  // Every story talks to a fake council API: `parameters.mockApi` holds its routes (see
  // mock-fetch.ts). Returns the cleanup, which puts the real fetch back.
  beforeEach: async ({ parameters }) => {
    await waitForTurn();
    return mockStoryApi(parameters.mockApi as MockRoutes | undefined);
  },

  afterEach: () => endTurn?.(),
};

export default preview;
