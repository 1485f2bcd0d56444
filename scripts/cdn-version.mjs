// The READMEs' CDN examples pin the @council-kit/elements version: the one in
// packages/elements/package.json, which is the version published last (on main) or the one about
// to be published (after `changeset version`). `npm run release:version` runs this after
// `changeset version`, so a release updates the examples with the version it publishes.
//
//   node scripts/cdn-version.mjs [dir]           rewrite every example to that version
//   node scripts/cdn-version.mjs --check [dir]   list the examples that name another; exit 1 if any
//
// Exact versions, not ranges (`@council-kit/elements@0/…`): the CDN build is split into chunks
// with content-hashed names that import each other by relative URL, and jsDelivr resolves a
// range URL per file, so across a release a page could get a cached module from one version
// asking for a chunk only the other has. An exact version is also what Subresource Integrity needs.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.resolve(import.meta.dirname, '..'));

/** `@council-kit/elements@<exact version>/` in a URL. */
const cdnVersionPattern = /(@council-kit\/elements@)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?=\/)/g;

/** The Markdown files that may show CDN URLs: the READMEs and docs/. */
function documents() {
  const found = ['README.md', ...readdirSync(path.join(root, 'packages')).map((dir) => `packages/${dir}/README.md`)];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.md')) found.push(file);
    }
  };
  try {
    walk('docs');
  } catch {
    // no docs folder
  }
  return found.filter((file) => {
    try {
      readFileSync(path.join(root, file));
      return true;
    } catch {
      return false;
    }
  });
}

const version = JSON.parse(readFileSync(path.join(root, 'packages/elements/package.json'), 'utf8')).version;
const stale = [];
let examples = 0;
for (const file of documents()) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const updated = text.replace(cdnVersionPattern, (match, prefix, named, offset) => {
    examples += 1;
    if (named !== version) stale.push(`${file}:${text.slice(0, offset).split('\n').length} names ${named}`);
    return `${prefix}${version}`;
  });
  if (!checkOnly && updated !== text) writeFileSync(path.join(root, file), updated);
}

if (checkOnly) {
  if (stale.length) console.log(`CDN examples not at @council-kit/elements@${version}:\n  ${stale.join('\n  ')}`);
  else console.log(`${examples} CDN examples name @council-kit/elements@${version}`);
  process.exitCode = stale.length || examples === 0 ? 1 : 0;
} else {
  console.log(`${examples} CDN examples name @council-kit/elements@${version}${stale.length ? ` (${stale.length} updated)` : ''}`);
}
