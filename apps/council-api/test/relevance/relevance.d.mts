/** One judged search (see judgements.json). */
export interface Judgement {
  query: string;
  lang: 'en' | 'cy';
  relevant: { name?: string; term?: string; grade: number }[];
}

export interface RelevanceSummary {
  queries: number;
  /** Mean nDCG@5. */
  ndcg: number;
  /** Share of searches whose first result is relevant. */
  firstRelevant: number;
}

export interface Relevance extends RelevanceSummary {
  en: RelevanceSummary;
  cy: RelevanceSummary;
  /** The five searches with the lowest nDCG@5, with the names they listed. */
  worst: { query: string; ndcg: number; top: string[] }[];
}

/** The judged searches. */
export const judgements: Judgement[];
/** Results each search is judged on. */
export const K: number;
/** A service's grade for one judged search. */
export function grade(service: { names: string[]; terms: Set<string> }, rules: Judgement['relevant']): number;
/** nDCG@5 and first-result share of every judged search against the council API at `base`. */
export function measureRelevance(base: string): Promise<Relevance>;
