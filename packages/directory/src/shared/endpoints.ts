/**
 * Every Open Referral UK endpoint the directory reads, relative to the feed's `api-base`. One
 * module, so a path changes in one place; which one a version uses is decided in `feed.ts`.
 */

/** `GET`: a page of services; near a postcode, each once at its nearest location, with its distance. */
export const servicesPath = '/services';

/** `GET`: one service, in full. */
export const servicePath = (id: string): string => `${servicesPath}/${encodeURIComponent(id)}`;

/** `GET` (v3): the taxonomy terms residents filter by. */
export const taxonomyTermsPath = '/taxonomy_terms';

/** `GET` (v1): the same terms, where v1 feeds publish them. */
export const taxonomiesPath = '/taxonomies';
