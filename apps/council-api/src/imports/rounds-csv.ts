import { containerColours, containerTypes, weekdayOf, weekdays } from '@council-kit/contracts';
import { isCalendarDate } from '../config.js';
import type { WasteRoundsTable, WasteServicesTable } from '../db/schema.js';
import { MAX_PROBLEMS } from './address-csv.js';
import { CsvSyntaxError, parseCsv } from './csv.js';
import { ImportError } from './import-error.js';
import type { ImportProblem } from './registry.js';

/**
 * The council's collection rounds as CSV files with a header row (column names are matched
 * case-insensitively; other columns are ignored). See the README's "Connect your data".
 *
 * - rounds: `round,service,weekday,frequency,first_date`
 * - property rounds: `uprn,round`
 * - services: `service,name_en,name_cy,container_type,container_colour,lid_colour,charged`
 */

/** Rows read from one file, the problems of the bad ones (by line), and how many were skipped. */
export interface ReadRows<T> {
  rows: T[];
  problems: ImportProblem[];
  skipped: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Reads a CSV with a header row, checking `required` columns, and turns each record into a row or a problem. */
function readTable<T>(text: string, file: string, required: readonly string[], row: (get: (name: string) => string) => T | string): ReadRows<T> {
  const result: ReadRows<T> = { rows: [], problems: [], skipped: 0 };
  try {
    const records = parseCsv(text);
    const first = records.next();
    if (first.done) throw new ImportError(`${file}: the file is empty`);
    const header = first.value.fields.map((name) => name.trim().toLowerCase());
    const missing = required.filter((name) => !header.includes(name));
    if (missing.length) throw new ImportError(`${file}, line 1: no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'} (the header must name ${required.join(', ')})`);
    for (const { line, fields } of records) {
      const get = (name: string) => {
        const index = header.indexOf(name);
        return index < 0 ? '' : (fields[index] ?? '').trim();
      };
      const outcome = row(get);
      if (typeof outcome === 'string') {
        result.skipped++;
        if (result.problems.length < MAX_PROBLEMS) result.problems.push({ line, message: `${file}: ${outcome}` });
      } else result.rows.push(outcome);
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportError(`${file}: not a CSV file: ${error.message}`);
    throw error;
  }
  return result;
}

const numberWords: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8 };

/** "weekly", "fortnightly", "every 3 weeks", "4-weekly", "3": weeks between collections (1 to 8), or undefined. */
export function parseFrequency(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'weekly') return 1;
  if (t === 'fortnightly' || t === 'biweekly') return 2;
  const match = /^(?:every\s+)?(\d+|one|two|three|four|five|six|seven|eight)(?:[\s-]*weeks?|[\s-]*weekly)?$/.exec(t);
  if (!match) return undefined;
  const n = numberWords[match[1]!] ?? Number(match[1]);
  return n >= 1 && n <= 8 ? n : undefined;
}

/** "Tuesday", "tue": 0 (Sunday) to 6, or undefined. */
function parseWeekday(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t.length < 3) return undefined;
  const index = weekdays.findIndex((day) => day.startsWith(t));
  return index < 0 ? undefined : index;
}

/** The rounds file: each round's service, weekday, frequency and first collection (which must fall on the weekday). */
export function readRounds(text: string, file: string, serviceIds: ReadonlySet<string>): ReadRows<WasteRoundsTable> {
  const seen = new Set<string>();
  return readTable(text, file, ['round', 'service', 'weekday', 'frequency', 'first_date'], (get) => {
    const id = get('round');
    if (!ID.test(id)) return `round "${id.slice(0, 70)}" must be 1 to 64 letters, digits, dots, dashes or underscores`;
    if (seen.has(id)) return `round ${id} is listed twice`;
    const service = get('service');
    if (!serviceIds.has(service)) return `round ${id}: no service "${service.slice(0, 40)}" (services: ${[...serviceIds].sort().join(', ') || 'none yet: give --services'})`;
    const weekday = parseWeekday(get('weekday'));
    if (weekday === undefined) return `round ${id}: weekday "${get('weekday').slice(0, 20)}" is not a day of the week`;
    const everyWeeks = parseFrequency(get('frequency'));
    if (everyWeeks === undefined) return `round ${id}: frequency "${get('frequency').slice(0, 20)}" is not weekly, fortnightly or every 1 to 8 weeks`;
    const first = get('first_date');
    if (!isCalendarDate(first)) return `round ${id}: first_date "${first.slice(0, 20)}" is not a date written YYYY-MM-DD`;
    if (weekdayOf(first) !== weekday) return `round ${id}: first_date ${first} is a ${weekdays[weekdayOf(first)]}, not a ${weekdays[weekday]}`;
    seen.add(id);
    return { id, service_id: service, every_weeks: everyWeeks, anchor: first };
  });
}

/** The property rounds file: which round collects each property's service (one per service). */
export function readPropertyRounds(
  text: string,
  file: string,
  rounds: ReadonlyMap<string, WasteRoundsTable>,
  uprns: ReadonlySet<string>,
): ReadRows<{ uprn: string; service_id: string; round_id: string }> {
  const seen = new Set<string>();
  return readTable(text, file, ['uprn', 'round'], (get) => {
    const uprn = get('uprn');
    if (!/^\d{1,12}$/.test(uprn)) return `UPRN "${uprn.slice(0, 20)}" is not 1 to 12 digits`;
    if (!uprns.has(uprn)) return `UPRN ${uprn} is not in the address register (import addresses first)`;
    const round = rounds.get(get('round'));
    if (!round) return `UPRN ${uprn}: no round "${get('round').slice(0, 70)}" in the rounds file (or its row was skipped)`;
    const key = `${uprn} ${round.service_id}`;
    if (seen.has(key)) return `UPRN ${uprn} already has a ${round.service_id} round`;
    seen.add(key);
    return { uprn, service_id: round.service_id, round_id: round.id };
  });
}

const yes = new Set(['1', 'y', 'yes', 'true']);

/** The services file: each service's English and Welsh names and its container. Listed in the file's order. */
export function readServices(text: string, file: string): ReadRows<WasteServicesTable> {
  const seen = new Set<string>();
  return readTable(text, file, ['service', 'name_en', 'name_cy', 'container_type', 'container_colour'], (get) => {
    const id = get('service');
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(id)) return `service "${id.slice(0, 50)}" must be 1 to 40 lower-case letters, digits or dashes`;
    if (seen.has(id)) return `service ${id} is listed twice`;
    const nameEn = get('name_en');
    const nameCy = get('name_cy');
    if (!nameEn || !nameCy) return `service ${id}: both name_en and name_cy are needed (the elements answer in English and Welsh)`;
    const type = get('container_type').toLowerCase();
    if (!(containerTypes as readonly string[]).includes(type)) return `service ${id}: container_type "${type.slice(0, 20)}" is not one of ${containerTypes.join(', ')}`;
    const colour = get('container_colour').toLowerCase();
    if (!(containerColours as readonly string[]).includes(colour)) return `service ${id}: container_colour "${colour.slice(0, 20)}" is not one of ${containerColours.join(', ')}`;
    const lid = get('lid_colour').toLowerCase();
    if (lid && !(containerColours as readonly string[]).includes(lid)) return `service ${id}: lid_colour "${lid.slice(0, 20)}" is not one of ${containerColours.join(', ')}`;
    seen.add(id);
    return {
      id,
      name_en: nameEn.slice(0, 100),
      name_cy: nameCy.slice(0, 100),
      // The contract's container types and colours; the table's types name the seed's subset.
      container_type: type as WasteServicesTable['container_type'],
      container_colour: colour as WasteServicesTable['container_colour'],
      container_lid_colour: (lid || null) as WasteServicesTable['container_lid_colour'],
      charged: yes.has(get('charged').toLowerCase()) ? 1 : 0,
      sort_order: seen.size,
    };
  });
}
