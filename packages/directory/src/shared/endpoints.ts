/**
 * Every Open Referral UK endpoint the directory reads, relative to the feed's `api-base`. One
 * module, so a path changes in one place; which one a version uses is decided in `feed.ts`.
 */

/** `GET`: a page of services (v1; v3 without a postcode). */
export const servicesPath = '/services';

/** `GET` (v3): a page of services at their locations, with distance from a postcode. */
export const serviceAtLocationsPath = '/service_at_locations';

/** `GET`: one service, in full. */
export const servicePath = (id: string): string => `${servicesPath}/${encodeURIComponent(id)}`;

/** `GET` (v3): the taxonomy terms residents filter by. */
export const taxonomyTermsPath = '/taxonomy_terms';

/** `GET` (v1): the same terms, where v1 feeds publish them. */
export const taxonomiesPath = '/taxonomies';
