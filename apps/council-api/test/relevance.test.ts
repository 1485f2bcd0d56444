import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';
import { judgements, measureRelevance } from './relevance/relevance.mjs';

/**
 * Search relevance you can measure (issue 15): every judged search of test/relevance/
 * judgements.json (at least 40 in English and 20 in Welsh, judged by what a resident expects)
 * run against the seeded directory; the mean nDCG@5 must stay at 0.85 or above, on SQLite and
 * (in `npm test`'s second pass) on PostgreSQL. `npm run bench` reports the same figures.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server?.stop();
});

describe('search relevance over the demo directory', () => {
  it('has enough judged searches in each language', () => {
    expect(judgements.filter((j) => j.lang === 'en').length).toBeGreaterThanOrEqual(40);
    expect(judgements.filter((j) => j.lang === 'cy').length).toBeGreaterThanOrEqual(20);
    for (const query of ['food bank', 'banc bwyd', 'carers', 'gofalwyr', 'toddler group']) expect(judgements.map((j) => j.query)).toContain(query);
  });

  it('ranks what residents expect in the top five: nDCG@5 at least 0.85 in English and in Welsh', async () => {
    const relevance = await measureRelevance(server.url);
    // The worst searches are in the message, so a regression says where it is.
    expect(relevance.ndcg, JSON.stringify(relevance, null, 1)).toBeGreaterThanOrEqual(0.85);
    expect(relevance.en.ndcg, JSON.stringify(relevance.worst)).toBeGreaterThanOrEqual(0.85);
    expect(relevance.cy.ndcg, JSON.stringify(relevance.worst)).toBeGreaterThanOrEqual(0.85);
    expect(relevance.firstRelevant).toBeGreaterThanOrEqual(0.9);
  });
});
