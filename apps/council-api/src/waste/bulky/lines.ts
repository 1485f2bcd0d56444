import type { BulkyCatalogue, BulkyLine, Problem } from '@council-kit/contracts';
import type { Lang } from '../../http/lang.js';
import { problems } from '../../http/problems.js';
import type { BookedLine } from './booking-row.js';
import { bulkyProblems } from './problems.js';

/** What a list of items comes to: the lines as booked, the slots they take, the price in pence. */
export interface Priced {
  lines: BookedLine[];
  slots: number;
  amount: number;
}

/**
 * Checks the items against the catalogue: each listed once, each one the council collects (a
 * refused item answers where to take it instead, in `lang`), no more than `maxItems` in all.
 */
export function priceLines(catalogue: BulkyCatalogue, items: readonly BulkyLine[], lang: Lang): Priced | { problem: Problem } {
  const seen = new Set<string>();
  const lines: BookedLine[] = [];
  for (const [index, line] of items.entries()) {
    if (seen.has(line.id)) return { problem: problems.validation('An item is listed twice.', [{ path: `/items/${index}/id`, message: 'List each item once, with how many' }]) };
    seen.add(line.id);
    const refused = catalogue.refused.find((item) => item.id === line.id);
    if (refused) return { problem: bulkyProblems.itemRefused(refused.label[lang], refused.instead[lang], index) };
    const item = catalogue.items.find((candidate) => candidate.id === line.id);
    if (!item) return { problem: problems.validation('The council’s bulky waste list has no such item.', [{ path: `/items/${index}/id`, message: 'Choose the item from the council’s list' }]) };
    lines.push({ id: item.id, label: item.label, price: item.price, slots: item.slots, quantity: line.quantity });
  }
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (count > catalogue.maxItems) {
    return { problem: problems.validation(`One collection can take up to ${catalogue.maxItems} items.`, [{ path: '/items', message: `Choose ${catalogue.maxItems} items or fewer` }]) };
  }
  return {
    lines,
    slots: lines.reduce((sum, line) => sum + line.slots * line.quantity, 0),
    amount: lines.reduce((sum, line) => sum + line.price * line.quantity, 0),
  };
}
