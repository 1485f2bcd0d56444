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

/** `GET`: a property's garden waste subscription, terms and prices. */
export const gardenOfferPath = (uprn: string): string => `/waste/properties/${encodeURIComponent(uprn)}/garden`;

/** `POST`: subscribe to or renew garden waste collections. */
export const gardenSubscriptionsPath = '/waste/garden-subscriptions';
