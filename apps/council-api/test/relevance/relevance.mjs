/* global fetch, URL */
// Search relevance over the demo directory, measured against judgements.json: nDCG@5 and the
// share of searches whose first result is relevant. Plain JavaScript so the council API's test
// (test/relevance.test.ts, on SQLite and PostgreSQL) and the root bench (scripts/bench-api.mjs)
// run the same measure against a running API.
import { readFileSync } from 'node:fs';

/** The judged searches (see judgements.json's `about`). */
export const judgements = JSON.parse(readFileSync(new URL('./judgements.json', import.meta.url), 'utf8')).queries;

/** Results each search is judged on. */
export const K = 5;

async function getJson(base, path) {
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

/** Every service of the directory: id → its English and Welsh names and its taxonomy codes. */
async function catalogue(base) {
  const services = new Map();
  for (const lang of ['en', 'cy']) {
    for (let page = 1; ; page++) {
      const body = await getJson(base, `/oruk/services?per_page=100&page=${page}&lang=${lang}`);
      for (const service of body.contents) {
        const entry = services.get(service.id) ?? { names: [], terms: new Set() };
        entry.names.push(service.name);
        for (const attribute of service.attributes) entry.terms.add(attribute.taxonomy_term.code);
        services.set(service.id, entry);
      }
      if (body.last_page || !body.contents.length) break;
    }
  }
  return services;
}

/** A service's grade for one judged search: the best of the rules it matches, else 0. */
export function grade(service, rules) {
  let best = 0;
  for (const rule of rules) {
    const matches = rule.term ? service.terms.has(rule.term) : service.names.some((name) => new RegExp(rule.name, 'i').test(name));
    if (matches) best = Math.max(best, rule.grade);
  }
  return best;
}

/** Discounted cumulative gain of grades in rank order (graded: 2^grade − 1). */
const dcg = (grades) => grades.slice(0, K).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

/**
 * Runs every judged search against the API at `base` (a page of K, in the search's language)
 * and returns the mean nDCG@K and first-result share, overall and per language, with the
 * searches that did worst so a regression says where it is.
 */
export async function measureRelevance(base) {
  const services = await catalogue(base);
  const judge = async (judged) => {
    const body = await getJson(base, `/oruk/services?search=${encodeURIComponent(judged.query)}&per_page=${K}&lang=${judged.lang}`);
    const grades = body.contents.map((service) => grade(services.get(service.id) ?? { names: [service.name], terms: new Set() }, judged.relevant));
    const ideal = [...services.values()].map((service) => grade(service, judged.relevant)).sort((a, b) => b - a);
    const best = dcg(ideal);
    return { query: judged.query, lang: judged.lang, ndcg: best ? dcg(grades) / best : 0, firstRelevant: (grades[0] ?? 0) > 0, top: body.contents.map((s) => s.name) };
  };
  // A few at a time: the answers do not depend on the order, and the suite stays quick.
  const results = [];
  for (let i = 0; i < judgements.length; i += 8) results.push(...(await Promise.all(judgements.slice(i, i + 8).map(judge))));
  const summary = (list) => ({
    queries: list.length,
    ndcg: Number((list.reduce((sum, r) => sum + r.ndcg, 0) / list.length).toFixed(3)),
    firstRelevant: Number((list.filter((r) => r.firstRelevant).length / list.length).toFixed(3)),
  });
  return {
    ...summary(results),
    en: summary(results.filter((r) => r.lang === 'en')),
    cy: summary(results.filter((r) => r.lang === 'cy')),
    worst: [...results].sort((a, b) => a.ndcg - b.ndcg).slice(0, 5).map((r) => ({ query: r.query, ndcg: Number(r.ndcg.toFixed(3)), top: r.top })),
  };
}
