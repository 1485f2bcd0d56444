/**
 * Where the last results page was, and the postcode it searched near (kept out of the URL, so
 * "Back to results", a plain link, can still bring the nearest-first search back). Session only.
 */
const LAST_SEARCH = 'council-kit:directory:last-search';
const LAST_POSTCODE = 'council-kit:directory:last-postcode';

export function rememberSearch(url: string, postcode: string): void {
  try {
    sessionStorage.setItem(LAST_SEARCH, url);
    sessionStorage.setItem(LAST_POSTCODE, postcode);
  } catch {
    /* storage disabled: Back to results falls back to the configured page */
  }
}

export function lastSearch(): string | null {
  try {
    return sessionStorage.getItem(LAST_SEARCH);
  } catch {
    return null;
  }
}

/** The postcode of the remembered search, when `url` is that search. */
export function lastPostcode(url: string): string {
  return (lastSearch() === url && sessionStorage.getItem(LAST_POSTCODE)) || '';
}

/**
 * The element's server data block: the answer a server rendered it with (`@council-kit/ssr`),
 * as core's `readServerData` reads it, or `undefined` when there is none or it does not parse.
 * Written here rather than imported from core, and in this module rather than one of its own:
 * the CDN build splits code a module at a time, so either would be one more file on the page;
 * this module is already in the one chunk both directory elements load.
 */
export function serverAnswer(host: Element): unknown {
  try {
    return JSON.parse(host.querySelector(':scope>script[data-council-data]')?.textContent || 'null') ?? undefined;
  } catch {
    return undefined;
  }
}
