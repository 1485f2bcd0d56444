import type { OsPlacesResponse } from '@council-kit/contracts';
import { redactSecrets } from '../redact.js';
import type { OsPlacesConfig } from '../sources/config.js';
import { SourceError } from '../sources/problems.js';

/*
 * OS Places API's `/postcode` over fetch: every page of a postcode's DPA records, in WGS84. The
 * key goes in the query string (OS's way) to OS and nowhere else: errors carry OS's status at
 * most, and anything logged passes `redactSecrets`. OS's answers are never logged (a postcode
 * and its addresses are personal data).
 */

/** Most records asked for per page (OS's limit). */
export const OS_PLACES_PAGE_SIZE = 100;
/** Most pages fetched for one postcode: 1,000 addresses, more than any real postcode has. */
export const OS_PLACES_MAX_PAGES = 10;

/** Every DPA record OS Places has for a postcode, as one response. */
export type OsPlacesLookup = (postcode: string) => Promise<OsPlacesResponse & { truncated?: boolean }>;

/** One GET of an OS Places endpoint (`postcode`, `uprn`) with the key, in WGS84, DPA records only. */
async function osPlacesRequest(config: OsPlacesConfig, endpoint: string, params: Record<string, string>): Promise<OsPlacesResponse> {
  const redact = (text: string) => redactSecrets(text, [config.apiKey]);
  const url = new URL(`${config.url}/${endpoint}`);
  url.search = new URLSearchParams({ ...params, key: config.apiKey, output_srs: 'WGS84', dataset: 'DPA' }).toString();
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(config.timeoutSeconds * 1000), redirect: 'error' });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    if (timedOut) throw new SourceError('timeout', `OS Places did not answer in ${config.timeoutSeconds} s`);
    throw new SourceError('unavailable', 'OS Places could not be reached', { cause: redact(error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)) });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    // 400/401/403: OS refused the key (or the request the API built): the operator must act.
    if (status === 400 || status === 401 || status === 403) throw new SourceError('misconfigured', `OS Places answered ${status}`, { status });
    if (status === 429) throw new SourceError('rate-limited', 'OS Places answered 429 (rate limited)', { status });
    throw new SourceError('unavailable', `OS Places answered ${status}`, { status });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    if (timedOut) throw new SourceError('timeout', `OS Places did not finish its answer in ${config.timeoutSeconds} s`);
    throw new SourceError('unusable', 'OS Places answered something that is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SourceError('unusable', 'OS Places answered something that is not an object');
  const { results } = json as { results?: unknown };
  // No `results` key is OS's way of saying "no addresses"; anything else but a list is not.
  if (results !== undefined && !Array.isArray(results)) throw new SourceError('unusable', 'OS Places answered results that are not a list');
  return json as OsPlacesResponse;
}

/** The DPA record OS Places has for a UPRN (`/uprn`), as a response with one result or none. */
export type OsPlacesUprnLookup = (uprn: string) => Promise<OsPlacesResponse>;

/** The real `/uprn` client. */
export function osPlacesUprnClient(config: OsPlacesConfig): OsPlacesUprnLookup {
  return (uprn) => osPlacesRequest(config, 'uprn', { uprn });
}

/** The real `/postcode` client. */
export function osPlacesClient(config: OsPlacesConfig): OsPlacesLookup {
  const page = (postcode: string, offset: number): Promise<OsPlacesResponse> =>
    osPlacesRequest(config, 'postcode', { postcode, maxresults: String(OS_PLACES_PAGE_SIZE), offset: String(offset) });

  return async (postcode) => {
    const first = await page(postcode, 0);
    const results = Array.isArray(first.results) ? [...first.results] : [];
    const total = typeof first.header?.totalresults === 'number' ? first.header.totalresults : results.length;
    let pages = 1;
    let lastPageLength = results.length;
    // Page on while OS says there are more, each page gave something, and below the cap.
    while (results.length < total && lastPageLength > 0 && pages < OS_PLACES_MAX_PAGES) {
      const next = await page(postcode, results.length);
      const more = Array.isArray(next.results) ? next.results : [];
      results.push(...more);
      lastPageLength = more.length;
      pages += 1;
    }
    return { ...(first.header ? { header: first.header } : {}), ...(results.length ? { results } : {}), ...(results.length < total ? { truncated: true } : {}) };
  };
}
