// The size budget gate in `npm test`: fails when an element outgrows DESIGN.md's budgets.
// Writes reports/size.json so the test summary counts each budget as a check.
import { mkdirSync, writeFileSync } from 'node:fs';
import { budgets, elements, measureElement } from './sizes.mjs';

const checks = [];
for (const element of elements) {
  const size = await measureElement(element);
  for (const kind of ['own', 'withLitAndCore']) {
    const ok = size[kind] <= budgets[kind];
    checks.push({ name: `${element.tag} ${kind}`, bytes: size[kind], budget: budgets[kind], ok });
    console.log(`${ok ? '✓' : '✗'} ${element.tag} ${kind}: ${size[kind]} B (budget ${budgets[kind]} B)`);
  }
}
mkdirSync('reports', { recursive: true });
writeFileSync('reports/size.json', JSON.stringify({ checks }, null, 2));
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
