// First meaningful render of every element in Chromium: the time from `customElements.define`
// to the element's shadow root holding its first heading or form control, laid out. Elements
// that fetch (bin day, missed bin, service detail, repair report) get the contracts' fixtures
// from a loopback stub that answers at once, so the figure is the element's own work plus one
// local round trip. Reports only; timings never fail anything.
//
// How: the page holds the element's markup and its built define module (bundled as a
// council's bundler would, scripts/bench-page.mjs). An init script intercepts
// `customElements.define` for that tag only, so the module loads and parses outside the
// measurement; the page then calls the real `define` and a MutationObserver on the shadow
// root stops the clock when `ready` first matches, after forcing style and layout on the
// matched node (getBoundingClientRect). One warm-up load, then RUNS loads in one tab, its
// session storage cleared each time (elements that remember are told not to: no-remember).
/* global MutationObserver */
import { openBench, summarise } from './bench-page.mjs';
import { elements } from './sizes.mjs';

const RUNS = Number(process.env.BENCH_RENDER_RUNS) || 30;
const UPRN = '100000000001';

/** How each element is put on the page, and what counts as its first meaningful render. */
const cases = {
  'council-address-lookup': { attrs: 'api-base="/api/v1"', ready: 'input', what: 'postcode field' },
  'council-bin-day': { attrs: `api-base="/api/v1" uprn="${UPRN}" no-remember`, ready: '[data-step-heading]', what: 'collections fetched, heading' },
  'council-missed-bin-report': { attrs: `api-base="/api/v1" uprn="${UPRN}" no-remember`, ready: 'input[type=radio]', what: 'collections fetched, bin radios' },
  'council-container-request': { attrs: `api-base="/api/v1" uprn="${UPRN}" no-remember`, ready: 'input[type=radio]', what: 'container radios' },
  'council-garden-waste': { attrs: `api-base="/api/v1" uprn="${UPRN}" no-remember`, ready: '[data-step-heading]', what: 'offer fetched, heading' },
  'council-directory-search': { attrs: 'api-base="/oruk" no-url-state', ready: 'input', what: 'search field' },
  'council-service-detail': { attrs: 'api-base="/oruk" service-id="svc-food-bank"', ready: 'h2', what: 'service fetched, its name' },
  'council-repair-report': { attrs: 'api-base="/api/v1" no-remember', ready: 'input[type=radio]', what: 'catalogue fetched, triage radios' },
  'council-repair-appointment': { attrs: 'api-base="/api/v1"', ready: 'input', what: 'reference field' },
};

async function stubApi() {
  const fixtures = await import('../packages/contracts/dist/fixtures/index.js');
  const food = fixtures.orukV3Page.contents[0];
  return (path) =>
    ({
      '/api/v1/addresses': fixtures.anytownAddresses,
      [`/api/v1/waste/properties/${UPRN}/collections`]: fixtures.anytownCollections,
      [`/api/v1/waste/properties/${UPRN}/garden`]: fixtures.anytownGardenOffer,
      '/api/v1/repairs/catalogue': fixtures.anytownRepairCatalogue,
      [`/oruk/services/${food.id}`]: food,
      '/oruk/taxonomy_terms': fixtures.orukTaxonomyTerms,
    })[path];
}

/** Held in the page until the bench calls the real define. */
function holdDefine(tag) {
  const define = customElements.define.bind(customElements);
  window.__benchDefine = define;
  customElements.define = (name, ctor, options) => (name === tag && !window.__benchHeld ? (window.__benchHeld = { name, ctor, options }) : define(name, ctor, options));
}

/** In the page: define, then resolve with the ms until `ready` is in the shadow root and laid out. */
function defineAndWait(ready) {
  return new Promise((resolve, reject) => {
    const { name, ctor, options } = window.__benchHeld;
    const el = document.querySelector(name);
    const start = performance.now();
    window.__benchDefine(name, ctor, options);
    const root = el.shadowRoot;
    const check = () => {
      const node = root.querySelector(ready);
      if (!node) return false;
      node.getBoundingClientRect();
      resolve({ ms: performance.now() - start, matched: node.outerHTML.slice(0, 160) });
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(root, { childList: true, subtree: true });
    setTimeout(() => (observer.disconnect(), reject(new Error(`nothing matched ${ready} within 10 s: ${root.innerHTML.slice(0, 200)}`))), 10_000);
  });
}

/** One warm-up load, then RUNS loads of the element's page in one tab (a new tab costs a renderer process). */
async function timeElement(bench, element, ready) {
  const context = await bench.browser.newContext();
  try {
    await context.addInitScript(holdDefine, element.tag);
    const page = await context.newPage();
    const results = [];
    for (let run = 0; run <= RUNS; run++) {
      await page.goto(`${bench.base}/render/${element.tag}`);
      await page.evaluate(() => window.sessionStorage.clear());
      await page.waitForFunction(() => window.__benchHeld);
      results.push(await page.evaluate(defineAndWait, ready));
    }
    return { matched: results[0].matched, times: results.slice(1).map((r) => r.ms) };
  } finally {
    await context.close();
  }
}

/** Median and p95 per element; an element that cannot be measured reports its error. */
export async function measureFirstRender() {
  const bench = await openBench({
    entries: Object.fromEntries(elements.map((e) => [e.name, e.entry])),
    page: (path) => {
      const element = elements.find((e) => path === `/render/${e.tag}`);
      if (!element) return undefined;
      return `<!doctype html><html lang="en"><body><${element.tag} ${cases[element.tag].attrs}></${element.tag}><script type="module" src="/js/${element.name}.js"></script></body></html>`;
    },
    api: await stubApi(),
  });
  const results = [];
  try {
    for (const element of elements) {
      const { ready, what } = cases[element.tag];
      try {
        const { matched, times } = await timeElement(bench, element, ready);
        results.push({ element: element.tag, ready: what, selector: ready, matched, ...summarise(times) });
      } catch (error) {
        results.push({ element: element.tag, ready: what, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    await bench.close();
  }
  return results;
}
