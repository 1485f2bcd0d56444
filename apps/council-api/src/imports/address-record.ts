import { parsePostcode } from '@council-kit/contracts';
import type { AddressesTable, PropertyType } from '../db/schema.js';
import { addressLines, titleCase } from './address-lines.js';
import type { AddressField } from './address-mapping.js';
import { gridToWgs84, onNationalGrid } from './british-national-grid.js';

/** What one source row becomes: an address, a reason it is bad, or "not an address residents look up" (by class). */
export type RecordOutcome = { address: AddressesTable } | { problem: string } | { leftOut: string };

/**
 * The property type for an AddressBase classification code (`CLASS`), or undefined for the
 * classes that are not addresses a resident looks up: parent shells (a block's own record,
 * `P…`), land (`L…`), objects of interest (`Z…`), other (`O…`), unclassified (`U…`), military
 * (`M…`), garages and parking spaces (`RG…`, `RC…`). Dwellings are houses, except flats
 * (`RD06`), sheltered flats (`RD08`) and bedsits (`RH02`); institutions (`RI…`), commercial
 * (`C…`) and dual use (`X…`) are businesses.
 */
export function propertyTypeOfClass(code: string): PropertyType | undefined {
  const c = code.trim().toUpperCase();
  if (c === 'RD06' || c === 'RD08' || c === 'RH02') return 'flat';
  if (c.startsWith('RD') || c.startsWith('RH') || c === 'R') return 'house';
  if (c.startsWith('RI') || c.startsWith('C') || c.startsWith('X')) return 'business';
  return undefined;
}

const propertyTypes: readonly PropertyType[] = ['house', 'bungalow', 'flat', 'business'];

/** A finite number, or undefined for an empty or unusable field. */
function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Great Britain and Northern Ireland, generously: a point outside is a swapped or mistyped coordinate. */
function inUk(lat: number, lng: number): boolean {
  return lat >= 49 && lat <= 61.5 && lng >= -8.8 && lng <= 2.2;
}

/**
 * One address from a source row's fields (`get` answers a field's trimmed text, or undefined
 * when the file has no such column). The whole row is checked before anything is kept, so a
 * row is imported complete or not at all.
 */
export function toAddressRecord(get: (field: AddressField) => string | undefined, councilOwnedValues: readonly string[]): RecordOutcome {
  const uprn = get('uprn') ?? '';
  if (!/^\d{1,12}$/.test(uprn)) return { problem: uprn ? `UPRN "${uprn.slice(0, 20)}" is not 1 to 12 digits` : 'no UPRN' };

  const code = get('class');
  let propertyType: PropertyType | undefined;
  if (code) {
    propertyType = propertyTypeOfClass(code);
    if (!propertyType) return { leftOut: code.toUpperCase().slice(0, 2) };
  }
  const typeText = get('propertyType')?.toLowerCase();
  if (typeText) {
    if (!propertyTypes.includes(typeText as PropertyType)) return { problem: `property type "${typeText.slice(0, 20)}" is not house, bungalow, flat or business` };
    propertyType = typeText as PropertyType;
  }

  const postcode = parsePostcode(get('postcode'));
  if (!postcode.ok) return { problem: postcode.problem === 'empty' ? 'no postcode' : `postcode "${(get('postcode') ?? '').slice(0, 12)}" is not a UK postcode` };

  let lines: { line1: string; line2: string | null } | undefined;
  const line1 = get('line1');
  if (line1) {
    const line2 = get('line2');
    lines = { line1: titleCase(line1), line2: line2 ? titleCase(line2) : null };
  } else {
    lines = addressLines({
      saoStartNumber: get('saoStartNumber'),
      saoStartSuffix: get('saoStartSuffix'),
      saoEndNumber: get('saoEndNumber'),
      saoEndSuffix: get('saoEndSuffix'),
      saoText: get('saoText'),
      paoStartNumber: get('paoStartNumber'),
      paoStartSuffix: get('paoStartSuffix'),
      paoEndNumber: get('paoEndNumber'),
      paoEndSuffix: get('paoEndSuffix'),
      paoText: get('paoText'),
      street: get('street'),
      locality: get('locality'),
    });
  }
  if (!lines) return { problem: 'no address: neither address lines nor a building and street' };

  const town = get('town') || get('locality');
  if (!town) return { problem: 'no town' };

  let lat = numberOf(get('lat'));
  let lng = numberOf(get('lng'));
  if (lat === undefined || lng === undefined) {
    const easting = numberOf(get('easting'));
    const northing = numberOf(get('northing'));
    if (easting === undefined || northing === undefined) return { problem: 'no coordinates: neither latitude/longitude nor easting/northing' };
    if (!onNationalGrid(easting, northing)) return { problem: `easting/northing ${easting}, ${northing} is not on the British National Grid` };
    ({ lat, lng } = gridToWgs84(easting, northing));
  }
  if (!inUk(lat, lng)) return { problem: `latitude/longitude ${lat}, ${lng} is not in the UK` };

  const owned = get('councilOwned')?.toLowerCase();
  const sao = get('saoText') || get('saoStartNumber');
  return {
    address: {
      uprn,
      line1: lines.line1,
      line2: lines.line2,
      town: titleCase(town),
      postcode: postcode.postcode,
      postcode_compact: postcode.postcode.replace(' ', ''),
      lat,
      lng,
      council_owned: owned && councilOwnedValues.includes(owned) ? 1 : 0,
      // Without a class or type: a secondary address (a flat in a building) is a flat, anything else a house.
      property_type: propertyType ?? (sao ? 'flat' : 'house'),
      block_id: get('blockId') || null,
    },
  };
}
