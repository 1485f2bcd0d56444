// The size budget gate in `npm test`: fails when an element outgrows DESIGN.md's budgets.
// Writes reports/size.json so the test summary counts each budget as a check.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { budgets, elements, measureAutoloader, measureCdn, measureElement } from './sizes.mjs';

/**
 * The elements whose page through the autoloader is still over the 17 kB target, each with the
 * ceiling it may not grow past and why it is over (scripts/size-debt.json). Every other element
 * is held to the target. The list only shrinks: an element that meets the target fails the check
 * until its entry is removed, and a new entry needs a reason in review. No other budget has one.
 * @type {Record<string, { ceiling: number, why: string }>}
 */
const debt = JSON.parse(readFileSync(new URL('size-debt.json', import.meta.url), 'utf8'));

const checks = [];
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
function check(name, bytes, budget, label = name, limit = `budget ${budget} B`) {
  const ok = bytes <= budget;
  checks.push({ name, bytes, budget, ok });
  console.log(`${ok ? '✓' : '✗'} ${label}: ${bytes} B (${limit})`);
}
function missing(name, why) {
  checks.push({ name, bytes: 0, budget: 0, ok: false });
  console.log(`✗ ${name} missing: ${why}`);
}

for (const element of elements) {
  const size = await measureElement(element);
  for (const kind of ['own', 'withLitAndCore']) check(`${element.tag} ${kind}`, size[kind], budgets[kind]);
}

const build = 'build @council-kit/elements first (npx turbo run build --filter=@council-kit/elements...)';
// Every element at once, each file compressed on its own as a server sends it.
const cdn = measureCdn();
if (cdn) check('CDN bundle', cdn.servedBrotli, budgets.cdn, `CDN bundle (every element, ${cdn.files.length} files as served)`);
else missing('CDN bundle', build);

// Through the autoloader: the autoloader, and a page with one element (autoloader + the
// element's module + the chunks it imports, each file compressed on its own as served).
const auto = measureAutoloader();
if (auto) {
  check('CDN autoloader', auto.autoloader.brotli, budgets.autoloader);
  for (const page of auto.pages) {
    const name = `${page.element} through the autoloader`;
    if (page.missing) {
      missing(name, `cdn/${page.missing} (add it to packages/elements/src/cdn/tags.ts and tsup.cdn.config.ts)`);
      continue;
    }
    const label = `${name} (${page.files.length} files, ${kB(page.brotli)})`;
    const owed = debt[page.element];
    if (!owed) check(name, page.brotli, budgets.autoloaderPage, label);
    else if (page.brotli <= budgets.autoloaderPage) {
      checks.push({ name, bytes: page.brotli, budget: budgets.autoloaderPage, ok: false });
      console.log(`✗ ${label}: ${page.brotli} B meets the ${budgets.autoloaderPage} B target: remove its entry from scripts/size-debt.json`);
    } else {
      check(name, page.brotli, owed.ceiling, label, `ceiling ${owed.ceiling} B`);
      const over = `over the 17 kB target by ${page.brotli - budgets.autoloaderPage} B (tracked in scripts/size-debt.json)`;
      console.log(`  ${over}${page.brotli > owed.ceiling ? ', and past its ceiling there: the list only shrinks, so cut it back' : ''}`);
    }
  }
  for (const tag of Object.keys(debt).filter((tag) => !elements.some((e) => e.tag === tag))) {
    checks.push({ name: `size-debt.json: ${tag}`, bytes: 0, budget: 0, ok: false });
    console.log(`✗ scripts/size-debt.json lists ${tag}, which is not an element: remove it`);
  }
} else {
  missing('CDN autoloader', build);
}

mkdirSync('reports', { recursive: true });
writeFileSync('reports/size.json', JSON.stringify({ checks }, null, 2));
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
