import type { AddressesTable } from '../db/schema.js';
import type { ImportProblem } from './registry.js';
import { locateColumns, type AddressField, type AddressMapping } from './address-mapping.js';
import { toAddressRecord, type RecordOutcome } from './address-record.js';
import { CsvSyntaxError, type CsvRecord } from './csv.js';
import { ImportError } from './import-error.js';

/** Problems kept for the report; the count of skipped rows stays exact beyond it. */
export const MAX_PROBLEMS = 200;

/** An address file read and checked, before anything is written. */
export interface ReadAddresses {
  addresses: AddressesTable[];
  problems: ImportProblem[];
  skipped: number;
}

/**
 * Collects the good rows of an address file and the problems of the bad ones, by line. A
 * repeated UPRN keeps its first row. Records left out by their class (not addresses residents
 * look up) are counted in one problem per class group, not one per row.
 */
export function collectAddresses(records: Iterable<{ line: number; outcome: RecordOutcome }>): ReadAddresses {
  const addresses: AddressesTable[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const leftOut = new Map<string, number>();
  let skipped = 0;
  const problem = (line: number, message: string) => {
    skipped++;
    if (problems.length < MAX_PROBLEMS) problems.push({ line, message });
  };
  try {
    for (const { line, outcome } of records) {
      if ('leftOut' in outcome) {
        skipped++;
        leftOut.set(outcome.leftOut, (leftOut.get(outcome.leftOut) ?? 0) + 1);
      } else if ('problem' in outcome) {
        problem(line, outcome.problem);
      } else {
        const first = seen.get(outcome.address.uprn);
        if (first !== undefined) problem(line, `UPRN ${outcome.address.uprn} is also on line ${first}`);
        else {
          seen.set(outcome.address.uprn, line);
          addresses.push(outcome.address);
        }
      }
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportError(`not a CSV file: ${error.message}`);
    throw error;
  }
  for (const [group, count] of [...leftOut].sort()) {
    problems.push({ message: `${count} record${count === 1 ? '' : 's'} of class ${group}… left out: not an address residents look up (see the README)` });
  }
  return { addresses, problems, skipped };
}

/**
 * An LLPG (or any council) address CSV with a header row: each field read from the column
 * `mapping` names. The header must name a UPRN, a postcode, a town, address lines or a street,
 * and a pair of coordinates; otherwise the whole file is refused.
 */
export function* readAddressCsv(records: Iterator<CsvRecord>, mapping: AddressMapping): Generator<{ line: number; outcome: RecordOutcome }> {
  const first = records.next();
  if (first.done) throw new ImportError('the file is empty');
  const columns = locateColumns(first.value.fields, mapping);
  const need = (field: AddressField, what: string) => {
    if (columns[field] === undefined) {
      const names = (mapping.columns[field] ?? []).join(' or ');
      throw new ImportError(`line 1: no ${what} column (looked for ${names}; a mapping file can name it)`);
    }
  };
  need('uprn', 'UPRN');
  need('postcode', 'postcode');
  if (columns.town === undefined && columns.locality === undefined) need('town', 'town');
  if (columns.line1 === undefined && columns.street === undefined && columns.paoText === undefined) need('street', 'street (or address line)');
  if ((columns.lat === undefined || columns.lng === undefined) && (columns.easting === undefined || columns.northing === undefined)) {
    throw new ImportError('line 1: no coordinates: name latitude/longitude or easting/northing columns (a mapping file can name them)');
  }
  for (let next = records.next(); !next.done; next = records.next()) {
    const { line, fields } = next.value;
    const get = (field: AddressField) => {
      const index = columns[field];
      return index === undefined ? undefined : fields[index]?.trim();
    };
    yield { line, outcome: toAddressRecord(get, mapping.councilOwnedValues) };
  }
}
