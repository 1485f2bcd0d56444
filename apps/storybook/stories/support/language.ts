// The one way a story is driven in a language. A story runs in the language of its page: the
// Language toolbar sets it, the test passes set it (vitest.config.ts: English, then Welsh;
// COUNCIL_STORY_LOCALE=cy runs the Welsh pass only), and a story can pin it with `inWelsh`. The
// preview puts it on the page as `lang` (see .storybook/preview.ts), and the elements follow it.
// Plays never write English: they read expected text from the element's own catalogue in the
// story's language (`t`), so one play passes in both; a Welsh story checks literal Welsh on its own.
import type { StoryContext } from '@storybook/web-components-vite';
import { coreStrings, formatDate, translate, type Catalogue, type Locale, type Params, type StringOverrides } from '@council-kit/core';

/** The message keys of a catalogue (its English keys: English is the reference set). */
export type KeyOf<C extends { en: object }> = Extract<keyof C['en'], string>;

/** A key of the messages every element shares (failure states, busy state, generic actions). */
export type CoreKey = KeyOf<typeof coreStrings>;

/** The story's language, as the Language toolbar, the test pass or the story's `globals` set it. */
export function storyLocale(globals: StoryContext['globals']): Locale {
  return globals.locale === 'cy' ? 'cy' : 'en';
}

/**
 * Pins a story to a Welsh page, whatever the toolbar or the test pass says:
 * `export const Welsh: Story = { ...inWelsh, play }`.
 */
export const inWelsh = { globals: { locale: 'cy' } } as const satisfies Pick<StoryContext, 'globals'>;

/** An element's words in the story's language, for play functions. */
export interface StoryWords<K extends string> {
  /** The story's language. */
  locale: Locale;
  /** A message of the element, as it shows it: `t('found', { count: 2 })`. */
  t(key: K, params?: Params): string;
  /** A message every element shares, from core: `tc('problemTitle')`. */
  tc(key: CoreKey, params?: Params): string;
  /**
   * Any key of the element's catalogue, for the package's wording helpers that build keys as they
   * go (`describeContainer(container, anyKey)`, `scheduleWords(schedule, anyKey)`).
   */
  anyKey(key: string, params?: Params): string;
  /** A date as the elements write it in the story's language ("Dydd Mawrth 24 Tachwedd 2026"). */
  date(iso: string, options?: { weekday?: boolean; year?: boolean }): string;
  /** A message as the element shows it when the council rewords it with the `strings` property. */
  reworded(overrides: StringOverrides, key: K, params?: Params): string;
}

/**
 * The story's language and `catalogue`'s words in it:
 * `const { locale, t, tc } = storyLanguage(context.globals, binDayStrings)`.
 */
export function storyLanguage<K extends string>(globals: StoryContext['globals'], catalogue: Catalogue<K>): StoryWords<K> {
  const locale = storyLocale(globals);
  const messages = catalogue as Catalogue;
  return {
    locale,
    t: (key, params) => translate(messages, key, locale, params),
    tc: (key, params) => translate(coreStrings, key, locale, params),
    anyKey: (key, params) => translate(messages, key, locale, params),
    date: (iso, options) => formatDate(iso, locale, options),
    reworded: (overrides, key, params) => translate(messages, key, locale, params, overrides),
  };
}
