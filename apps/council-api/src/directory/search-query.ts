import type { CouncilDb } from '../db/database.js';
import type { DirectoryFilters } from './params.js';
import { stopWords, synonymSets } from './search-synonyms.js';
import { corrections, knownWords, searchWords } from './search-words.js';
import { welshForms } from './welsh-forms.js';

/**
 * A resident's search as the databases run it: every group must match, a group matching when
 * any of its alternatives (a phrase of one or more words) does. Built from their words by
 * `expandSearch`: synonyms in English and Welsh, Welsh mutations and plurals, and misspellings
 * corrected to words the directory uses. Every word is letters and digits only, so neither
 * rendering ever carries an operator from input.
 */
export interface SearchQuery {
  groups: string[][][];
}

/** Synonym phrase (words joined by spaces) → every phrase of its sets. */
const synonymsOf = new Map<string, string[][]>();
for (const set of synonymSets) {
  for (const phrase of set) {
    const all = [...(synonymsOf.get(phrase)?.map((words) => words.join(' ')) ?? []), ...set];
    synonymsOf.set(phrase, [...new Set(all)].map((text) => text.split(' ')));
  }
}
const LONGEST_SYNONYM = Math.max(...[...synonymsOf.keys()].map((phrase) => phrase.split(' ').length));
/** A plural "s" dropped to find a synonym ("foodbanks"). */
const singular = (word: string): string => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);

/** The words of `ftsQuery()`'s quoted-words text. */
const wordsOf = (search: string): string[] => searchWords(search.replaceAll('"', ' '));

/**
 * The search to run for `search` (as `ftsQuery()` wrote it). Asks the vocabulary which forms
 * and corrections exist: one query for all the words, and one more per word the directory
 * does not use at all. Undefined when no word is left.
 */
export async function expandSearch(db: CouncilDb, search: string): Promise<SearchQuery | undefined> {
  const words = wordsOf(search);
  const meaningful = words.filter((word) => !stopWords.has(word));
  const kept = meaningful.length ? words : words.slice(0, 1);
  const groups: string[][][] = [];
  const single: number[] = [];
  for (let i = 0; i < kept.length; ) {
    let matched = false;
    for (let size = Math.min(LONGEST_SYNONYM, kept.length - i); size >= 1 && !matched; size--) {
      const phrase = kept.slice(i, i + size);
      const synonyms = synonymsOf.get(phrase.join(' ')) ?? synonymsOf.get([...phrase.slice(0, -1), singular(phrase.at(-1)!)].join(' '));
      if (synonyms) {
        groups.push([phrase, ...synonyms]);
        i += size;
        matched = true;
      }
    }
    if (matched) continue;
    if (!stopWords.has(kept[i]!) || !meaningful.length) {
      single.push(groups.length);
      groups.push([[kept[i]!]]);
    }
    i += 1;
  }
  if (!groups.length) return undefined;

  // Single words: every Welsh form the directory uses; a word it never uses, corrected.
  const forms = new Map(single.map((index) => [index, welshForms(groups[index]![0]![0]!)]));
  const known = await knownWords(db, [...forms.values()].flat());
  for (const index of single) {
    const word = groups[index]![0]![0]!;
    const found = forms.get(index)!.filter((form) => known.has(form) && form !== word);
    const fixed = known.has(word) || found.length ? [] : await corrections(db, word);
    groups[index] = [[word], ...found.map((form) => [form]), ...fixed.map((form) => [form])];
  }
  return { groups: groups.map(unique) };
}

/** Alternatives once each. */
function unique(alternatives: string[][]): string[][] {
  const seen = new Set<string>();
  return alternatives.filter((words) => {
    const key = words.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** FTS5: `("food bank" OR "foodbank") AND ("carers")`; a phrase is its words in quotes. */
export function ftsExpression({ groups }: SearchQuery): string {
  return groups.map((alternatives) => `(${alternatives.map((words) => `"${words.join(' ')}"`).join(' OR ')})`).join(' AND ');
}

/** PostgreSQL `to_tsquery`: `(food <-> bank | foodbank) & (carers)`, optionally only in weights `labels` (`A`: names). */
export function tsqueryText({ groups }: SearchQuery, labels = ''): string {
  const word = (w: string): string => (labels ? `${w}:${labels}` : w);
  return groups.map((alternatives) => `(${alternatives.map((words) => words.map(word).join(' <-> ')).join(' | ')})`).join(' & ');
}

/** The filters with their search expanded (`query`), ready for the repository. */
export async function withSearchQuery<T extends Pick<DirectoryFilters, 'search'>>(db: CouncilDb, filters: T): Promise<T & { query?: SearchQuery }> {
  const query = filters.search === undefined ? undefined : await expandSearch(db, filters.search);
  return query ? { ...filters, query } : filters;
}
