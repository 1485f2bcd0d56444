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
