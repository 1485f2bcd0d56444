// The bench's tables, built from the report (reports/bench.json) so the console and the README
// show the same figures. Each table: { title, note?, rows, where: 'both' | 'console' | 'readme' }.
import { peerRatios } from './peer-sizes.mjs';

const kb = (bytes) => (bytes === undefined ? '' : `${(bytes / 1024).toFixed(1)} kB`);
const x = (ratio) => (ratio === undefined ? '' : `${ratio.toFixed(2)}×`);
const within = (ok) => (ok ? 'yes' : 'NO');

function sizeTables({ sizes, budgets, cdn, autoloader, peers }) {
  const { govukFrontend: govuk, gcds, uswdsBanner: banner } = peers;
  const tables = [
    {
      title: 'Size of each element (minified + brotli; the budget fails `npm test`)',
      rows: sizes.map((s) => ({
        element: s.element,
        own: kb(s.own),
        [`own budget`]: kb(budgets.own),
        'with lit + core': kb(s.withLitAndCore),
        'total budget': kb(budgets.withLitAndCore),
        'page (embedded elements too)': kb(s.page),
      })),
    },
  ];
  if (!gcds.error && !banner.error && !govuk.error) {
    tables.push({
      title: 'Each element beside peers (ours ÷ theirs, brotli bytes: below 1× ours is smaller)',
      note:
        '"own" leaves out the framework on both sides (lit + core; Stencil\'s runtime; USWDS\'s lit), "total" is everything a page needs for it. ' +
        'GCDS set: the GC Design System components that do the same job (listed below), bundled like ours; they are controls without the service logic ours carries. ' +
        `<usa-banner>: ${kb(banner.own.brotli)} own, ${kb(banner.total.brotli)} total. govuk-frontend: every component's JS, ${kb(govuk.total.brotli)}.`,
      rows: sizes.map((s) => {
        const r = peerRatios(s, peers);
        const set = gcds.perElement[s.element];
        return {
          element: s.element,
          own: kb(s.own),
          total: kb(s.withLitAndCore),
          'GCDS set own': kb(set.own.brotli),
          'GCDS set total': kb(set.total.brotli),
          '÷ GCDS own': x(r.gcdsOwn),
          '÷ GCDS total': x(r.gcdsTotal),
          '÷ usa-banner own': x(r.uswdsBannerOwn),
          '÷ usa-banner total': x(r.uswdsBannerTotal),
          '÷ govuk-frontend': x(r.govukFrontendTotal),
        };
      }),
    });
    tables.push({
      title: 'GC Design System components counted as each element\'s equivalent',
      rows: Object.entries(gcds.perElement).map(([element, set]) => ({ element, 'GCDS components': set.components.map((c) => c.replace(/^gcds-/, '')).join(', ') })),
    });
  }
  const bundle = (name, size, extra = '') => ({ bundle: name, min: kb(size?.min), brotli: kb(size?.brotli), note: extra });
  tables.push({
    title: 'Whole bundles (minified + brotli)',
    rows: [
      ...(cdn
        ? [bundle('@council-kit/elements CDN build: all 8 elements, lit included', { min: cdn.min, brotli: cdn.servedBrotli ?? cdn.brotli }, `${cdn.files?.length ?? 1} files, each compressed as served; budget ${kb(budgets.cdn)}`)]
        : []),
      ...(gcds.error
        ? [{ bundle: 'GCDS', note: gcds.error }]
        : [
            bundle(`${gcds.name}: the ${gcds.all.components.length} components above, bundled, runtime included`, gcds.all.total),
            bundle(`${gcds.name} from its CDN loader (loader, runtime, lazy bundles holding them)`, gcds.cdn.js, `+ gcds.css ${kb(gcds.cdn.css.brotli)}`),
          ]),
      ...(banner.error ? [{ bundle: '@uswds/elements', note: banner.error }] : [bundle(`${banner.name} ${banner.what}, its lit included`, banner.total)]),
      ...(govuk.error ? [{ bundle: 'govuk-frontend', note: govuk.error }] : [bundle(`${govuk.name}: ${govuk.what}`, govuk.total)]),
    ],
  });
  if (autoloader) {
    tables.push({
      title: 'A page with one element through the CDN autoloader (minified + brotli, each file compressed as served; the budget fails `npm test`)',
      note:
        `cdn/autoloader.js: ${kb(autoloader.autoloader.brotli)} (budget ${kb(budgets.autoloader)}). ` +
        "Each page: the autoloader, the element's module and every chunk it imports statically; code loaded on demand (the map, the repair report's later pages) left out.",
      rows: autoloader.pages.map((p) =>
        p.missing
          ? { element: p.element, total: `missing ${p.missing}` }
          : {
              element: p.element,
              total: kb(p.brotli),
              budget: kb(budgets.autoloaderPage),
              'within budget': within(p.brotli <= budgets.autoloaderPage),
              files: p.files.length,
              'same code as one file': kb(p.together),
              'element module': kb(p.files.find((f) => f.file === `${p.element}.js`)?.brotli),
              'shared chunks': kb(p.files.filter((f) => f.file !== 'autoloader.js' && f.file !== `${p.element}.js`).reduce((sum, f) => sum + f.brotli, 0)),
            },
      ),
    });
  }
  return tables;
}

function graphTables({ graph }) {
  if (!graph) return [];
  return [
    {
      title: 'Module graph of the built packages (packages/*/dist)',
      note:
        'A cycle: files importing each other round a loop (a strongly connected component of the static import graph). ' +
        'A duplicate: one source module bundled into two or more output files.',
      rows: [
        {
          packages: graph.packages.length,
          files: graph.files,
          'import cycles': graph.cycles,
          'duplicated modules': graph.duplicates,
          'CDN files': graph.cdn.files,
          'CDN import cycles': graph.cdn.cycles,
        },
        ...graph.cycleFiles.map((files) => ({ packages: 'cycle', files: files.join(' → ') })),
        ...graph.duplicateModules.map((d) => ({ packages: 'duplicate', files: `${d.module} in ${d.files.join(', ')}` })),
      ],
    },
  ];
}

function renderTables({ firstRender, render }) {
  return [
    {
      title: 'First render in Chromium: customElements.define → first heading or form control laid out (ms)',
      note: 'Elements that fetch get fixtures from a loopback stub that answers at once.',
      rows: firstRender.map((r) =>
        r.error ? { element: r.element, 'rendered when': r.ready, error: r.error } : { element: r.element, 'rendered when': r.ready, runs: r.runs, median: r.p50, p95: r.p95 },
      ),
    },
    {
      title: 'Rendering results in Chromium (ms)',
      rows: [render.error ? { measure: 'directory results', error: render.error } : { measure: render.name, runs: render.runs, median: render.p50, p95: render.p95 }],
    },
  ];
}

function importTables(imports) {
  if (!imports) return [];
  if (imports.error) return [{ title: 'Council API: importing an address file', rows: [{ error: imports.error }] }];
  return [
    {
      title: `Council API: importing a ${imports.rows.toLocaleString('en-GB')}-row address file (seconds)`,
      note: `An LLPG-style CSV with eastings and northings; "again" imports the same file over the first (every row an update); CPU: this process's seconds (all of SQLite's work, only the client's on PostgreSQL). Aim: under 60 s on SQLite.${Object.entries(imports.skipped ?? {}).map(([db, why]) => ` ${db}: not measured, ${why}.`).join('')}`,
      rows: Object.entries(imports.databases).map(([db, r]) => (r.error ? { database: db, error: r.error } : { database: db, first: r.first, 'first (CPU)': r.firstCpu, again: r.again, 'again (CPU)': r.againCpu })),
    },
  ];
}

/** nDCG@5 and first-result share of the judged searches, per database (test/relevance/). */
function relevanceTable(api) {
  const measured = Object.entries(api.relevance ?? {});
  if (!measured.length) return [];
  const figures = (r) => (r.error ? r.error : `${r.ndcg} / ${(r.firstRelevant * 100).toFixed(0)} %`);
  return [
    {
      title: 'Directory search relevance: nDCG@5 / searches with a relevant first result',
      note: 'The judged searches of apps/council-api/test/relevance/judgements.json over the demo directory (the seed); npm test fails below nDCG@5 0.85.',
      rows: ['all', 'en', 'cy'].map((which) => ({
        searches: which === 'all' ? `all (${measured[0][1].queries ?? ''})` : which === 'en' ? `English (${measured[0][1].en?.queries ?? ''})` : `Welsh (${measured[0][1].cy?.queries ?? ''})`,
        ...Object.fromEntries(measured.map(([db, r]) => [db, r.error ? r.error : figures(which === 'all' ? r : r[which])])),
      })),
    },
  ];
}

function apiTables(api) {
  const databases = Object.entries(api.databases);
  if (api.error || !databases.length) return [{ title: 'Council API', rows: [{ error: api.error ?? 'not measured' }] }];
  const names = databases[0][1].map((r) => r.name);
  const cell = (r) => (r?.error ? r.error : r ? `${r.p50} / ${r.p95} / ${r.p99}` : '');
  const million = api.million && Object.keys(api.million.databases).length ? [millionTable(api.million, cell)] : [];
  return [
    ...relevanceTable(api),
    ...million,
    {
      title: 'Council API on loopback: sequential latency p50 / p95 / p99 (ms), and requests per second over concurrent connections',
      note:
        `Directory: ${api.services.toLocaleString('en-GB')} generated services (generated in ${Object.entries(api.generatorSeconds ?? {}).map(([db, s]) => `${s} s on ${db}`).join(', ')}). ` +
        `Budget: directory search p95 ≤ 50 ms.${Object.entries(api.skipped ?? {}).map(([db, why]) => ` ${db}: not measured, ${why}.`).join('')}`,
      rows: names.map((name) => ({
        endpoint: name,
        ...Object.fromEntries(
          databases.flatMap(([db, rows]) => {
            const r = rows.find((row) => row.name === name);
            return [
              [`${db} p50 / p95 / p99`, cell(r)],
              [`${db} req/s (${r?.connections ?? ''} connections)`, r?.requestsPerSecond ?? ''],
            ];
          }),
        ),
      })),
    },
  ];
}

/** The directory endpoints at a million services, the 100k figures' budgets beside them. */
function millionTable(million, cell) {
  const databases = Object.entries(million.databases);
  const budgets = { search: 20, proximity: 15, 'search + proximity': 30 };
  const near = (name) => name.includes('within');
  const budgetOf = (name) => (name.includes('search +') ? budgets['search + proximity'] : near(name) ? budgets.proximity : name.includes('services search') ? budgets.search : undefined);
  return {
    title: 'Directory at 1,000,000 services: sequential latency p50 / p95 / p99 (ms)',
    note:
      `Generated in ${Object.entries(million.generatorSeconds).map(([db, s]) => `${s} s on ${db}`).join(', ')} (the 900k after the 100k; budget under 3 minutes). ` +
      'Budgets (p95): search ≤ 20 ms, proximity ≤ 15 ms, search + proximity ≤ 30 ms. `npm run bench -- --directory-1m`.',
    rows: databases[0][1]
      .filter((r) => r.name.startsWith('ORUK'))
      .map((r) => ({
        endpoint: r.name,
        'p95 budget': budgetOf(r.name) ?? '',
        ...Object.fromEntries(databases.map(([db, rows]) => [`${db} p50 / p95 / p99`, cell(rows.find((row) => row.name === r.name))])),
      })),
  };
}

function siteTables({ site }) {
  if (site.error) return [{ title: 'Example site', rows: [{ error: site.error }] }];
  const sb = site.budgets;
  const pageOk = (p) => p.transferBytes <= sb.transferKB * 1024 && p.cls <= sb.cls;
  const lighthouse = site.lighthouseError
    ? [{ page: 'Lighthouse could not run', error: site.lighthouseError }]
    : site.lighthouse.map((r) =>
        r.error
          ? { page: r.page, error: r.error }
          : {
              page: r.page,
              performance: `${r.performance} (≥ ${sb.performance})`,
              accessibility: `${r.accessibility} (${sb.accessibility})`,
              'best practices': r.bestPractices,
              transfer: `${kb(r.transferBytes)} (≤ ${sb.transferKB} kB)`,
              CLS: `${r.cls} (${sb.cls})`,
              'LCP ms': r.lcpMs,
              'TBT ms': r.tbtMs,
              'within budget': within(r.performance >= sb.performance && r.accessibility >= sb.accessibility && r.transferBytes <= sb.transferKB * 1024 && r.cls <= sb.cls),
            },
      );
  const measured = site.pages.filter((p) => !p.error);
  const heaviest = [...measured].sort((a, b) => b.transferBytes - a.transferBytes)[0];
  return [
    { title: 'Example site: Lighthouse, mobile (simulated slow 4G, 4× CPU), Debian Chromium', rows: lighthouse },
    {
      title: 'Example site: page weight (bytes on the wire, fresh browser, 412px wide) and layout shift',
      where: 'console',
      rows: site.pages.map((p) => (p.error ? { page: p.page, error: p.error } : { page: p.page, requests: p.requests, transfer: kb(p.transferBytes), CLS: p.cls, 'within budget': within(pageOk(p)) })),
    },
    {
      title: 'Example site: page weight of every page (bytes on the wire, fresh browser) and layout shift',
      where: 'readme',
      rows: [
        {
          pages: site.pages.length,
          'within budget': `${measured.filter(pageOk).length} (≤ ${sb.transferKB} kB, CLS ${sb.cls})`,
          'could not load': site.pages.length - measured.length,
          heaviest: heaviest ? `${heaviest.page} ${kb(heaviest.transferBytes)}` : '',
          'largest CLS': measured.length ? Math.max(...measured.map((p) => p.cls)) : '',
        },
      ],
    },
  ];
}

/** Every table, in the order `npm run bench` prints them. */
export function benchTables(report) {
  return [...sizeTables(report), ...graphTables(report), ...renderTables(report), ...apiTables(report.api), ...importTables(report.imports), ...siteTables(report)].map((t) => ({ where: 'both', ...t }));
}
