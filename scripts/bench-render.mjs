// Rendering time in Chromium: how long <council-directory-search> takes from "Search" to 50
// results on screen (the feed answers at once from memory, so this is the element's own
// work: parsing, sorting and rendering). Reports only; timings never fail anything.
/* global requestAnimationFrame */
import { openBench, summarise } from './bench-page.mjs';

const RUNS = 15;

/** An ORUK v3 page of `count` services near a postcode, with everything a result shows. */
function orukPage(count) {
  const contents = Array.from({ length: count }, (_, i) => ({
    distance: 150 + i * 97,
    service: {
      id: `svc-${i}`,
      name: `Anytown support service ${i + 1}`,
      description: `<p>Help with food, money and housing for people living in Anytown. Drop in or call ahead. Service ${i + 1}.</p>`,
      organization: { id: `org-${i % 7}`, name: `Anytown Community Trust ${i % 7}` },
      cost_options: [{ option: i % 3 ? 'Free' : '£2 a session', amount: i % 3 ? 0 : 2 }],
      service_at_locations: [{ location: { latitude: 52.2 + i / 1000, longitude: -1.5 - i / 1000 } }],
    },
  }));
  return { total_items: 230, total_pages: 5, page_number: 1, size: count, first_page: true, last_page: false, empty: false, contents };
}

export async function measureRender() {
  const body = orukPage(50);
  const bench = await openBench({
    entries: { directory: 'packages/directory/dist/directory-search/define.js' },
    page: (path) =>
      path === '/'
        ? '<!doctype html><html lang="en"><body><council-directory-search api-base="/oruk" per-page="50" no-url-state></council-directory-search><script type="module" src="/js/directory.js"></script></body></html>'
        : undefined,
    api: (path) => (path === '/oruk/service_at_locations' ? body : path === '/oruk/taxonomy_terms' ? { contents: [] } : undefined),
  });
  try {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await bench.browser.newPage();
      await page.goto(`${bench.base}/`);
      await page.locator('council-directory-search').getByLabel('Near a postcode (optional)').fill('AN1 1AA');
      const ms = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const el = document.querySelector('council-directory-search');
            const start = performance.now();
            el.addEventListener('council-directory-searched', () => el.updateComplete.then(() => requestAnimationFrame(() => resolve(performance.now() - start))), { once: true });
            el.shadowRoot.querySelector('button[type=submit]').click();
          }),
      );
      const shown = await page.locator('council-directory-search .result').count();
      if (shown !== 50) throw new Error(`expected 50 results on screen, saw ${shown}`);
      times.push(ms);
      await page.close();
    }
    return { name: '<council-directory-search>: Search → 50 results on screen', ...summarise(times) };
  } finally {
    await bench.close();
  }
}
