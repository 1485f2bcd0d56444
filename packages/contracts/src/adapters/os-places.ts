import type { AddressLookupResult, Address } from '../address.js';
import { ContractError } from '../validate.js';
import { titleCase } from './title-case.js';

/**
 * A `DPA` (Delivery Point Address) record of the OS Places API, with the fields OS's technical
 * specification lists. Only `UPRN`, `POST_TOWN` and `POSTCODE` are always present; OS leaves
 * out a field that is empty rather than sending `""`, and sends numbers for the coordinates,
 * `LOCAL_CUSTODIAN_CODE` and `MATCH`, strings for the rest (`BUILDING_NUMBER` included).
 */
export interface OsPlacesDpa {
  UPRN: string;
  UDPRN?: string;
  /** The whole address on one line, in capitals: not split, the parts below are used. */
  ADDRESS?: string;
  ORGANISATION_NAME?: string;
  DEPARTMENT_NAME?: string;
  SUB_BUILDING_NAME?: string;
  BUILDING_NAME?: string;
  BUILDING_NUMBER?: string | number;
  /** e.g. `"PO BOX 1234"` (or just the number, as some extracts give it). */
  PO_BOX_NUMBER?: string | number;
  DEPENDENT_THOROUGHFARE_NAME?: string;
  THOROUGHFARE_NAME?: string;
  DOUBLE_DEPENDENT_LOCALITY?: string;
  DEPENDENT_LOCALITY?: string;
  POST_TOWN: string;
  POSTCODE: string;
  RPC?: string;
  X_COORDINATE?: number;
  Y_COORDINATE?: number;
  /** With `output_srs=WGS84`. */
  LAT?: number;
  LNG?: number;
  /** `APPROVED`, or `HISTORICAL` for a property that is no more (left out). */
  STATUS?: string;
  /** `1` approved, `8` historical (left out). */
  LOGICAL_STATUS_CODE?: string;
  CLASSIFICATION_CODE?: string;
  CLASSIFICATION_CODE_DESCRIPTION?: string;
  LOCAL_CUSTODIAN_CODE?: number;
  POSTAL_ADDRESS_CODE?: string;
  /** `EN`, or `CY` for the Welsh form of an address in Wales (which comes back once per language). */
  LANGUAGE?: string;
  ENTRY_DATE?: string;
  LAST_UPDATE_DATE?: string;
  MATCH?: number;
}

/** An OS Places API `/postcode` response (there is no `results` key when nothing matched). */
export interface OsPlacesResponse {
  header?: { uri?: string; query?: string; offset?: number; totalresults?: number; maxresults?: number; [key: string]: unknown };
  results?: { DPA?: OsPlacesDpa }[];
}

/** How {@link fromOsPlaces} reads a response. */
export interface FromOsPlacesOptions {
  /**
   * The page's language: with `cy`, a Welsh address given in both languages is shown in Welsh;
   * otherwise (and for every address OS gives in one language only) the English form is used.
   */
  lang?: 'en' | 'cy';
}

const text = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
};

/**
 * Royal Mail's rule for names that are really numbers: "1A", "12-14", "3/4" or a single letter
 * go on the same line as what follows them ("1A High Street"), not on a line of their own.
 */
const NUMBER_LIKE = /^(\d+[A-Z]?([-/]\d+[A-Z]?)?|[A-Z])$/i;

/** "PO BOX 61" as OS gives it, or "61" as some extracts do: "PO Box 61". */
function poBox(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^p\.?o\.?\s*box/i.test(value) ? `PO Box ${value.replace(/^p\.?o\.?\s*box\s*/i, '')}` : `PO Box ${value}`;
}

/**
 * The lines before the town, in the order Royal Mail prints them: organisation and department,
 * PO box, sub-building, building, the numbered (dependent) street, the street, then the
 * localities. A number-like building or sub-building name joins the line after it.
 */
function linesOf(dpa: OsPlacesDpa): string[] {
  const subBuilding = text(dpa.SUB_BUILDING_NAME);
  const building = text(dpa.BUILDING_NAME);
  const number = text(dpa.BUILDING_NUMBER);
  const dependentStreet = text(dpa.DEPENDENT_THOROUGHFARE_NAME);
  const street = text(dpa.THOROUGHFARE_NAME);
  const streets = [dependentStreet, street].filter((s): s is string => s !== undefined);
  const out: string[] = [];
  const push = (line: string | undefined) => {
    if (line) out.push(titleCase(line));
  };
  push(text(dpa.ORGANISATION_NAME));
  push(text(dpa.DEPARTMENT_NAME));
  // "PO Box" keeps its capitals (title case would make it "Po Box").
  const box = poBox(text(dpa.PO_BOX_NUMBER));
  if (box) out.push(box);

  // The part that carries the street: "10 High Street", "1A High Street", or just "High Street".
  let streetPrefix = number;
  let buildingLine = building;
  if (building && !number && NUMBER_LIKE.test(building) && streets.length) {
    streetPrefix = building;
    buildingLine = undefined;
  }
  if (subBuilding && buildingLine && NUMBER_LIKE.test(subBuilding)) {
    // "2 Castle House", not "2" on a line of its own.
    push(`${subBuilding} ${buildingLine}`);
  } else if (subBuilding && !buildingLine && NUMBER_LIKE.test(subBuilding) && !streetPrefix && streets.length) {
    streetPrefix = subBuilding;
  } else {
    push(subBuilding);
    push(buildingLine);
  }
  if (streets.length) {
    const [first, ...rest] = streets;
    push(streetPrefix ? `${streetPrefix} ${first}` : first);
    for (const line of rest) push(line);
  } else if (streetPrefix) {
    push(streetPrefix);
  }
  push(text(dpa.DOUBLE_DEPENDENT_LOCALITY));
  push(text(dpa.DEPENDENT_LOCALITY));
  // Nothing to build lines from (never in real data): the one-line ADDRESS, less town and postcode.
  if (!out.length) {
    const whole = text(dpa.ADDRESS)?.split(',').map((part) => part.trim()).filter(Boolean) ?? [];
    for (const part of whole.slice(0, -2)) push(part);
  }
  return out;
}

/** "an11aa" → "AN1 1AA": OS sends postcodes formatted, but a record must never break the list. */
function formatPostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

function readDpa(value: unknown, i: number): OsPlacesDpa | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const dpa = (value as { DPA?: unknown }).DPA;
  if (dpa === undefined) return undefined; // an LPI record, or another dataset: not ours
  const record = dpa as Partial<OsPlacesDpa> | null;
  const uprn = text(record?.UPRN);
  if (!record || !uprn || !/^\d{1,12}$/.test(uprn) || !text(record.POST_TOWN) || !text(record.POSTCODE)) {
    throw new ContractError(`results[${i}].DPA`, 'UPRN, POST_TOWN and POSTCODE strings');
  }
  return { ...record, UPRN: uprn } as OsPlacesDpa;
}

/**
 * Maps an OS Places API `/postcode` response (`dataset=DPA`, `output_srs=WGS84`) to the council
 * API's address lookup contract: one address per UPRN (a Welsh address comes back once in
 * English and once in Welsh: the page's language is kept when asked for, else English),
 * title-cased, with lines built from the DPA fields rather than split from the one-line
 * `ADDRESS`; historical records are left out. A response with no `results` key means no addresses. `outsideArea` is left false:
 * whether a postcode is the council's is the caller's to say.
 */
export function fromOsPlaces(response: unknown, postcode: string, options: FromOsPlacesOptions = {}): AddressLookupResult {
  if (typeof response !== 'object' || response === null || Array.isArray(response)) throw new ContractError('', 'object');
  const results = (response as OsPlacesResponse).results ?? [];
  if (!Array.isArray(results)) throw new ContractError('results', 'array');
  const wanted = options.lang === 'cy' ? 'CY' : 'EN';
  const byUprn = new Map<string, OsPlacesDpa>();
  results.forEach((result, i) => {
    const dpa = readDpa(result, i);
    // A historical record (a demolished or merged property) is not somewhere a resident lives.
    if (!dpa || dpa.STATUS?.toUpperCase() === 'HISTORICAL' || dpa.LOGICAL_STATUS_CODE === '8') return;
    const kept = byUprn.get(dpa.UPRN);
    // The first record of a UPRN stays unless this one is in the wanted language and it is not.
    if (!kept || (dpa.LANGUAGE?.toUpperCase() === wanted && kept.LANGUAGE?.toUpperCase() !== wanted)) byUprn.set(dpa.UPRN, dpa);
  });
  const addresses = [...byUprn.values()].map((dpa): Address => {
    const lines = linesOf(dpa);
    const town = titleCase(text(dpa.POST_TOWN)!);
    const code = formatPostcode(dpa.POSTCODE);
    const address: Address = { uprn: dpa.UPRN, address: [...lines, town, code].join(', '), lines, town, postcode: code };
    if (typeof dpa.LAT === 'number' && Number.isFinite(dpa.LAT)) address.lat = dpa.LAT;
    if (typeof dpa.LNG === 'number' && Number.isFinite(dpa.LNG)) address.lng = dpa.LNG;
    return address;
  });
  return { postcode, outsideArea: false, addresses };
}
