// Writes openapi/council-api.json from the contracts' schemas (src/openapi/document.ts).
//   npm run openapi --workspace @council-kit/contracts            write it
//   npm run openapi --workspace @council-kit/contracts -- --check fail if it is out of date
// (src/openapi/openapi.test.ts makes the same check in `npm test`.)
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = `${root}openapi/council-api.json`;

const bundle = await build({ entryPoints: [`${root}src/openapi/document.ts`], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
const { openApiDocument, formatDocument } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
const text = formatDocument(openApiDocument());

if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error('openapi/council-api.json is not what the schemas make: run `npm run openapi --workspace @council-kit/contracts` and commit it.');
    process.exit(1);
  }
  console.log('openapi/council-api.json is up to date.');
} else {
  await writeFile(file, text);
  console.log(`Wrote ${file}`);
}
