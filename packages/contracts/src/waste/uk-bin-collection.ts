import { ContractError } from '../validate.js';
import { dayNumber, reportWindowEnd, weekdayOf } from './calendar.js';
import { containerColours, weekdays, type CollectionsResult, type Frequency, type WasteService } from './collections.js';

/** The JSON the UKBinCollectionData project's council scrapers print. */
export interface UkBinCollectionOutput {
  bins: { type: string; collectionDate: string }[];
}


function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'bin';
}

/** "25/11/2025" → "2025-11-25"; throws on anything else, naming the entry. */
function isoFromUk(value: unknown, path: string): string {
  const match = typeof value === 'string' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim()) : null;
  if (!match) throw new ContractError(path, 'date DD/MM/YYYY');
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  if (Number(match[2]) < 1 || Number(match[2]) > 12 || Number(match[1]) < 1 || Number(match[1]) > 31) throw new ContractError(path, 'a real date');
  return iso;
}

/** A regular pattern when every gap between dates is the same whole number of weeks. */
function inferFrequency(dates: string[]): Frequency | undefined {
  if (dates.length < 2) return undefined;
  const gaps = dates.slice(1).map((d, i) => dayNumber(d) - dayNumber(dates[i]!));
  const first = gaps[0]!;
  if (first % 7 !== 0 || gaps.some((g) => g !== first)) return undefined;
  return { everyWeeks: first / 7, day: weekdays[weekdayOf(dates[0]!)]! };
}

/**
 * Maps UKBinCollectionData output to the collections contract, so a council (or a resident)
 * with one of its scrapers can feed `<council-bin-day>` today. Bins are grouped by `type`;
 * the container colour is read from the name where it says one ("Green Bin"); the report
 * window is computed from the last collection.
 */
export function fromUkBinCollection(
  output: unknown,
  property: { uprn: string; address: string },
  /** Today (`YYYY-MM-DD`, Europe/London) from the caller's clock: which dates are past. */
  today: string,
): CollectionsResult {
  if (typeof output !== 'object' || output === null || !Array.isArray((output as UkBinCollectionOutput).bins)) {
    throw new ContractError('bins', 'array');
  }
  const byType = new Map<string, string[]>();
  (output as UkBinCollectionOutput).bins.forEach((bin, i) => {
    if (typeof bin?.type !== 'string' || !bin.type.trim()) throw new ContractError(`bins[${i}].type`, 'string');
    const dates = byType.get(bin.type.trim()) ?? [];
    dates.push(isoFromUk(bin.collectionDate, `bins[${i}].collectionDate`));
    byType.set(bin.type.trim(), dates);
  });
  const services: WasteService[] = [...byType].map(([type, all]) => {
    const dates = [...new Set(all)].sort();
    const upcoming = dates.filter((d) => d >= today);
    const previous = dates.filter((d) => d < today).at(-1);
    // The colour in the bin's name ("Green Bin", "Gray Bin"), else `unknown`.
    const colour: string = containerColours.find((c) => type.toLowerCase().replace('gray', 'grey').includes(c)) ?? 'unknown';
    const until = previous ? reportWindowEnd(previous) : undefined;
    const service: WasteService = {
      id: slug(type),
      name: type,
      container: { type: /bag|sack/i.test(type) ? 'sack' : /caddy|food/i.test(type) ? 'caddy' : 'wheelie-bin', colour },
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
