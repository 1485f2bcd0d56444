/**
 * Reads what an Open Referral UK feed publishes (v3, or the v1 many councils still run) into
 * plain records the importer stores. Tolerant of missing optional fields, strict on what a row
 * must have (an id and a name): a record without them is reported and skipped, never stored.
 */

/** The two feed versions; `auto` is resolved before reading (see detect-version.ts). */
export type FeedVersion = 'v3' | 'v1';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
/** Text as published, trimmed; numbers (v1 ids are often numbers) as text. */
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const number = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
const time = (v: unknown): string | undefined => {
  const match = typeof v === 'string' ? /^(\d{1,2}):(\d{2})/.exec(v.trim()) : null;
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
};
const date = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

/** "an2 3bd", "AN23BD" → "AN2 3BD"; anything else as published. */
export function normalisePostcode(value: string | undefined): string | undefined {
  const shape = value && /^([a-z]{1,2}\d[a-z\d]?) *(\d[a-z]{2})$/i.exec(value.trim());
  return shape ? `${shape[1]} ${shape[2]}`.toUpperCase() : value?.trim() || undefined;
}

export interface FeedTerm {
  sourceId: string;
  code?: string;
  name: string;
  description?: string;
  parentSourceId?: string;
  taxonomy?: string;
}

export interface FeedLocation {
  sourceId: string;
  name?: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  address1?: string;
  address2?: string;
  city?: string;
  stateProvince?: string;
  postcode?: string;
  country?: string;
  accessibility: string[];
}

export interface FeedSchedule {
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  opensAt?: string;
  closesAt?: string;
  validFrom?: string;
  validTo?: string;
  description?: string;
}

export interface FeedOrganization {
  sourceId: string;
  name: string;
  description?: string;
  email?: string;
  website?: string;
}

/** One service as the feed publishes it, in either version. */
export interface FeedService {
  sourceId: string;
  name: string;
  description?: string;
  url?: string;
  email?: string;
  status?: string;
  eligibility?: string;
  minimumAge?: number;
  maximumAge?: number;
  assuredDate?: string;
  organization?: FeedOrganization;
  locations: FeedLocation[];
  terms: FeedTerm[];
  schedules: FeedSchedule[];
  costs: { option?: string; amount?: number; currency?: string; amountDescription?: string }[];
  contacts: { name?: string; title?: string; email?: string; phones: { number: string; description?: string }[] }[];
  languages: { name: string; code: string }[];
}

/** One page of a feed's list: its records (unread) and how many pages there are. */
export interface FeedPage {
  records: unknown[];
  totalPages: number;
}

/** Reads the paging of either version: v3 `contents`/`total_pages`, v1 `content`/`totalPages`. */
export function readPage(raw: unknown, version: FeedVersion): FeedPage {
  if (Array.isArray(raw)) return { records: raw, totalPages: 1 };
  if (!isObject(raw)) throw new TypeError('the page is not a JSON object');
  const records = version === 'v1' ? raw.content : raw.contents;
  if (!Array.isArray(records)) throw new TypeError(`the page has no ${version === 'v1' ? 'content' : 'contents'} array`);
  const totalPages = number(version === 'v1' ? raw.totalPages : raw.total_pages);
  return { records, totalPages: totalPages === undefined ? 1 : Math.max(1, Math.floor(totalPages)) };
}

/** The paging shape alone tells the versions apart: v1 pages are Spring's (`content`, `totalElements`). */
export function versionOfPage(raw: unknown): FeedVersion | undefined {
  if (!isObject(raw)) return undefined;
  if ('content' in raw || 'totalElements' in raw) return 'v1';
  if ('contents' in raw || 'total_items' in raw) return 'v3';
  return undefined;
}

/** A taxonomy term from `/taxonomy_terms` (v3) or `/taxonomies` (v1, where the term's vocabulary is `vocabulary`). */
export function readTerm(raw: unknown): FeedTerm | undefined {
  if (!isObject(raw)) return undefined;
  const sourceId = text(raw.id);
  const name = text(raw.name);
  if (!sourceId || !name) return undefined;
  const parent = isObject(raw.parent) ? text(raw.parent.id) : text(raw.parent_id);
  const taxonomy = isObject(raw.taxonomy_detail) ? text(raw.taxonomy_detail.name) : text(raw.taxonomy) ?? text(raw.vocabulary);
  return { sourceId, code: text(raw.code), name, description: text(raw.description), parentSourceId: parent, taxonomy };
}

const V1_DAYS: Record<string, string> = { monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU' };

function schedules(service: Json): FeedSchedule[] {
  const v3 = list(service.schedules).map((s): FeedSchedule => {
    const freq = text(s.freq)?.toUpperCase();
    return {
      freq: freq === 'WEEKLY' || freq === 'MONTHLY' ? freq : undefined,
      interval: number(s.interval),
      byday: text(s.byday)?.toUpperCase().replace(/\s+/g, ''),
      opensAt: time(s.opens_at),
      closesAt: time(s.closes_at),
      validFrom: date(s.valid_from),
      validTo: date(s.valid_to),
      description: text(s.description),
    };
  });
  // v1: one row per weekday ({ weekday: "Monday", opens_at, closes_at }).
  const v1 = list(service.regular_schedules).flatMap((s): FeedSchedule[] => {
    const day = V1_DAYS[(text(s.weekday) ?? '').toLowerCase()];
    return day ? [{ freq: 'WEEKLY', byday: day, opensAt: time(s.opens_at), closesAt: time(s.closes_at) }] : [];
  });
  return [...v3, ...v1];
}

function location(raw: Json, fallbackId: string): FeedLocation {
  const address = list(raw.addresses)[0] ?? list(raw.physical_addresses)[0];
  const latitude = number(raw.latitude);
  const longitude = number(raw.longitude);
  const inRange = latitude !== undefined && longitude !== undefined && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
  return {
    sourceId: text(raw.id) ?? fallbackId,
    name: text(raw.name),
    description: text(raw.description),
    latitude: inRange ? latitude : undefined,
    longitude: inRange ? longitude : undefined,
    address1: text(address?.address_1),
    address2: text(address?.address_2),
    city: text(address?.city),
    stateProvince: text(address?.state_province),
    postcode: normalisePostcode(text(address?.postal_code)),
    country: text(address?.country),
    accessibility: [...list(raw.accessibility), ...list(raw.accessibility_for_disabilities)].flatMap((a) => text(a.description ?? a.accessibility) ?? []),
  };
}

/** Reads one service; a string says why a record cannot be stored (no id, no name, not an object). */
export function readService(raw: unknown): FeedService | string {
  if (!isObject(raw)) return 'the record is not a JSON object';
  const sourceId = text(raw.id);
  if (!sourceId) return 'the service has no id';
  const name = text(raw.name);
  if (!name) return `service ${sourceId} has no name`;
  const org = isObject(raw.organization) ? raw.organization : isObject(raw.organisation) ? raw.organisation : undefined;
  const orgId = text(org?.id) ?? text(raw.organization_id);
  const orgName = text(org?.name);
  const terms = [
    ...list(raw.attributes).map((a) => a.taxonomy_term),
    ...list(raw.service_taxonomys).map((t) => t.taxonomy),
  ].flatMap((t) => readTerm(t) ?? []);
  const contacts = list(raw.contacts).map((c) => ({
    name: text(c.name),
    title: text(c.title),
    email: text(c.email),
    phones: list(c.phones).flatMap((p) => (text(p.number) ? [{ number: text(p.number)!, description: text(p.description) }] : [])),
  }));
  const ownPhones = list(raw.phones).flatMap((p) => (text(p.number) ? [{ number: text(p.number)!, description: text(p.description) }] : []));
  if (ownPhones.length) contacts.push({ name: undefined, title: undefined, email: undefined, phones: ownPhones });
  return {
    sourceId,
    name,
    description: text(raw.description),
    url: text(raw.url),
    email: text(raw.email),
    status: text(raw.status)?.toLowerCase(),
    eligibility: text(raw.eligibility_description) ?? (list(raw.eligibilitys).flatMap((e) => text(e.eligibility) ?? []).join('; ') || undefined),
    minimumAge: number(raw.minimum_age),
    maximumAge: number(raw.maximum_age),
    assuredDate: date(raw.assured_date),
    organization: orgId && orgName ? { sourceId: orgId, name: orgName, description: text(org?.description), email: text(org?.email), website: text(org?.website ?? org?.url) } : undefined,
    locations: list(raw.service_at_locations).map((sal, i) => location(isObject(sal.location) ? sal.location : sal, `${sourceId}#${i}`)),
    terms,
    schedules: schedules(raw),
    costs: list(raw.cost_options).map((c) => ({ option: text(c.option), amount: number(c.amount), currency: text(c.currency), amountDescription: text(c.amount_description) })),
    contacts,
    languages: list(raw.languages).flatMap((l) => {
      const name = text(l.name) ?? text(l.language);
      return name ? [{ name, code: text(l.code) ?? '' }] : [];
    }),
  };
}
