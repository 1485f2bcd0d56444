import type { html as Html, TemplateResult } from 'lit';

type T = (key: string, params?: Record<string, string | number>) => string;

/** Stands for the value while the message is translated: a private-use character no catalogue has. */
const marker = '\uE000';

/**
 * The message `key` with the feed's text `value` as its `{param}`, that text marked with its own
 * language when the feed says it (an English organisation name in a Welsh sentence: "Gan
 * <span lang="en">Anytown Churches Together</span>"), so a screen reader switches voice for the
 * name only. Without `lang`, the plain message. `html` is the caller's lit (see `ResultsView`).
 */
export function messageWithText(html: typeof Html, t: T, key: string, param: string, value: string, lang?: string): string | TemplateResult {
  if (!lang) return t(key, { [param]: value });
  const [before = '', after = ''] = t(key, { [param]: marker }).split(marker);
  return html`${before}<span lang=${lang}>${value}</span>${after}`;
}
