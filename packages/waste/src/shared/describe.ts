import type { Frequency, WasteService } from '@council-kit/contracts';
import { weekdays } from '@council-kit/contracts';

type T = (key: string, params?: Record<string, string | number>) => string;

/** "Every other Tuesday" / "Bob yn ail ddydd Mawrth". */
export function describeFrequency(frequency: Frequency, t: T): string {
  const day = t(`day${weekdays.indexOf(frequency.day)}`);
  if (frequency.everyWeeks === 1) return t('everyWeek', { day });
  if (frequency.everyWeeks === 2) return t('everyOtherWeek', { day });
  return t('everyNWeeks', { day, count: frequency.everyWeeks });
}

/**
 * "Green wheelie bin with a blue lid" / "Bin olwynion gwyrdd gyda chaead glas": the words and
 * phrases are `containerWords` from `@council-kit/contracts` (the table the council API writes
 * its calendars with), through the element's catalogue, so a council's `strings` can reword them.
 */
export function describeContainer(container: WasteService['container'], t: T): string {
  return t(container.lidColour ? 'containerWithLid' : 'container', { colour: t(container.colour), type: t(container.type), lid: t(container.lidColour ?? '') })
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^./, (first) => first.toUpperCase());
}
