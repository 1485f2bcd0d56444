import { addDays } from '@council-kit/contracts';
// (A module of its own, not endpoints.ts: the date arithmetic would otherwise join the chunk
// every waste element loads, and only bin day and a server rendering it ask this.)
/**
 * The query of a collections request for a page showing `weeks` weeks from `today`: a week back
 * (the last collection, and whether it can still be reported missed) to `weeks` weeks ahead, in
 * the page's language. `<council-bin-day>` and a server rendering it ask the same question.
 */
export function collectionsQuery(today: string, weeks: number, lang: string): { from: string; to: string; lang: string } {
  return { from: addDays(today, -7), to: addDays(today, weeks * 7), lang };
}
