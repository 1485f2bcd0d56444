/** The languages Council Kit ships complete. Anything else falls back to English. */
export type Locale = 'en' | 'cy';
export const locales: readonly Locale[] = ['en', 'cy'];

/**
 * The language of the closest `[lang]` ancestor, crossing shadow roots so an element nested in
 * another component still follows the page (`lang="cy-GB"` counts as Welsh).
 */
export function localeOf(node: Node): Locale {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) {
      return current.getAttribute('lang')!.toLowerCase().startsWith('cy') ? 'cy' : 'en';
    }
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return 'en';
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` whenever any `lang` attribute in the document changes (a language toggle
 * usually flips `<html lang>`). One observer serves every element on the page.
 */
export function onLangChange(listener: Listener): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
