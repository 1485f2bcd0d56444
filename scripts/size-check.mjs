// The size budget gate in `npm test`: fails when an element outgrows DESIGN.md's budgets.
// Writes reports/size.json so the test summary counts each budget as a check.
import { mkdirSync, writeFileSync } from 'node:fs';
import { budgets, elements, measureAutoloader, measureCdn, measureElement } from './sizes.mjs';

const checks = [];
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
function check(name, bytes, budget, label = name) {
  const ok = bytes <= budget;
  checks.push({ name, bytes, budget, ok });
  console.log(`${ok ? '✓' : '✗'} ${label}: ${bytes} B (budget ${budget} B)`);
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
    if (page.missing) missing(`${page.element} through the autoloader`, `cdn/${page.missing} (add it to packages/elements/src/cdn/tags.ts and tsup.cdn.config.ts)`);
    else check(`${page.element} through the autoloader`, page.brotli, budgets.autoloaderPage, `${page.element} through the autoloader (${page.files.length} files, ${kB(page.brotli)})`);
  }
} else {
  missing('CDN autoloader', build);
}

mkdirSync('reports', { recursive: true });
writeFileSync('reports/size.json', JSON.stringify({ checks }, null, 2));
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
