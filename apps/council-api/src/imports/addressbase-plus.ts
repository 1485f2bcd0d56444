import type { AddressField } from './address-mapping.js';
import { toAddressRecord, type RecordOutcome } from './address-record.js';
import type { CsvRecord } from './csv.js';
import { ImportError } from './import-error.js';

/**
 * AddressBase Plus CSV columns in OS's order (AddressBase Plus technical specification: the
 * header file OS ships beside the data, which the data files themselves do not carry).
 */
export const addressBasePlusColumns = [
  'UPRN', 'UDPRN', 'CHANGE_TYPE', 'STATE', 'STATE_DATE', 'CLASS', 'PARENT_UPRN', 'X_COORDINATE', 'Y_COORDINATE',
  'LATITUDE', 'LONGITUDE', 'RPC', 'LOCAL_CUSTODIAN_CODE', 'COUNTRY', 'LA_START_DATE', 'LAST_UPDATE_DATE', 'ENTRY_DATE',
  'RM_ORGANISATION_NAME', 'LA_ORGANISATION', 'DEPARTMENT_NAME', 'LEGAL_NAME', 'SUB_BUILDING_NAME', 'BUILDING_NAME',
  'BUILDING_NUMBER', 'SAO_START_NUMBER', 'SAO_START_SUFFIX', 'SAO_END_NUMBER', 'SAO_END_SUFFIX', 'SAO_TEXT',
  'ALT_LANGUAGE_SAO_TEXT', 'PAO_START_NUMBER', 'PAO_START_SUFFIX', 'PAO_END_NUMBER', 'PAO_END_SUFFIX', 'PAO_TEXT',
  'ALT_LANGUAGE_PAO_TEXT', 'USRN', 'USRN_MATCH_INDICATOR', 'AREA_NAME', 'LEVEL', 'OFFICIAL_FLAG', 'OS_ADDRESS_TOID',
  'OS_ADDRESS_TOID_VERSION', 'OS_ROADLINK_TOID', 'OS_ROADLINK_TOID_VERSION', 'OS_TOPO_TOID', 'OS_TOPO_TOID_VERSION',
  'VOA_CT_RECORD', 'VOA_NDR_RECORD', 'STREET_DESCRIPTION', 'ALT_LANGUAGE_STREET_DESCRIPTION', 'DEPENDENT_THOROUGHFARE',
  'THOROUGHFARE', 'WELSH_DEPENDENT_THOROUGHFARE', 'WELSH_THOROUGHFARE', 'DOUBLE_DEPENDENT_LOCALITY',
  'DEPENDENT_LOCALITY', 'LOCALITY', 'WELSH_DEPENDENT_LOCALITY', 'WELSH_DOUBLE_DEPENDENT_LOCALITY', 'TOWN_NAME',
  'ADMINISTRATIVE_AREA', 'POST_TOWN', 'WELSH_POST_TOWN', 'POSTCODE', 'POSTCODE_LOCATOR', 'POSTCODE_TYPE',
  'DELIVERY_POINT_SUFFIX', 'ADDRESSBASE_POSTAL', 'PO_BOX_NUMBER', 'WARD_CODE', 'PARISH_CODE', 'RM_START_DATE',
  'MULTI_OCC_COUNT', 'VOA_NDR_P_DESC_CODE', 'VOA_NDR_SCAT_CODE', 'ALT_LANGUAGE',
] as const;

const column = (name: (typeof addressBasePlusColumns)[number]) => addressBasePlusColumns.indexOf(name);

/**
 * The geographic (LLPG) address of each record: SAO, PAO and street from the local authority's
 * fields, `POSTCODE_LOCATOR` (which every addressable record has, postal or not), `TOWN_NAME`,
 * `X_COORDINATE`/`Y_COORDINATE` converted to WGS84 (OS's own `LATITUDE`/`LONGITUDE` when given
 * are used first), `CLASS` for the property type, `PARENT_UPRN` as the block of a flat.
 */
const positions: Partial<Record<AddressField, number>> = {
  uprn: column('UPRN'),
  class: column('CLASS'),
  blockId: column('PARENT_UPRN'),
  easting: column('X_COORDINATE'),
  northing: column('Y_COORDINATE'),
  lat: column('LATITUDE'),
  lng: column('LONGITUDE'),
  saoStartNumber: column('SAO_START_NUMBER'),
  saoStartSuffix: column('SAO_START_SUFFIX'),
  saoEndNumber: column('SAO_END_NUMBER'),
  saoEndSuffix: column('SAO_END_SUFFIX'),
  saoText: column('SAO_TEXT'),
  paoStartNumber: column('PAO_START_NUMBER'),
  paoStartSuffix: column('PAO_START_SUFFIX'),
  paoEndNumber: column('PAO_END_NUMBER'),
  paoEndSuffix: column('PAO_END_SUFFIX'),
  paoText: column('PAO_TEXT'),
  street: column('STREET_DESCRIPTION'),
  locality: column('LOCALITY'),
  town: column('TOWN_NAME'),
  postcode: column('POSTCODE_LOCATOR'),
};

/** True when a file's first record looks like AddressBase Plus data (no header: a UPRN, then OS's 77 columns). */
export function looksLikeAddressBasePlus(first: CsvRecord): boolean {
  return /^\d{1,12}$/.test(first.fields[0]?.trim() ?? '') && first.fields.length === addressBasePlusColumns.length;
}

/**
 * AddressBase Plus CSV as OS publishes it (no header row; a header row, if someone added one,
 * is skipped). A record with the wrong number of columns is reported and skipped. Council
 * ownership is not in AddressBase: every address is imported as not council-owned.
 */
export function* readAddressBasePlus(records: Iterator<CsvRecord>): Generator<{ line: number; outcome: RecordOutcome }> {
  let next = records.next();
  if (next.done) throw new ImportError('the file is empty');
  if (next.value.fields[0]?.trim().toUpperCase() === 'UPRN') next = records.next();
  for (; !next.done; next = records.next()) {
    const { line, fields } = next.value;
    if (fields.length !== addressBasePlusColumns.length) {
      yield { line, outcome: { problem: `${fields.length} columns, not AddressBase Plus's ${addressBasePlusColumns.length}` } };
      continue;
    }
    const get = (field: AddressField) => {
      const index = positions[field];
      return index === undefined ? undefined : fields[index]?.trim();
    };
    yield { line, outcome: toAddressRecord(get, []) };
  }
}
