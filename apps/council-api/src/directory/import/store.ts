import type { Transaction } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database, DirectoryServiceStatus } from '../../db/schema.js';
import { compactPostcode, feedUuid, nameKey, recordHash } from './feed-ids.js';
import type { FeedLocation, FeedService, FeedTerm } from './oruk-records.js';

type Trx = Transaction<Database>;

/** Which feed and run rows are being stored for. */
export interface StoreRun {
  feedId: string;
  runId: string;
  clock: Clock;
}

/** What became of one service record. */
export type StoreOutcome = 'added' | 'updated' | 'unchanged' | 'merged';

const STATUSES: readonly DirectoryServiceStatus[] = ['active', 'inactive', 'defunct', 'temporarily closed'];
/** Only https links are kept: the elements link to them. */
const https = (url: string | undefined): string | null => (url && /^https:\/\/[^\s]+$/i.test(url) ? url : null);

/** Marks a record seen by this run, creating it when new. */
async function record(trx: Trx, run: StoreRun, kind: 'service' | 'location' | 'organization' | 'taxonomy_term', sourceId: string, localId: string, extra: { hash?: string; name_key?: string; match_keys?: string } = {}): Promise<void> {
  const values = { feed_id: run.feedId, kind, source_id: sourceId, local_id: localId, seen_run: run.runId, hash: extra.hash ?? null, name_key: extra.name_key ?? null, match_keys: extra.match_keys ?? null };
  await trx
    .insertInto('directory_feed_records')
    .values(values)
    .onConflict((oc) => oc.columns(['feed_id', 'kind', 'source_id']).doUpdateSet({ local_id: localId, seen_run: run.runId, hash: values.hash, name_key: values.name_key, match_keys: values.match_keys }))
    .execute();
}

async function recordedId(trx: Trx, run: StoreRun, kind: 'service' | 'taxonomy_term', sourceId: string): Promise<string | undefined> {
  const row = await trx.selectFrom('directory_feed_records').select('local_id').where('feed_id', '=', run.feedId).where('kind', '=', kind).where('source_id', '=', sourceId).executeTakeFirst();
  return row?.local_id;
}

/**
 * Stores taxonomy terms (from the feed's term list, or embedded in a service) and returns their
 * ids by the feed's id. A term whose code and name the directory already has (the council's own
 * term, or another feed's) is shared, so one category filter finds services from every feed.
 */
export async function storeTerms(trx: Trx, run: StoreRun, terms: readonly FeedTerm[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const term of terms) {
    if (ids.has(term.sourceId)) continue;
    let id = await recordedId(trx, run, 'taxonomy_term', term.sourceId);
    const code = term.code ?? nameKey(term.name).replace(/ /g, '-');
    const sameCode = await trx.selectFrom('taxonomy_terms').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
    const own = feedUuid(run.feedId, 'taxonomy_term', term.sourceId);
    if (id === undefined && sameCode && sameCode.id !== own && nameKey(sameCode.name) === nameKey(term.name)) id = sameCode.id;
    if (id === undefined || id === own) {
      id = own;
      const values = {
        id,
        // Another term already has the code: keep the feed's terms apart under the feed's name.
        code: sameCode && sameCode.id !== own ? `${run.feedId}:${code}` : code,
        name: term.name,
        description: term.description ?? '',
        parent_id: null,
        taxonomy: term.taxonomy ?? run.feedId,
      };
      await trx.insertInto('taxonomy_terms').values(values).onConflict((oc) => oc.column('id').doUpdateSet({ name: values.name, description: values.description, taxonomy: values.taxonomy })).execute();
    }
    await record(trx, run, 'taxonomy_term', term.sourceId, id);
    ids.set(term.sourceId, id);
  }
  // Parents once every term is in, since a list may name a parent after its child.
  for (const term of terms) {
    const id = ids.get(term.sourceId)!;
    // A term embedded in a service often leaves its parent out: the term list's parent stays.
    if (id !== feedUuid(run.feedId, 'taxonomy_term', term.sourceId) || term.parentSourceId === undefined) continue;
    const parent = ids.get(term.parentSourceId) ?? (await recordedId(trx, run, 'taxonomy_term', term.parentSourceId));
    await trx.updateTable('taxonomy_terms').set({ parent_id: parent && parent !== id ? parent : null }).where('id', '=', id).execute();
  }
  return ids;
}

/** The keys two feeds' copies of a service are matched on: its organisation's name and its postcodes. */
function matchKeys(service: FeedService): string {
  const postcodes = service.locations.flatMap((l) => (l.postcode ? [compactPostcode(l.postcode)] : []));
  return [service.organization ? `org:${nameKey(service.organization.name)}` : '', ...postcodes.map((p) => `pc:${p}`)].filter(Boolean).join(' ');
}

/**
 * The service another feed already gave us that this record is a copy of: one that shares its
 * identifier, or has the same name and the same organisation or a postcode in common.
 */
async function duplicateOf(trx: Trx, run: StoreRun, service: FeedService, keys: string): Promise<string | undefined> {
  const shared = await trx.selectFrom('directory_feed_records').select('local_id').where('kind', '=', 'service').where('source_id', '=', service.sourceId).where('feed_id', '!=', run.feedId).executeTakeFirst();
  if (shared) return shared.local_id;
  const candidates = await trx
    .selectFrom('directory_feed_records')
    .select(['local_id', 'match_keys'])
    .where('kind', '=', 'service')
    .where('name_key', '=', nameKey(service.name))
    .where('feed_id', '!=', run.feedId)
    .execute();
  const mine = new Set(keys.split(' ').filter(Boolean));
  return candidates.find((c) => (c.match_keys ?? '').split(' ').some((key) => mine.has(key)))?.local_id;
}

/**
 * Whether this feed writes the service's fields: the feed that first published it does; when
 * that feed has withdrawn it, any feed still publishing it does.
 */
async function writesService(trx: Trx, run: StoreRun, localId: string): Promise<boolean> {
  const sources = await trx.selectFrom('directory_feed_records').select(['feed_id', 'source_id']).where('kind', '=', 'service').where('local_id', '=', localId).execute();
  if (sources.length <= 1) return true;
  const first = sources.find((s) => feedUuid(s.feed_id, 'service', s.source_id) === localId);
  return !first || first.feed_id === run.feedId;
}

/** Stores one service record: added, updated, unchanged, or merged into another feed's copy of it. */
export async function storeService(trx: Trx, run: StoreRun, service: FeedService): Promise<StoreOutcome> {
  const hash = recordHash(service);
  const keys = matchKeys(service);
  const extra = { hash, name_key: nameKey(service.name), match_keys: keys };
  const existing = await trx
    .selectFrom('directory_feed_records')
    .select(['local_id', 'hash'])
    .where('feed_id', '=', run.feedId)
    .where('kind', '=', 'service')
    .where('source_id', '=', service.sourceId)
    .executeTakeFirst();
  if (existing) {
    await record(trx, run, 'service', service.sourceId, existing.local_id, extra);
    if (existing.hash === hash) return 'unchanged';
    if (!(await writesService(trx, run, existing.local_id))) return 'updated';
    await writeService(trx, run, service, existing.local_id);
    return 'updated';
  }
  const duplicate = await duplicateOf(trx, run, service, keys);
  if (duplicate) {
    await record(trx, run, 'service', service.sourceId, duplicate, extra);
    return 'merged';
  }
  const id = feedUuid(run.feedId, 'service', service.sourceId);
  await record(trx, run, 'service', service.sourceId, id, extra);
  await writeService(trx, run, service, id);
  return 'added';
}

async function writeService(trx: Trx, run: StoreRun, service: FeedService, id: string): Promise<void> {
  const { feedId } = run;
  const org = service.organization ?? { sourceId: '(feed)', name: feedId };
  const organizationId = feedUuid(feedId, 'organization', org.sourceId);
  const orgRow = { id: organizationId, name: org.name, description: org.description ?? '', email: org.email ?? null, website: https(org.website) };
  await trx.insertInto('organizations').values(orgRow).onConflict((oc) => oc.column('id').doUpdateSet({ name: orgRow.name, description: orgRow.description, email: orgRow.email, website: orgRow.website })).execute();
  await record(trx, run, 'organization', org.sourceId, organizationId);

  const status = STATUSES.find((s) => s === service.status) ?? 'active';
  const row = {
    id,
    organization_id: organizationId,
    name: service.name,
    description: service.description ?? '',
    url: https(service.url) ?? '',
    email: service.email ?? null,
    status,
    eligibility_description: service.eligibility ?? null,
    minimum_age: service.minimumAge ?? null,
    maximum_age: service.maximumAge ?? null,
    assured_date: service.assuredDate ?? null,
    last_modified: run.clock.now().toISOString(),
  };
  const { id: _id, ...changes } = row;
  await trx.insertInto('services').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();

  // The service's own rows are replaced whole: simpler than diffing, and a service has few.
  for (const table of ['service_at_locations', 'attributes', 'schedules', 'cost_options', 'contacts', 'languages'] as const) {
    await trx.deleteFrom(table).where('service_id', '=', id).execute();
  }
  const seen = new Set<string>();
  for (const location of service.locations) {
    if (seen.has(location.sourceId)) continue;
    seen.add(location.sourceId);
    const locationId = await writeLocation(trx, run, location, service.name);
    await trx.insertInto('service_at_locations').values({ id: feedUuid(feedId, 'service_at_location', `${service.sourceId}/${location.sourceId}`), service_id: id, location_id: locationId, description: null }).execute();
  }
  const terms = await storeTerms(trx, run, service.terms);
  for (const termId of new Set(terms.values())) {
    await trx.insertInto('attributes').values({ id: feedUuid(feedId, 'attribute', `${service.sourceId}/${termId}`), service_id: id, taxonomy_term_id: termId }).execute();
  }
  const child = (kind: string, i: number): string => feedUuid(feedId, kind, `${service.sourceId}/${i}`);
  const schedules = service.schedules.map((s, i) => ({
    id: child('schedule', i),
    service_id: id,
    freq: s.freq ?? null,
    interval: s.interval ?? null,
    byday: s.byday ?? null,
    opens_at: s.opensAt ?? null,
    closes_at: s.closesAt ?? null,
    valid_from: s.validFrom ?? null,
    valid_to: s.validTo ?? null,
    description: s.description ?? null,
  }));
  if (schedules.length) await trx.insertInto('schedules').values(schedules).execute();
  const costs = service.costs.map((c, i) => ({ id: child('cost_option', i), service_id: id, option: c.option ?? null, amount: c.amount ?? null, currency: c.currency ?? null, amount_description: c.amountDescription ?? null }));
  if (costs.length) await trx.insertInto('cost_options').values(costs).execute();
  for (const [i, contact] of service.contacts.entries()) {
    const contactId = child('contact', i);
    await trx.insertInto('contacts').values({ id: contactId, service_id: id, name: contact.name ?? null, title: contact.title ?? null, email: contact.email ?? null }).execute();
    const phones = contact.phones.map((p, j) => ({ id: feedUuid(feedId, 'phone', `${service.sourceId}/${i}/${j}`), contact_id: contactId, number: p.number, description: p.description ?? null }));
    if (phones.length) await trx.insertInto('phones').values(phones).execute();
  }
  const languages = service.languages.map((l, i) => ({ id: child('language', i), service_id: id, name: l.name, code: l.code }));
  if (languages.length) await trx.insertInto('languages').values(languages).execute();
}

async function writeLocation(trx: Trx, run: StoreRun, location: FeedLocation, serviceName: string): Promise<string> {
  const id = feedUuid(run.feedId, 'location', location.sourceId);
  const row = {
    id,
    name: location.name ?? location.address1 ?? serviceName,
    description: location.description ?? null,
    latitude: location.latitude ?? null,
    longitude: location.longitude ?? null,
    address_id: feedUuid(run.feedId, 'address', location.sourceId),
    address_1: location.address1 ?? '',
    address_2: location.address2 ?? null,
    city: location.city ?? '',
    state_province: location.stateProvince ?? '',
    postal_code: location.postcode ?? '',
    country: location.country ?? 'GB',
  };
  const { id: _id, address_id: _address, ...changes } = row;
  await trx.insertInto('locations').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
  await trx.deleteFrom('accessibility').where('location_id', '=', id).execute();
  const accessibility = location.accessibility.map((description, i) => ({ id: feedUuid(run.feedId, 'accessibility', `${location.sourceId}/${i}`), location_id: id, description, details: null }));
  if (accessibility.length) await trx.insertInto('accessibility').values(accessibility).execute();
  await record(trx, run, 'location', location.sourceId, id);
  return id;
}

/** What a complete run took away. */
export interface Withdrawn {
  services: number;
}

/**
 * After a complete run only: the feed's services this run did not see are withdrawn (deleted,
 * with their locations, schedules and links; a service another feed still publishes stays),
 * then the feed's locations, organisations and terms nothing uses any more.
 */
export async function withdrawUnseen(trx: Trx, run: StoreRun): Promise<Withdrawn> {
  const gone = await trx.selectFrom('directory_feed_records').select(['source_id', 'local_id']).where('feed_id', '=', run.feedId).where('kind', '=', 'service').where('seen_run', '!=', run.runId).execute();
  let services = 0;
  for (const { source_id, local_id } of gone) {
    await trx.deleteFrom('directory_feed_records').where('feed_id', '=', run.feedId).where('kind', '=', 'service').where('source_id', '=', source_id).execute();
    const others = await trx.selectFrom('directory_feed_records').select('feed_id').where('kind', '=', 'service').where('local_id', '=', local_id).executeTakeFirst();
    if (others) continue;
    await trx.deleteFrom('services').where('id', '=', local_id).execute();
    services += 1;
  }
  const mine = trx.selectFrom('directory_feed_records').where('feed_id', '=', run.feedId);
  const locations = await mine.select('local_id').where('kind', '=', 'location').where('local_id', 'not in', trx.selectFrom('service_at_locations').select('location_id')).execute();
  for (const { local_id } of locations) await trx.deleteFrom('locations').where('id', '=', local_id).execute();
  await trx.deleteFrom('directory_feed_records').where('feed_id', '=', run.feedId).where('kind', '=', 'location').where('local_id', 'in', locations.map((l) => l.local_id).concat('')).execute();
  const organizations = await mine.select('local_id').where('kind', '=', 'organization').where('local_id', 'not in', trx.selectFrom('services').select('organization_id')).execute();
  for (const { local_id } of organizations) await trx.deleteFrom('organizations').where('id', '=', local_id).execute();
  await trx.deleteFrom('directory_feed_records').where('feed_id', '=', run.feedId).where('kind', '=', 'organization').where('local_id', 'in', organizations.map((o) => o.local_id).concat('')).execute();
  // Terms: the feed's own that this run did not see and nothing is classified under, leaves first.
  for (;;) {
    const terms = await mine
      .select(['source_id', 'local_id'])
      .where('kind', '=', 'taxonomy_term')
      .where('seen_run', '!=', run.runId)
      .where('local_id', 'not in', trx.selectFrom('attributes').select('taxonomy_term_id'))
      .where('local_id', 'not in', trx.selectFrom('taxonomy_terms').select('parent_id').where('parent_id', 'is not', null).$narrowType<{ parent_id: string }>())
      .execute();
    if (!terms.length) break;
    for (const term of terms) {
      if (term.local_id === feedUuid(run.feedId, 'taxonomy_term', term.source_id)) await trx.deleteFrom('taxonomy_terms').where('id', '=', term.local_id).execute();
      await trx.deleteFrom('directory_feed_records').where('feed_id', '=', run.feedId).where('kind', '=', 'taxonomy_term').where('source_id', '=', term.source_id).execute();
    }
  }
  return { services };
}
