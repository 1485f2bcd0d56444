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

/** "Green wheelie bin with a blue lid" / "Bin olwynion gwyrdd gyda chaead glas". */
export function describeContainer(container: WasteService['container'], t: T): string {
  const colour = t(container.colour);
  const type = t(container.type);
  const text = container.lidColour
    ? t('containerWithLid', { colour, type, lid: t(container.lidColour) })
    : t('container', { colour, type });
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
