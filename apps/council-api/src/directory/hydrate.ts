import type { Selectable } from 'kysely';
import type { CouncilDb } from '../db/database.js';
import type { LocationsTable, TaxonomyTermsTable } from '../db/schema.js';
import {
  present,
  type OrukAccessibility,
  type OrukAttribute,
  type OrukContact,
  type OrukCostOption,
  type OrukLanguage,
  type OrukLocation,
  type OrukPhone,
  type OrukSchedule,
  type OrukService,
  type OrukServiceAtLocation,
  type OrukTaxonomyTerm,
} from './oruk.js';

/**
 * Fully nested ORUK services for a page of ids: one query per related table (with `IN` on the
 * page's ids), never one per service, so a page of 100 costs the same handful of queries as one.
 */
export async function loadServices(db: CouncilDb, ids: readonly string[], { withLocations = true } = {}): Promise<Map<string, OrukService>> {
  const out = new Map<string, OrukService>();
  if (!ids.length) return out;
  const list = [...ids];

  const services = await db
    .selectFrom('services as s')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .selectAll('s')
    .select(['o.name as org_name', 'o.description as org_description', 'o.email as org_email', 'o.website as org_website'])
    .where('s.id', 'in', list)
    .execute();
  if (!services.length) return out;

  const [links, attributes, schedules, costs, contacts, languages] = await Promise.all([
    withLocations ? loadServiceAtLocations(db, list) : Promise.resolve(new Map<string, OrukServiceAtLocation[]>()),
    loadAttributes(db, list),
    db.selectFrom('schedules').selectAll().where('service_id', 'in', list).orderBy('id').execute(),
    db.selectFrom('cost_options').selectAll().where('service_id', 'in', list).orderBy('id').execute(),
    loadContacts(db, list),
    db.selectFrom('languages').selectAll().where('service_id', 'in', list).orderBy('id').execute(),
  ]);

  for (const s of services) {
    const service: OrukService = present<OrukService>({
      id: s.id,
      organization_id: s.organization_id,
      name: s.name,
      description: s.description,
      url: s.url,
      email: s.email,
      status: s.status,
      eligibility_description: s.eligibility_description,
      minimum_age: s.minimum_age,
      maximum_age: s.maximum_age,
      assured_date: s.assured_date,
      last_modified: s.last_modified,
      organization: present({ id: s.organization_id, name: s.org_name, description: s.org_description, email: s.org_email, website: s.org_website }),
      service_at_locations: withLocations ? (links.get(s.id) ?? []) : null,
      schedules: schedules
        .filter((row) => row.service_id === s.id)
        .map((row) => present<OrukSchedule>({ ...row })),
      contacts: contacts.contacts.get(s.id) ?? [],
      phones: contacts.phones.get(s.id) ?? [],
      cost_options: costs.filter((row) => row.service_id === s.id).map((row) => present<OrukCostOption>({ ...row })),
      attributes: attributes.get(s.id) ?? [],
      languages: languages.filter((row) => row.service_id === s.id).map((row): OrukLanguage => ({ ...row })),
    });
    out.set(s.id, service);
  }
  return out;
}

/** Locations by id, with their address and accessibility, for `/service_at_locations` items. */
export async function loadLocations(db: CouncilDb, ids: readonly string[]): Promise<Map<string, OrukLocation>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('locations').selectAll().where('id', 'in', [...ids]).execute();
  const accessibility = await loadAccessibility(db, rows.map((row) => row.id));
  return new Map(rows.map((row) => [row.id, toLocation(row, accessibility.get(row.id) ?? [])]));
}

async function loadServiceAtLocations(db: CouncilDb, serviceIds: string[]): Promise<Map<string, OrukServiceAtLocation[]>> {
  const rows = await db
    .selectFrom('service_at_locations')
    .select(['id', 'service_id', 'location_id', 'description'])
    .where('service_id', 'in', serviceIds)
    .orderBy('id')
    .execute();
  const locations = await loadLocations(db, [...new Set(rows.map((row) => row.location_id))]);
  const out = new Map<string, OrukServiceAtLocation[]>();
  for (const row of rows) {
    const location = locations.get(row.location_id);
    if (!location) continue;
    const list = out.get(row.service_id) ?? [];
    list.push(present<OrukServiceAtLocation>({ ...row, location }));
    out.set(row.service_id, list);
  }
  return out;
}

async function loadAccessibility(db: CouncilDb, locationIds: string[]): Promise<Map<string, OrukAccessibility[]>> {
  const out = new Map<string, OrukAccessibility[]>();
  if (!locationIds.length) return out;
  const rows = await db.selectFrom('accessibility').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute();
  for (const row of rows) out.set(row.location_id, [...(out.get(row.location_id) ?? []), present<OrukAccessibility>({ ...row })]);
  return out;
}

function toLocation(row: Selectable<LocationsTable>, accessibility: OrukAccessibility[]): OrukLocation {
  return present<OrukLocation>({
    id: row.id,
    location_type: 'physical',
    name: row.name,
    description: row.description,
    latitude: row.latitude,
    longitude: row.longitude,
    addresses: [
      present({
        id: row.address_id,
        location_id: row.id,
        address_1: row.address_1,
        address_2: row.address_2,
        city: row.city,
        state_province: row.state_province,
        postal_code: row.postal_code,
        country: row.country,
        address_type: 'physical' as const,
      }),
    ],
    accessibility,
  });
}

async function loadAttributes(db: CouncilDb, serviceIds: string[]): Promise<Map<string, OrukAttribute[]>> {
  const rows = await db
    .selectFrom('attributes as a')
    .innerJoin('taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
    .select(['a.id as attribute_id', 'a.service_id', 't.id', 't.code', 't.name', 't.description', 't.parent_id', 't.taxonomy'])
    .where('a.service_id', 'in', serviceIds)
    .orderBy('a.id')
    .execute();
  const out = new Map<string, OrukAttribute[]>();
  for (const row of rows) {
    const attribute: OrukAttribute = {
      id: row.attribute_id,
      link_id: row.service_id,
      link_type: 'service_category',
      link_entity: 'service',
      taxonomy_term_id: row.id,
      taxonomy_term: toTaxonomyTerm(row),
    };
    out.set(row.service_id, [...(out.get(row.service_id) ?? []), attribute]);
  }
  return out;
}

export function toTaxonomyTerm(row: Pick<Selectable<TaxonomyTermsTable>, 'id' | 'code' | 'name' | 'description' | 'parent_id' | 'taxonomy'>): OrukTaxonomyTerm {
  return present<OrukTaxonomyTerm>({
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    parent_id: row.parent_id,
    taxonomy: row.taxonomy,
    vocabulary: row.taxonomy,
  });
}

/** Each service's named contacts, and its phone numbers (on the service, where ORUK v3 puts them). */
async function loadContacts(db: CouncilDb, serviceIds: string[]): Promise<{ contacts: Map<string, OrukContact[]>; phones: Map<string, OrukPhone[]> }> {
  const contacts = await db.selectFrom('contacts').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute();
  const phones = contacts.length
    ? await db
        .selectFrom('phones')
        .selectAll()
        .where('contact_id', 'in', contacts.map((contact) => contact.id))
        .orderBy('id')
        .execute()
    : [];
  const serviceOf = new Map(contacts.map((contact) => [contact.id, contact.service_id]));
  const out = { contacts: new Map<string, OrukContact[]>(), phones: new Map<string, OrukPhone[]>() };
  for (const contact of contacts) {
    out.contacts.set(contact.service_id, [...(out.contacts.get(contact.service_id) ?? []), present<OrukContact>({ ...contact })]);
  }
  for (const phone of phones) {
    const serviceId = serviceOf.get(phone.contact_id)!;
    out.phones.set(serviceId, [...(out.phones.get(serviceId) ?? []), present<OrukPhone>({ ...phone, service_id: serviceId })]);
  }
  return out;
}
