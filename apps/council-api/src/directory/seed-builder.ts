import type { OrganizationsTable, ServicesTable } from '../db/schema.js';
import { directoryUuid } from './ids.js';
import type { DirectoryRows } from './rows.js';
import { contactRoles, otherLanguages, type ServiceTemplate } from './seed-templates.js';
import { welshService } from './seed-welsh.js';

/**
 * Builds one service and everything hanging off it (locations links, categories, opening
 * times, costs, contacts, languages) from a template. The seed and the bulk generator share
 * it; they differ only in where locations come from and how ids are numbered.
 */

/** Children per service are numbered `n * CHILDREN + j`, so ids never need a counter. */
export const CHILDREN = 4;

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** `count` distinct items, in the order drawn. */
export function pickSome<T>(rand: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  return out;
}

/** A URL- and email-safe slug: "St Mary’s Lunch Club" → "st-marys-lunch-club". */
export function slug(text: string, max = 48): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'service';
}

/** An organisation row: contact details on the fictional `anytown.example` domain. */
export function organizationRow(id: string, name: string): OrganizationsTable {
  const domain = `${slug(name, 40)}.anytown.example`;
  return {
    id,
    name,
    description: `${name} works with residents across Anytown and the surrounding villages.`,
    email: `hello@${domain}`,
    website: `https://${domain}/`,
  };
}

export interface ServicePlan {
  /** Numbers this service's id and its children's ids. */
  n: number;
  template: ServiceTemplate;
  name: string;
  organization: OrganizationsTable;
  locationIds: string[];
  /** Taxonomy code → term id. */
  terms: ReadonlyMap<string, string>;
  /** Anything the template would not give (the awkward seed records). */
  overrides?: Partial<ServicesTable>;
  /** Leave out schedules, costs, contacts and languages (a sparse record). */
  bare?: boolean;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;
const MONTHLY = ['1SA', '2TU', '-1FR', '1MO', '3WE'] as const;
const DAY_MS = 86_400_000;
const ASSURED_FROM = Date.UTC(2025, 5, 1);

export function addService(rows: DirectoryRows, rand: () => number, plan: ServicePlan): ServicesTable {
  const { n, template, name, organization } = plan;
  const id = directoryUuid('service', n);
  const child = (j: number): number => n * CHILDREN + j;
  const domain = new URL(organization.website ?? 'https://anytown.example/').host;

  const [first, second] = pickSome(rand, template.descriptions, 2);
  const assured = ASSURED_FROM + Math.floor(rand() * 420) * DAY_MS;
  const modified = new Date(assured + Math.floor(rand() * 30) * DAY_MS + Math.floor(rand() * DAY_MS));
  modified.setUTCMilliseconds(0);
  const service: ServicesTable = {
    id,
    organization_id: organization.id,
    name,
    description: [first, second].filter(Boolean).join(' '),
    url: `https://${domain}/services/${slug(name)}`,
    email: rand() < 0.7 ? `${pick(rand, ['hello', 'info', 'enquiries', 'bookings'])}@${domain}` : null,
    status: 'active',
    eligibility_description: template.eligibility ?? null,
    minimum_age: template.minimumAge ?? null,
    maximum_age: template.maximumAge ?? null,
    assured_date: new Date(assured).toISOString().slice(0, 10),
    last_modified: modified.toISOString(),
    // Awkward records (overrides) have no Welsh version: their text is not a template's.
    name_cy: null,
    description_cy: null,
    ...(plan.overrides ? {} : welshService(template.names, name, [first, second].filter((s): s is string => s !== undefined))),
    ...plan.overrides,
  };
  rows.services.push(service);

  plan.locationIds.forEach((locationId, j) => {
    rows.serviceAtLocations.push({ id: directoryUuid('serviceAtLocation', child(j)), service_id: id, location_id: locationId, description: null });
  });
  [template.term, ...(template.also ?? [])].forEach((code, j) => {
    const termId = plan.terms.get(code);
    if (termId) rows.attributes.push({ id: directoryUuid('attribute', child(j)), service_id: id, taxonomy_term_id: termId });
  });
  if (plan.bare) return service;

  addSchedules(rows, rand, id, child, template);
  addCosts(rows, rand, id, child(0), template);
  addContact(rows, rand, id, child, domain);
  addLanguages(rows, rand, id, child, name);
  return service;
}

function addSchedules(rows: DirectoryRows, rand: () => number, serviceId: string, child: (j: number) => number, template: ServiceTemplate): void {
  const base = { service_id: serviceId, interval: null, valid_from: '2026-01-01', valid_to: null, description: null };
  if (!template.hours.length) {
    rows.schedules.push({
      ...base,
      id: directoryUuid('schedule', child(0)),
      freq: null,
      byday: null,
      opens_at: null,
      closes_at: null,
      description: 'By appointment: phone or email to arrange a time.',
    });
    return;
  }
  const roll = rand();
  if (roll < 0.1) return; // some services publish no opening times at all
  const [opens, closes] = pick(rand, template.hours);
  const days = pickSome(rand, WEEKDAYS, 1 + Math.floor(rand() * 3)).sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  rows.schedules.push({
    ...base,
    id: directoryUuid('schedule', child(0)),
    freq: 'WEEKLY',
    interval: 1,
    byday: days.join(','),
    opens_at: opens,
    closes_at: closes,
    valid_to: rand() < 0.2 ? '2026-12-31' : null,
    description: rand() < 0.25 ? 'Term time only.' : null,
  });
  if (roll > 0.75) {
    const [monthOpens, monthCloses] = pick(rand, template.hours);
    rows.schedules.push({
      ...base,
      id: directoryUuid('schedule', child(1)),
      freq: 'MONTHLY',
      interval: 1,
      byday: pick(rand, MONTHLY),
      opens_at: monthOpens,
      closes_at: monthCloses,
    });
  }
}

function addCosts(rows: DirectoryRows, rand: () => number, serviceId: string, n: number, template: ServiceTemplate): void {
  const free = !template.paid?.length || rand() < (template.freeShare ?? 0);
  const paid = free ? undefined : pick(rand, template.paid!);
  rows.costOptions.push({
    id: directoryUuid('costOption', n),
    service_id: serviceId,
    option: paid ? paid.option : 'Free',
    amount: paid ? paid.amount : 0,
    currency: 'GBP',
    amount_description: paid ? paid.description : 'Free of charge',
  });
}

function addContact(rows: DirectoryRows, rand: () => number, serviceId: string, child: (j: number) => number, domain: string): void {
  const contactId = directoryUuid('contact', child(0));
  rows.contacts.push({ id: contactId, service_id: serviceId, name: pick(rand, contactRoles), title: null, email: `contact@${domain}` });
  // Ofcom's numbers reserved for drama: 01632 960000–960999 and 07700 900000–900999.
  rows.phones.push({ id: directoryUuid('phone', child(0)), contact_id: contactId, number: `01632 960${pad3(rand)}`, description: null });
  if (rand() < 0.25) {
    rows.phones.push({ id: directoryUuid('phone', child(1)), contact_id: contactId, number: `07700 900${pad3(rand)}`, description: 'Text or WhatsApp' });
  }
}

function addLanguages(rows: DirectoryRows, rand: () => number, serviceId: string, child: (j: number) => number, name: string): void {
  const languages = [{ name: 'English', code: 'en' }];
  if (/cylch|ti a fi/i.test(name)) languages.push({ name: 'Welsh', code: 'cy' });
  else if (rand() < 0.35) languages.push(...pickSome(rand, otherLanguages, 1 + Math.floor(rand() * 2)));
  languages.slice(0, CHILDREN).forEach((language, j) => {
    rows.languages.push({ id: directoryUuid('language', child(j)), service_id: serviceId, ...language });
  });
}

const pad3 = (rand: () => number): string => String(Math.floor(rand() * 1000)).padStart(3, '0');
