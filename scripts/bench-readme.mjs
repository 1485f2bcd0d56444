// Writes the latest bench tables into README.md, between `<!-- bench:start -->` and
// `<!-- bench:end -->`, with the date and machine they came from. `npm run bench` calls it;
// `node scripts/bench-readme.mjs` rewrites the section from the last reports/bench.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchTables } from './bench-tables.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Markdown text: `<tag>` shown, not taken for HTML. */
const text = (value) => String(value ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
const cell = (value) => text(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdownTable(rows) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => cell(row[c])).join(' | ')} |`),
  ].join('\n');
}

/** The README section for `report`. */
export function benchMarkdown(report) {
  const m = report.machine;
  const when = `${report.date.slice(0, 16).replace('T', ' ')} UTC`;
  const load = m.loadAverage ? `; load average ${m.loadAverage} when it started` : '';
  const lines = [
    `Latest \`npm run bench\`: ${when}, on ${m.cpus} × ${m.model} cores, ${m.memoryGiB} GiB, Node ${m.node.replace(/^v/, '')}, ${m.browser ?? 'Chromium'}${load}; ` +
      `the run took ${Math.round(report.durationSeconds / 60)} min. The cores were shared with other jobs, so timings are noisy: read them as ` +
      'orders of magnitude, not as a regression signal. Sizes do not depend on the machine.',
  ];
  for (const table of benchTables(report).filter((t) => t.where !== 'console')) {
    lines.push('', `**${text(table.title)}**`, '');
    if (table.note) lines.push(text(table.note), '');
    lines.push(markdownTable(table.rows));
  }
  return lines.join('\n');
}

/** Replaces the README's bench section with `report`'s tables. */
export function writeBenchReadme(report) {
  const file = `${root}/README.md`;
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  writeFileSync(file, `${readme.slice(0, start + START.length)}\n${benchMarkdown(report)}\n${readme.slice(end)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeBenchReadme(JSON.parse(readFileSync(`${root}/reports/bench.json`, 'utf8')));
  console.log('README.md: bench section rewritten from reports/bench.json');
}
