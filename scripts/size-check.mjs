// The size budget gate in `npm test`: fails when an element outgrows DESIGN.md's budgets.
// Writes reports/size.json so the test summary counts each budget as a check.
import { mkdirSync, writeFileSync } from 'node:fs';
import { budgets, elements, measureCdn, measureElement } from './sizes.mjs';

const checks = [];
for (const element of elements) {
  const size = await measureElement(element);
  for (const kind of ['own', 'withLitAndCore']) {
    const ok = size[kind] <= budgets[kind];
    checks.push({ name: `${element.tag} ${kind}`, bytes: size[kind], budget: budgets[kind], ok });
    console.log(`${ok ? '✓' : '✗'} ${element.tag} ${kind}: ${size[kind]} B (budget ${budgets[kind]} B)`);
  }
}
const cdn = measureCdn();
if (cdn) {
  const ok = cdn.brotli <= budgets.cdn;
  checks.push({ name: 'CDN bundle', bytes: cdn.brotli, budget: budgets.cdn, ok });
  console.log(`${ok ? '✓' : '✗'} CDN bundle (every element): ${cdn.brotli} B (budget ${budgets.cdn} B)`);
} else {
  checks.push({ name: 'CDN bundle', bytes: 0, budget: budgets.cdn, ok: false });
  console.log('✗ CDN bundle missing: build @council-kit/elements first');
}
mkdirSync('reports', { recursive: true });
writeFileSync('reports/size.json', JSON.stringify({ checks }, null, 2));
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
