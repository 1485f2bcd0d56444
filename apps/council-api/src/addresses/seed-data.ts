import type { AddressesTable } from '../db/schema.js';
import { defaultSeed, mulberry32 } from '../random.js';

/**
 * The fictional Anytown Borough Council's addresses: postcode area `AN`, a town centre, a
 * council estate, a bilingual (Welsh-named) district, a village, a hamlet of named houses and a
 * business park. Generated from a seeded PRNG, so every fresh database holds the same rows
 * (same UPRNs, same coordinates) on every machine.
 */

/** Postcodes worth trying against a freshly seeded database, for the README and demos. */
export const seedPostcodes = [
  { postcode: 'AN1 1AA', description: 'High Street, Anytown: 14 addresses (houses, 9A, a named house, a shop, a block of flats)' },
  { postcode: 'AN1A 2FL', description: 'Castle House, Castle Walk: 24 flats in one block (Flat 2 sorts before Flat 10)' },
  { postcode: 'AN4 7YP', description: 'Heol y Parc, Anytown: a Welsh street name' },
  { postcode: 'AN4 3LN', description: 'Lôn Isaf, Anytown: Welsh with a circumflex' },
  { postcode: 'AN10 4NP', description: 'Anbury Lane, Little Anbury: named houses, no numbers (two-digit district)' },
  { postcode: 'AN12 9BP', description: 'Enterprise Way: business park units' },
] as const;

/** In-area postcodes with no addresses, and out-of-area ones, answer differently. */
export const examplePostcodes = {
  inAreaNoAddresses: 'AN9 9ZZ',
  outsideArea: 'SW1A 1AA',
} as const;

type PropertyType = 'house' | 'bungalow' | 'flat' | 'business';

/** One address before it gets a postcode, UPRN and coordinates. */
interface Draft {
  line1: string;
  line2: string | null;
  propertyType: PropertyType;
  councilOwned: boolean;
  blockId: string | null;
}

interface District {
  outward: string;
  town: string;
  lat: number;
  lng: number;
  streets: Street[];
}

interface Street {
  name: string;
  /** Builds the street's addresses in delivery order. */
  build: (ctx: BuildContext) => Draft[];
  /** Give the whole street this one postcode (the README's postcodes worth trying). */
  postcode?: string;
  /** Postcode sector (the inward code's digit); picked by the PRNG when absent. */
  sector?: number;
}

interface BuildContext {
  rand: () => number;
  street: string;
  nextBlockId: () => string;
}

const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'; // Royal Mail leaves out C, I, K, M, O and V

const NAMED_HOUSES = [
  'Rose Cottage', 'The Old Rectory', 'Tŷ Gwyn', 'Bryn Awel', 'Hillcrest', 'The Barn', 'Orchard House',
  'Y Bwthyn', 'Ivy Cottage', 'The Stables', 'Awelfryn', 'Pen-y-Bryn', 'Brook House', 'Sunnyside',
  'Hafod', 'The Granary', 'Ael-y-Bryn', 'Glan yr Afon', 'Tŷ Newydd', 'Willow Cottage', 'Maes Gwyn',
  'The Old School House', 'Laburnum Cottage', 'Nant y Pandy', 'Fernlea', 'Bryn Hyfryd',
];

const BUSINESSES = [
  'Anytown Pharmacy', 'The Red Lion', 'Caffi Cornel', 'Jones & Daughter Solicitors', 'Anytown Dental Practice',
  'Siop y Gornel', 'Price Opticians', 'The Book Nook', 'Evans Butchers', 'Anytown Community Hub', 'Bara Bakery',
  'Hughes Hardware', 'Anytown Library', 'The Coffee House', 'Morgan & Co Estate Agents', 'Green Grocers',
  'Anytown Post Office', 'Davies Dry Cleaners', 'Blodau Florist', 'The Barber Shop',
];

// ----- street builders -------------------------------------------------------------------

function numbered(street: string, numbers: Iterable<number>, type: PropertyType, councilShare: number, rand: () => number): Draft[] {
  return [...numbers].map((n) => ({
    line1: `${n} ${street}`,
    line2: null,
    propertyType: type,
    councilOwned: rand() < councilShare,
    blockId: null,
  }));
}

function range(from: number, to: number, step = 1): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n += step) out.push(n);
  return out;
}

/** A block of flats at `number street`: "Flat 3, Mill Court" / "12 Mill Road". */
function block(ctx: BuildContext, name: string, number: number, flats: number, council: boolean): Draft[] {
  const blockId = ctx.nextBlockId();
  return range(1, flats).map((flat) => ({
    line1: `Flat ${flat}, ${name}`,
    line2: `${number} ${ctx.street}`,
    propertyType: 'flat',
    councilOwned: council,
    blockId,
  }));
}

/** Houses numbered `from`..`to`, with a few `NA` numbers and a block of flats now and then. */
function terrace(from: number, to: number, councilShare: number, blocks: { at: number; name: string; flats: number }[] = []) {
  return (ctx: BuildContext): Draft[] => {
    const out: Draft[] = [];
    for (let n = from; n <= to; n++) {
      const b = blocks.find((candidate) => candidate.at === n);
      if (b) {
        out.push(...block(ctx, b.name, n, b.flats, ctx.rand() < councilShare * 2));
        continue;
      }
      out.push(...numbered(ctx.street, [n], ctx.rand() < 0.08 ? 'bungalow' : 'house', councilShare, ctx.rand));
      if (ctx.rand() < 0.02) out.push(...numbered(ctx.street, [n], 'house', councilShare, ctx.rand).map(withSuffix(n, 'A')));
    }
    return out;
  };
}

function withSuffix(n: number, suffix: string) {
  return (draft: Draft): Draft => ({ ...draft, line1: draft.line1.replace(`${n} `, `${n}${suffix} `) });
}

/** Shops with flats above some of them: "Anytown Pharmacy, 22 High Street", "First Floor Flat, 22 High Street". */
function shops(from: number, to: number) {
  return (ctx: BuildContext): Draft[] => {
    const out: Draft[] = [];
    for (let n = from; n <= to; n++) {
      const name = BUSINESSES[Math.floor(ctx.rand() * BUSINESSES.length)] ?? 'Shop';
      out.push({ line1: name, line2: `${n} ${ctx.street}`, propertyType: 'business', councilOwned: false, blockId: null });
      if (ctx.rand() < 0.45) {
        out.push({ line1: 'First Floor Flat', line2: `${n} ${ctx.street}`, propertyType: 'flat', councilOwned: false, blockId: null });
      }
    }
    return out;
  };
}

/** Named houses on a lane with no numbers: "Rose Cottage" / "Anbury Lane". */
function namedHouses(count: number, offset: number) {
  return (ctx: BuildContext): Draft[] =>
    range(0, count - 1).map((i) => ({
      line1: NAMED_HOUSES[(offset + i) % NAMED_HOUSES.length] ?? `House ${i + 1}`,
      line2: ctx.street,
      propertyType: 'house',
      councilOwned: false,
      blockId: null,
    }));
}

/** Units on a business park: "Unit 4, Anytown Business Park" / "Enterprise Way". */
function units(park: string, count: number) {
  return (ctx: BuildContext): Draft[] =>
    range(1, count).map((unit) => ({
      line1: `Unit ${unit}, ${park}`,
      line2: ctx.street,
      propertyType: 'business',
      councilOwned: ctx.rand() < 0.3,
      blockId: null,
    }));
}

/** Towers of council flats: several blocks along one road. */
function towers(names: string[], flatsEach: number) {
  return (ctx: BuildContext): Draft[] => names.flatMap((name, i) => block(ctx, name, i * 2 + 1, flatsEach, true));
}

/** AN1 1AA: hand-made so the README and tests can rely on its shape. */
function an11aa(ctx: BuildContext): Draft[] {
  // 10 High Street is a council house (housing repairs); the rest are privately owned.
  const houses = numbered(ctx.street, [1, 2, 3, 5, 9, 10, 11], 'house', 0, ctx.rand).map((house) =>
    house.line1 === `10 ${ctx.street}` ? { ...house, councilOwned: true } : house,
  );
  return [
    ...houses,
    { line1: '9A High Street', line2: null, propertyType: 'house', councilOwned: false, blockId: null },
    { line1: 'The Old Bakery', line2: ctx.street, propertyType: 'house', councilOwned: false, blockId: null },
    { line1: 'Anytown Pharmacy', line2: `4 ${ctx.street}`, propertyType: 'business', councilOwned: false, blockId: null },
    ...block(ctx, 'Mill Court', 12, 4, true),
  ];
}

// ----- the borough -------------------------------------------------------------------------

const districts: District[] = [
  {
    outward: 'AN1',
    town: 'Anytown',
    lat: 52.2,
    lng: -1.5,
    streets: [
      { name: 'High Street', postcode: 'AN1 1AA', build: an11aa },
      { name: 'High Street', sector: 1, build: shops(14, 70) },
      { name: 'Church Street', build: terrace(1, 64, 0.1) },
      { name: 'Mill Road', build: terrace(1, 96, 0.1, [{ at: 40, name: 'Riverside Court', flats: 18 }]) },
      { name: 'Station Road', build: terrace(1, 80, 0.05) },
      { name: "St Mary's Close", build: terrace(1, 24, 0) },
    ],
  },
  {
    outward: 'AN1A',
    town: 'Anytown',
    lat: 52.203,
    lng: -1.497,
    streets: [
      { name: 'Castle Walk', postcode: 'AN1A 2FL', build: (ctx) => block(ctx, 'Castle House', 1, 24, false) },
      { name: 'Market Square', build: shops(1, 36) },
    ],
  },
  {
    outward: 'AN2',
    town: 'Anytown',
    lat: 52.214,
    lng: -1.505,
    streets: [
      { name: 'Elm Grove', build: terrace(1, 110, 0.6) },
      { name: 'Oak Avenue', build: terrace(1, 130, 0.6) },
      { name: 'Ash Close', build: terrace(1, 40, 0.8) },
      { name: 'Beech Crescent', build: terrace(1, 90, 0.6) },
      { name: 'Willow Way', build: terrace(1, 70, 0.5) },
      { name: 'Tower Road', build: towers(['Oak Tower', 'Elm Tower', 'Ash Tower'], 48) },
      { name: 'Rowan Drive', build: terrace(1, 100, 0.5) },
    ],
  },
  {
    outward: 'AN3',
    town: 'Anytown',
    lat: 52.198,
    lng: -1.478,
    streets: [
      { name: 'Victoria Road', build: terrace(1, 140, 0.05) },
      { name: 'Albert Street', build: terrace(1, 90, 0.05) },
      { name: "Queen's Road", build: terrace(1, 120, 0.05, [{ at: 61, name: 'Regent House', flats: 12 }]) },
      { name: 'Park Lane', build: terrace(1, 60, 0) },
      { name: 'Meadow View', build: terrace(1, 48, 0.1) },
    ],
  },
  {
    outward: 'AN4',
    town: 'Anytown',
    lat: 52.188,
    lng: -1.512,
    streets: [
      { name: 'Heol y Parc', postcode: 'AN4 7YP', build: terrace(1, 16, 0.2) },
      { name: 'Lôn Isaf', postcode: 'AN4 3LN', build: terrace(1, 12, 0.2) },
      { name: 'Ffordd yr Eglwys', build: terrace(1, 84, 0.2) },
      { name: 'Stryd Fawr', build: terrace(1, 70, 0.1, [{ at: 33, name: 'Tŷ Afon', flats: 10 }]) },
      { name: 'Maes y Coed', build: terrace(1, 66, 0.4) },
      { name: 'Heol Glas', build: terrace(1, 50, 0.2) },
      { name: 'Bryn Teg', build: terrace(1, 44, 0.2) },
    ],
  },
  {
    outward: 'AN5',
    town: 'Anytown',
    lat: 52.183,
    lng: -1.486,
    streets: [
      { name: 'Brunel Way', build: terrace(1, 120, 0.05) },
      { name: 'Kingfisher Drive', build: terrace(1, 90, 0) },
      { name: 'Heron Close', build: terrace(1, 40, 0) },
      { name: 'Canal Side', build: terrace(1, 60, 0.1, [{ at: 2, name: 'Wharf House', flats: 30 }]) },
      { name: 'Llys Derwen', build: terrace(1, 60, 0.3) },
    ],
  },
  {
    outward: 'AN7',
    town: 'Aberany',
    lat: 52.251,
    lng: -1.583,
    streets: [
      { name: 'Ffordd Newydd', build: terrace(1, 90, 0.15) },
      { name: 'Heol y Felin', build: terrace(1, 64, 0.15) },
      { name: 'Maes yr Haf', build: terrace(1, 56, 0.5) },
      { name: 'Church Lane', build: terrace(1, 40, 0) },
      { name: 'Chapel Row', build: terrace(1, 30, 0.1) },
      { name: 'Heol y Waun', build: terrace(1, 80, 0.2) },
      { name: 'Bro Deg', build: terrace(1, 48, 0.4) },
    ],
  },
  {
    outward: 'AN10',
    town: 'Little Anbury',
    lat: 52.142,
    lng: -1.431,
    streets: [
      { name: 'Anbury Lane', postcode: 'AN10 4NP', build: namedHouses(16, 0) },
      { name: 'The Green', build: terrace(1, 36, 0.05) },
      { name: 'Mill Lane', build: namedHouses(10, 16) },
      { name: 'School Lane', build: terrace(1, 28, 0.1) },
      { name: 'Orchard Way', build: terrace(1, 30, 0) },
    ],
  },
  {
    outward: 'AN12',
    town: 'Anytown',
    lat: 52.221,
    lng: -1.462,
    streets: [
      { name: 'Enterprise Way', postcode: 'AN12 9BP', build: units('Anytown Business Park', 18) },
      { name: 'Foundry Road', build: units('Foundry Trading Estate', 24) },
    ],
  },
];

/** Every seeded address, in a stable order, as rows for the `addresses` table. */
export function generateSeedAddresses(seed: number = defaultSeed): AddressesTable[] {
  const rand = mulberry32(seed);
  const reserved = new Set(districts.flatMap((d) => d.streets.flatMap((s) => (s.postcode ? [s.postcode] : []))));
  const usedUnits = new Map<string, number>(); // "AN1 1" → next unit index
  let blocks = 0;
  let uprn = 100_070_000_000;
  const rows: AddressesTable[] = [];

  const allocate = (district: District, sector: number): string => {
    const key = `${district.outward} ${sector}`;
    for (let index = usedUnits.get(key) ?? 0; index < UNIT_LETTERS.length ** 2; index++) {
      const unit = `${UNIT_LETTERS[Math.floor(index / UNIT_LETTERS.length)]}${UNIT_LETTERS[index % UNIT_LETTERS.length]}`;
      const postcode = `${key}${unit}`;
      if (reserved.has(postcode)) continue;
      usedUnits.set(key, index + 1);
      return postcode;
    }
    throw new Error(`Seed ran out of postcodes in sector ${key}`);
  };

  for (const district of districts) {
    for (const street of district.streets) {
      const drafts = street.build({ rand, street: street.name, nextBlockId: () => `BLK${String(++blocks).padStart(5, '0')}` });
      const sector = street.sector ?? 1 + Math.floor(rand() * 9);
      // One postcode covers 8–20 neighbouring addresses (a whole block of flats stays together).
      let index = 0;
      while (index < drafts.length) {
        let size = street.postcode ? drafts.length : 8 + Math.floor(rand() * 13);
        const blockId = drafts[index + size - 1]?.blockId;
        while (blockId && drafts[index + size]?.blockId === blockId) size++;
        const postcode = street.postcode ?? allocate(district, sector);
        const lat = district.lat + (rand() - 0.5) * 0.02;
        const lng = district.lng + (rand() - 0.5) * 0.03;
        for (const draft of drafts.slice(index, index + size)) {
          uprn += 1 + Math.floor(rand() * 40);
          rows.push({
            uprn: String(uprn),
            line1: draft.line1,
            line2: draft.line2,
            town: district.town,
            postcode,
            postcode_compact: postcode.replace(' ', ''),
            lat: round(lat + (rand() - 0.5) * 0.0015),
            lng: round(lng + (rand() - 0.5) * 0.0022),
            council_owned: draft.councilOwned ? 1 : 0,
            property_type: draft.propertyType,
            block_id: draft.blockId,
          });
        }
        index += size;
      }
    }
  }
  return rows;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
