import { addDays } from '@council-kit/contracts';

/**
 * Every waste endpoint of the council API, relative to `api-base` (see the OpenAPI document in
 * `@council-kit/contracts`). One module, so a path changes in one place.
 */

/** `GET`: a property's collections (JSON). */
export const collectionsPath = (uprn: string): string => `/waste/properties/${encodeURIComponent(uprn)}/collections`;

/** `GET`: a property's collections as an iCalendar feed. */
export const icsPath = (uprn: string): string => `${collectionsPath(uprn)}.ics`;

/** `POST`: report a missed collection. */
export const missedCollectionsPath = '/waste/missed-collections';

/** `POST`: request a container. */
export const containerRequestsPath = '/waste/container-requests';

/**
 * The query of a collections request for a page showing `weeks` weeks from `today`: a week back
 * (the last collection, and whether it can still be reported missed) to `weeks` weeks ahead, in
 * the page's language. `<council-bin-day>` and a server rendering it ask the same question.
 */
export function collectionsQuery(today: string, weeks: number, lang: string): { from: string; to: string; lang: string } {
  return { from: addDays(today, -7), to: addDays(today, weeks * 7), lang };
}
