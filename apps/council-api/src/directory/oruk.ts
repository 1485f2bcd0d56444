/**
 * Open Referral UK v3 response shapes, as this API sends them. Field names follow the UK
 * profile (HSDS 3.0); fields with no value are left out rather than sent as null, since the
 * standard types them as strings and numbers, not nullable ones.
 */

export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  /** The number of items on this page (ORUK: "the number of entities in the current page"), not `per_page`. */
  size: number;
  first_page: boolean;
  last_page: boolean;
  /** True when this page has no items (no results, or a page past the end). */
  empty: boolean;
  contents: T[];
}

export interface OrukOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
}

export interface OrukAccessibility {
  id: string;
  location_id: string;
  description: string;
  details?: string;
}

export interface OrukAddress {
  id: string;
  location_id: string;
  address_1: string;
  address_2?: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface OrukLocation {
  id: string;
  location_type: 'physical';
  name: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  addresses: OrukAddress[];
  accessibility: OrukAccessibility[];
}

export interface OrukServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  description?: string;
  location: OrukLocation;
}

export interface OrukTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  parent_id?: string;
  /** The vocabulary the term comes from (HSDS 3.0 `taxonomy`)… */
  taxonomy: string;
  /** …also under its earlier name, which some ORUK consumers still read. */
  vocabulary: string;
}

export interface OrukAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service';
  taxonomy_term_id: string;
  taxonomy_term: OrukTaxonomyTerm;
}

export interface OrukSchedule {
  id: string;
  service_id: string;
  freq?: string;
  interval?: number;
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  valid_from?: string;
  valid_to?: string;
  description?: string;
}

export interface OrukCostOption {
  id: string;
  service_id: string;
  option?: string;
  amount?: number;
  currency?: string;
  amount_description?: string;
}

export interface OrukPhone {
  id: string;
  /** The service the number reaches (HSDS 3.0 `phone.service_id`). */
  service_id: string;
  /** The named contact it belongs to, when it is one person's or desk's number. */
  contact_id: string;
  number: string;
  description?: string;
}

export interface OrukContact {
  id: string;
  service_id: string;
  name?: string;
  title?: string;
  email?: string;
}

export interface OrukLanguage {
  id: string;
  service_id: string;
  name: string;
  code: string;
}

export interface OrukService {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url: string;
  email?: string;
  status: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified: string;
  organization: OrukOrganization;
  /** Left out of the services nested in `/service_at_locations` items, which carry their own location. */
  service_at_locations?: OrukServiceAtLocation[];
  schedules: OrukSchedule[];
  contacts: OrukContact[];
  /** Where ORUK v3 / HSDS 3.0 puts a service's phone numbers (never under `contacts`). */
  phones: OrukPhone[];
  cost_options: OrukCostOption[];
  attributes: OrukAttribute[];
  languages: OrukLanguage[];
  /** Metres from the searched postcode to the nearest location (an extension, like Outpost's `distance_away`). */
  distance?: number;
}

/** An item of `/service_at_locations`: one service at one location, with the distance when searched by postcode. */
export interface OrukServiceAtLocationItem {
  id: string;
  service_id: string;
  location_id: string;
  description?: string;
  service: OrukService;
  location: OrukLocation;
  /** Metres from the searched postcode (an extension to ORUK v3). */
  distance?: number;
}

/** `/taxonomies` (HSDS 3.0 `taxonomy`): a vocabulary the terms come from. */
export interface OrukTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

/** `/organizations/{id}`: the organisation with the services it runs (fully nested). */
export interface OrukOrganizationWithServices extends OrukOrganization {
  services: OrukService[];
}

/** `minimal=true` items: only what a harvester needs to decide what to fetch again. */
export interface OrukMinimal {
  id: string;
  last_modified: string;
}

export interface OrukRoot {
  version: string;
  profile: string;
  openapi_url: string;
}

/** Drops null and undefined fields: the record as ORUK wants it. */
export function present<T extends object>(record: { [K in keyof T]: T[K] | null }): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== null && value !== undefined) out[key] = value;
  return out as T;
}

/** Paging metadata for `total` items, of which this page holds `contents`. */
export function orukPage<T>(contents: T[], total: number, page: number, perPage: number): OrukPage<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
