import { readFile } from 'node:fs/promises';
import { ImportError } from './import-error.js';

/** What an address CSV's columns can hold; each is read from the column {@link AddressMapping} names. */
export const addressFields = [
  'uprn',
  'saoStartNumber',
  'saoStartSuffix',
  'saoEndNumber',
  'saoEndSuffix',
  'saoText',
  'paoStartNumber',
  'paoStartSuffix',
  'paoEndNumber',
  'paoEndSuffix',
  'paoText',
  'street',
  'line1',
  'line2',
  'locality',
  'town',
  'postcode',
  'easting',
  'northing',
  'lat',
  'lng',
  'class',
  'propertyType',
  'councilOwned',
  'blockId',
] as const;
export type AddressField = (typeof addressFields)[number];

/**
 * Which header names an address CSV's fields are in. The defaults are AddressBase Plus's and
 * common LLPG export names (the first one the header has is used); a council's mapping file
 * names its own columns instead, e.g. `{ "uprn": "Property Reference", "councilOwned": "Tenure",
 * "councilOwnedValues": ["Council"] }`.
 */
export interface AddressMapping {
  columns: Partial<Record<AddressField, string[]>>;
  /** Values of the `councilOwned` column meaning "the council is the landlord" (compared case-insensitively). */
  councilOwnedValues: string[];
}

/** The header names tried when no mapping file names a field's column. */
export const defaultAddressMapping: AddressMapping = {
  columns: {
    uprn: ['UPRN'],
    saoStartNumber: ['SAO_START_NUMBER'],
    saoStartSuffix: ['SAO_START_SUFFIX'],
    saoEndNumber: ['SAO_END_NUMBER'],
    saoEndSuffix: ['SAO_END_SUFFIX'],
    saoText: ['SAO_TEXT', 'SAO'],
    paoStartNumber: ['PAO_START_NUMBER'],
    paoStartSuffix: ['PAO_START_SUFFIX'],
    paoEndNumber: ['PAO_END_NUMBER'],
    paoEndSuffix: ['PAO_END_SUFFIX'],
    paoText: ['PAO_TEXT', 'PAO'],
    street: ['STREET_DESCRIPTION', 'STREET', 'STREET_NAME'],
    line1: ['ADDRESS_LINE_1', 'ADDRESS_LINE1', 'LINE1', 'LINE_1'],
    line2: ['ADDRESS_LINE_2', 'ADDRESS_LINE2', 'LINE2', 'LINE_2'],
    locality: ['LOCALITY', 'LOCALITY_NAME'],
    town: ['TOWN_NAME', 'TOWN', 'POST_TOWN'],
    postcode: ['POSTCODE_LOCATOR', 'POSTCODE'],
    easting: ['X_COORDINATE', 'EASTING', 'X'],
    northing: ['Y_COORDINATE', 'NORTHING', 'Y'],
    lat: ['LATITUDE', 'LAT'],
    lng: ['LONGITUDE', 'LNG', 'LON', 'LONG'],
    class: ['CLASS', 'CLASSIFICATION_CODE', 'BLPU_CLASS'],
    propertyType: ['PROPERTY_TYPE'],
    councilOwned: ['COUNCIL_OWNED'],
    blockId: ['BLOCK_ID', 'PARENT_UPRN'],
  },
  councilOwnedValues: ['1', 'y', 'yes', 'true'],
};

/**
 * Reads a mapping file: a JSON object from field names (see {@link addressFields}) to the
 * council's header name (or a list of names to try), and optionally `councilOwnedValues`.
 * Fields it does not name keep their default header names.
 */
export async function loadAddressMapping(path: string): Promise<AddressMapping> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(`${path}: ${code === 'ENOENT' ? 'no such mapping file' : 'the mapping file is not JSON'}`);
  }
  return parseAddressMapping(parsed, path);
}

/** Checks a parsed mapping file and merges it over the defaults. */
export function parseAddressMapping(parsed: unknown, name = 'mapping'): AddressMapping {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ImportError(`${name}: the mapping must be a JSON object of field names to column names`);
  }
  const columns = { ...defaultAddressMapping.columns };
  let councilOwnedValues = defaultAddressMapping.councilOwnedValues;
  for (const [key, value] of Object.entries(parsed)) {
    if (key === 'councilOwnedValues') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw new ImportError(`${name}: councilOwnedValues must be a list of strings`);
      }
      councilOwnedValues = value.map((v: string) => v.toLowerCase());
      continue;
    }
    if (!(addressFields as readonly string[]).includes(key)) {
      throw new ImportError(`${name}: "${key}" is not an address field (use ${addressFields.join(', ')})`);
    }
    const names = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(names) || !names.length || !names.every((v) => typeof v === 'string' && v.trim())) {
      throw new ImportError(`${name}: "${key}" must name a column (a string, or a list of strings)`);
    }
    columns[key as AddressField] = names as string[];
  }
  return { columns, councilOwnedValues };
}

/** Where each field is in a header row (case and surrounding spaces ignored); fields without a column are left out. */
export function locateColumns(header: readonly string[], mapping: AddressMapping): Partial<Record<AddressField, number>> {
  const at = new Map(header.map((name, i) => [name.trim().toUpperCase(), i] as const));
  const located: Partial<Record<AddressField, number>> = {};
  for (const field of addressFields) {
    for (const name of mapping.columns[field] ?? []) {
      const index = at.get(name.trim().toUpperCase());
      if (index !== undefined) {
        located[field] = index;
        break;
      }
    }
  }
  return located;
}
