import type { AddressesTable, LocationsTable, OrganizationsTable } from '../db/schema.js';
import { defaultSeed, mulberry32 } from '../random.js';
import { directoryUuid } from './ids.js';
import { emptyDirectoryRows, type DirectoryRows } from './rows.js';
import { addService, organizationRow, pick, pickSome, type ServicePlan } from './seed-builder.js';
import { generateTaxonomyTerms } from './seed-taxonomy.js';
import { accessibilityNotes, places, templates, venueNames, type ServiceTemplate } from './seed-templates.js';

/**
 * Anytown's service directory: about 300 fictional services built from the templates, at
 * venues placed on real seeded addresses (so postcodes and coordinates agree with the address
 * lookup), plus a few deliberately awkward records that elements must survive.
 */

export type VenueAddress = Pick<AddressesTable, 'uprn' | 'line1' | 'line2' | 'town' | 'postcode' | 'lat' | 'lng'>;

/** The county every Anytown address is in (ORUK addresses require `state_province`). */
export const COUNTY = 'Anyshire';

/** Awkward records, exported so tests can look for exactly these strings. */
export const awkward = {
  longName:
    'The Anytown and District Community Advice, Information, Signposting, Befriending, Benefits, Debt, Housing and General Wellbeing Support Service for Residents, Families, Carers and Anyone Else Who Needs a Hand (incorporating the former Millbrook Neighbourhood Help Desk)',
  hostileName: 'Anytown <Advice> & "Support" Centre',
  hostileDescription:
    '<script>alert("directory")</script><p>Advice <b>&amp;</b> support for <i>everyone</i>.</p><img src=x onerror="alert(1)"> Drop in, no appointment needed.',
  noCoordinatesName: 'Mobile Advice Van',
  noCoordinatesLocation: 'Mobile advice van (stops vary)',
  rtlName: 'مجموعة دعم النساء العربيات — Arabic Women’s Support Group 🤝',
  rtlDescription: 'مساحة آمنة للنساء الناطقات بالعربية. A safe, friendly space for Arabic-speaking women 🌸☕ — tea, English practice and advice.',
  welshName: 'Clwb Ieuenctid Lôn Isaf',
  welshDescription: 'Clwb ieuenctid dwyieithog i bobl ifanc 11–18 oed. A bilingual youth club: croeso i bawb!',
  sparseName: 'Anytown Online Wellbeing Chat',
} as const;

export function generateDirectorySeed(addresses: readonly VenueAddress[], seed: number = defaultSeed): DirectoryRows {
  const rand = mulberry32(seed ^ 0x5eed_d1e);
  const rows = emptyDirectoryRows();
  rows.taxonomyTerms = generateTaxonomyTerms();
  const terms = new Map(rows.taxonomyTerms.map((term) => [term.code, term.id]));

  rows.locations = venues(addresses, rand);
  rows.locations.forEach((location, index) => {
    pickSome(rand, accessibilityNotes, Math.floor(rand() * 4)).forEach((note, j) => {
      rows.accessibility.push({ id: directoryUuid('accessibility', (index + 1) * 8 + j), location_id: location.id, description: note, details: null });
    });
  });
  const venueIds = rows.locations.map((location) => location.id);

  const organizations = new Map<string, OrganizationsTable>();
  const organization = (name: string): OrganizationsTable => {
    let row = organizations.get(name);
    if (!row) {
      row = organizationRow(directoryUuid('organization', organizations.size + 1), name);
      organizations.set(name, row);
    }
    return row;
  };

  let n = 0;
  const plan = (template: ServiceTemplate, name: string, extra: Partial<ServicePlan> = {}): ServicePlan => ({
    n: ++n,
    template,
    name,
    organization: organization(pick(rand, template.organizations)),
    locationIds: pickSome(rand, venueIds, rand() < 0.6 ? 1 : rand() < 0.75 ? 2 : 3),
    terms,
    ...extra,
  });

  templates.forEach((template, t) => {
    for (let i = 0; i < template.count; i++) {
      const place = places[(i + t * 3) % places.length]!;
      const name = template.names[i % template.names.length]!.replace('{place}', place);
      addService(rows, rand, plan(template, name));
    }
  });

  addAwkwardServices(rows, rand, plan, organization);
  rows.organizations = [...organizations.values()];
  return rows;
}

/** One venue per name, each at a seeded address; the first two on AN1 1AA, the README's street. */
function venues(addresses: readonly VenueAddress[], rand: () => number): LocationsTable[] {
  const sorted = [...addresses].sort((a, b) => a.uprn.localeCompare(b.uprn));
  const highStreet = sorted.filter((address) => address.postcode === 'AN1 1AA').slice(0, 2);
  const others = pickSome(rand, sorted.filter((address) => !highStreet.includes(address)), venueNames.length - highStreet.length);
  return [...highStreet, ...others].map((address, index) => ({
    id: directoryUuid('location', index + 1),
    address_id: directoryUuid('address', index + 1),
    name: venueNames[index]!,
    description: null,
    latitude: address.lat,
    longitude: address.lng,
    address_1: address.line2 ? `${address.line1}, ${address.line2}` : address.line1,
    address_2: null,
    city: address.town,
    state_province: COUNTY,
    postal_code: address.postcode,
    country: 'GB',
  }));
}

function addAwkwardServices(
  rows: DirectoryRows,
  rand: () => number,
  plan: (template: ServiceTemplate, name: string, extra?: Partial<ServicePlan>) => ServicePlan,
  organization: (name: string) => OrganizationsTable,
): void {
  const byTerm = (code: string): ServiceTemplate => templates.find((template) => template.term === code)!;

  addService(rows, rand, plan(byTerm('benefits-advice'), awkward.longName));
  addService(rows, rand, plan(byTerm('benefits-advice'), awkward.hostileName, { overrides: { description: awkward.hostileDescription } }));

  // A location nobody has geocoded: listed, never in a distance search.
  const van: LocationsTable = {
    id: directoryUuid('location', venueNames.length + 1),
    address_id: directoryUuid('address', venueNames.length + 1),
    name: awkward.noCoordinatesLocation,
    description: 'The van visits villages around Anytown; phone for this week’s stops.',
    latitude: null,
    longitude: null,
    address_1: 'Anytown Civic Centre car park',
    address_2: null,
    city: 'Anytown',
    state_province: COUNTY,
    postal_code: 'AN1 1AA',
    country: 'GB',
  };
  rows.locations.push(van);
  addService(rows, rand, plan(byTerm('debt-advice'), awkward.noCoordinatesName, { locationIds: [van.id] }));

  addService(
    rows,
    rand,
    plan(byTerm('english-classes'), awkward.rtlName, {
      organization: organization('Anytown Refugee Welcome'),
      overrides: { description: awkward.rtlDescription },
    }),
  );
  const rtl = rows.services[rows.services.length - 1]!;
  if (!rows.languages.some((language) => language.service_id === rtl.id && language.code === 'ar')) {
    rows.languages.push({ id: directoryUuid('language', rows.services.length * 4 + 3), service_id: rtl.id, name: 'Arabic', code: 'ar' });
  }

  addService(rows, rand, plan(byTerm('youth-clubs'), awkward.welshName, { overrides: { description: awkward.welshDescription } }));

  // Online only: no locations, no opening times, costs, contacts or languages.
  addService(
    rows,
    rand,
    plan(byTerm('mental-health'), awkward.sparseName, { locationIds: [], bare: true, overrides: { email: null, eligibility_description: null } }),
  );
}
