import { ContractError } from '../validate.js';
import { dayNumber, reportWindowEnd, weekdayOf } from './calendar.js';
import { titleCase } from '../adapters/title-case.js';
import { ukBinCollectionDates, ukBinCollectionType } from './uk-bin-collection-text.js';
import { containerColours, weekdays, type CollectionsResult, type Frequency, type WasteService } from './collections.js';

/** The JSON the UKBinCollectionData project's council scrapers print (other keys are ignored). */
export interface UkBinCollectionOutput {
  bins: { type: string; collectionDate: string }[];
}

/** How {@link fromUkBinCollection} reads a scraper's output. */
export interface FromUkBinCollectionOptions {
  /** Told about each entry left out (no type, or no date that can be read), for the caller's log. */
  onSkip?: (path: string, reason: string) => void;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'bin';
}

/** A regular pattern when every gap between dates is the same whole number of weeks. */
function inferFrequency(dates: string[]): Frequency | undefined {
  if (dates.length < 2) return undefined;
  const gaps = dates.slice(1).map((d, i) => dayNumber(d) - dayNumber(dates[i]!));
  const first = gaps[0]!;
  if (first % 7 !== 0 || first === 0 || gaps.some((g) => g !== first)) return undefined;
  return { everyWeeks: first / 7, day: weekdays[weekdayOf(dates[0]!)]! };
}

/** Dates a scraper got wrong (a year of 1900, a page's stale calendar): more than a year either side of today. */
const PLAUSIBLE_DAYS = 366;

/**
 * Maps UKBinCollectionData output to the collections contract, so a council (or a resident)
 * with one of its scrapers can feed `<council-bin-day>`. Read leniently, as real scrapers print
 * it: bins are grouped by type whatever its case, spacing or HTML; dates may have times,
 * ordinals, a trailing full stop, or say "Today"/"Tomorrow"; duplicates are dropped; entries
 * with no type or no readable date are left out (`onSkip`). Throws a `ContractError` when there
 * is no `bins` array, or when it has entries and none of them can be read. The container
 * colour is read from the name where it says one ("Green Bin"); the report window is computed
 * from the last collection.
 */
export function fromUkBinCollection(
  output: unknown,
  property: { uprn: string; address: string },
  /** Today (`YYYY-MM-DD`, Europe/London) from the caller's clock: which dates are past. */
  today: string,
  options: FromUkBinCollectionOptions = {},
): CollectionsResult {
  if (typeof output !== 'object' || output === null || !Array.isArray((output as UkBinCollectionOutput).bins)) {
    throw new ContractError('bins', 'array');
  }
  const bins = (output as { bins: unknown[] }).bins;
  const byType = new Map<string, { name: string; dates: string[] }>();
  let firstProblem: ContractError | undefined;
  const skip = (path: string, reason: string) => {
    firstProblem ??= new ContractError(path, reason);
    options.onSkip?.(path, reason);
  };
  bins.forEach((bin, i) => {
    const entry = (typeof bin === 'object' && bin !== null ? bin : {}) as Record<string, unknown>;
    const name = ukBinCollectionType(entry.type, titleCase);
    if (!name) return skip(`bins[${i}].type`, 'a bin type');
    const dates = ukBinCollectionDates(entry.collectionDate, today).filter(
      (date) => Math.abs(dayNumber(date) - dayNumber(today)) <= PLAUSIBLE_DAYS,
    );
    if (!dates.length) return skip(`bins[${i}].collectionDate`, 'a date within a year of today');
    const key = name.toLowerCase();
    const group = byType.get(key) ?? { name, dates: [] };
    group.dates.push(...dates);
    byType.set(key, group);
  });
  if (bins.length && !byType.size && firstProblem) throw firstProblem;
  const ids = new Set<string>();
  const services: WasteService[] = [...byType.values()].map(({ name: type, dates: all }) => {
    const dates = [...new Set(all)].sort();
    const upcoming = dates.filter((d) => d >= today);
    const previous = dates.filter((d) => d < today).at(-1);
    // The colour in the bin's name ("Green Bin", "Gray Bin"), else `unknown`.
    const colour: string = containerColours.find((c) => type.toLowerCase().replace('gray', 'grey').includes(c)) ?? 'unknown';
    const until = previous ? reportWindowEnd(previous) : undefined;
    // Two names that slug the same ("Food waste" and "Food-waste!") still get their own ids.
    let id = slug(type);
    for (let n = 2; ids.has(id); n++) id = `${slug(type)}-${n}`;
    ids.add(id);
    const service: WasteService = {
      id,
      name: type,
      container: { type: /bag|sack/i.test(type) ? 'sack' : /caddy|food/i.test(type) ? 'caddy' : /box/i.test(type) ? 'box' : 'wheelie-bin', colour },
      upcoming,
      reportMissed: until && today <= until ? { open: true, until } : { open: false },
    };
    const frequency = inferFrequency(dates);
    if (frequency) service.frequency = frequency;
    if (upcoming[0]) service.nextCollection = upcoming[0];
    if (previous) service.previousCollection = previous;
    return service;
  });
  return { uprn: property.uprn, address: property.address, services };
}
