import { sql, type Kysely } from 'kysely';
import type { CouncilDb } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * The directory's vocabulary (`search_words`, migration 0013): every word of the text a search
 * matches, as `searchWords` writes it. Rebuilt with the search index. The search only rewrites
 * a resident's word (a misspelling, a Welsh mutation or plural) into one of these, so it never
 * invents a word the directory does not use.
 */

/** A text's words as the search compares them: lower case, accents removed ("Grŵp" → "grwp"), letters and digits only. */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Rebuilds the vocabulary from the searchable text. Distinct texts first (the database does
 * that: a generated directory repeats its sentences), then words here, inserted in batches.
 */
export async function rebuildSearchWords(db: Kysely<Database>): Promise<void> {
  const texts = await sql<{ text: string | null }>`
    select distinct name as text from services
    union select distinct name_cy from services
    union select distinct description from services
    union select distinct description_cy from services
    union select distinct name from organizations
    union select distinct name from taxonomy_terms
    union select distinct name_cy from taxonomy_terms
  `.execute(db);
  const words = new Set<string>();
  for (const { text } of texts.rows) if (text) for (const word of searchWords(text)) words.add(word);
  await sql`delete from search_words`.execute(db);
  const all = [...words];
  for (let i = 0; i < all.length; i += 5000) {
    await db.insertInto('search_words').values(all.slice(i, i + 5000).map((word) => ({ word }))).execute();
  }
}

/** Which of `words` the directory uses. */
export async function knownWords(db: CouncilDb, words: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(words)];
  if (!list.length) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < list.length; i += 500) {
    const rows = await db.selectFrom('search_words').select('word').where('word', 'in', list.slice(i, i + 500)).execute();
    for (const row of rows) found.add(row.word);
  }
  return found;
}

/** Longest word a spelling is corrected for; longer input is left alone. */
const MAX_CORRECTED = 24;

/**
 * The directory's nearest words to a misspelt one: the same first letter (residents rarely get
 * it wrong), at most one edit away for short words and two for words of seven letters or more
 * (an edit: a letter added, dropped, changed, or two swapped). The closest ones only, at most three.
 */
export async function corrections(db: CouncilDb, word: string): Promise<string[]> {
  if (word.length < 4 || word.length > MAX_CORRECTED || /\d/.test(word)) return [];
  const first = word[0]!;
  const next = String.fromCodePoint(first.codePointAt(0)! + 1);
  const allowed = word.length >= 7 ? 2 : 1;
  const rows = await db
    .selectFrom('search_words')
    .select('word')
    .where('word', '>=', first)
    .where('word', '<', next)
    .execute();
  let best = allowed + 1;
  let found: string[] = [];
  for (const { word: candidate } of rows) {
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const distance = editDistance(word, candidate, allowed);
    if (distance < best) {
      best = distance;
      found = [candidate];
    } else if (distance === best) found.push(candidate);
  }
  return best <= allowed ? found.sort().slice(0, 3) : [];
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
