import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The API's folders as rules, checked on every import under src/ (static, re-exports and
 * dynamic `import()`), so the layout in the README stays true:
 *
 * - A domain (addresses, waste, repairs, directory) imports nothing from another domain. It may
 *   use the shared request pipeline (`http/`), the database (`db/`) and the neutral modules at
 *   the top (clock, config, notify, logger, random). What two domains share lives in one of
 *   those, or is put together by a composition root (app.ts, server.ts, seed.ts, the commands).
 * - `http/`, `db/` and the neutral modules import no domain; `db/` imports nothing outside `db/`.
 * - The demo data package (`@council-kit/contracts/fixtures`) is for seeds only (and tests,
 *   which are not scanned).
 * - Nothing imports the browser package (`@council-kit/core`), seeds included: the API does not
 *   depend on it or on Lit, and reads its requests with `@council-kit/contracts`.
 */

const src = fileURLToPath(new URL('../src/', import.meta.url));

export const domains = ['addresses', 'waste', 'repairs', 'directory'] as const;
/** Top-level modules any part of the API may use: no domain knowledge in them. */
export const neutralModules = ['clock.ts', 'config.ts', 'garden-config.ts', 'notify.ts', 'logger.ts', 'random.ts', 'redact.ts'] as const;
/**
 * Folders of shared machinery (the back-office outbox; the outside sources' config, command
 * runner, cache and problems): ruled as neutral modules, so every domain may use them.
 */
export const sharedFolders = ['handoff', 'sources'] as const;

/**
 * Imports of `@council-kit/core` allowed while a move is pending: none since the validators
 * moved to `@council-kit/contracts`. Delete an entry once its move is done, and every import it
 * allowed is flagged.
 */
export const allowedCoreImports: readonly { name: string; specifier: string }[] = [];

export interface SourceImport {
  /** The importing file, relative to src/ with forward slashes: `waste/routes.ts`. */
  file: string;
  /** As written: `../http/problems.js`, `@council-kit/contracts`. */
  specifier: string;
}

type Area = { kind: 'domain'; name: string } | { kind: 'http' } | { kind: 'db' } | { kind: 'neutral' } | { kind: 'root' };

/** Where a file (relative to src/) sits in the layout. */
function areaOf(file: string): Area {
  const [top, ...rest] = file.split('/');
  if (!rest.length) return (neutralModules as readonly string[]).includes(top!) ? { kind: 'neutral' } : { kind: 'root' };
  if ((domains as readonly string[]).includes(top!)) return { kind: 'domain', name: top! };
  if ((sharedFolders as readonly string[]).includes(top!)) return { kind: 'neutral' };
  if (top === 'http') return { kind: 'http' };
  if (top === 'db') return { kind: 'db' };
  return { kind: 'root' };
}

/** Seed files: `seed.ts` at the top, and `seed.ts` / `seed-*.ts` in a domain. */
const isSeed = (file: string): boolean => /(^|\/)seed(-[a-z-]+)?\.ts$/.test(file);

/** The file (relative to src/) a relative specifier names, `.js` read as the `.ts` beside it. */
function resolve(from: string, specifier: string): string {
  return path.posix.join(path.posix.dirname(from), specifier).replace(/\.js$/, '.ts');
}

/** Every broken rule, as readable lines (empty when the layout holds). */
export function violations(imports: readonly SourceImport[]): string[] {
  const out: string[] = [];
  for (const { file, specifier } of imports) {
    const from = areaOf(file);
    const say = (why: string) => out.push(`${file} imports ${specifier}: ${why}`);

    if (specifier === '@council-kit/contracts/fixtures' || specifier.startsWith('@council-kit/contracts/fixtures/')) {
      if (!isSeed(file)) say('demo fixtures are for seed files (seed.ts, seed-*.ts) and tests only');
      continue;
    }
    if (specifier === '@council-kit/core' || specifier.startsWith('@council-kit/core/')) {
      if (!allowedCoreImports.some((entry) => entry.specifier === specifier)) {
        say('the API does not depend on the browser package @council-kit/core (use @council-kit/contracts)');
      }
      continue;
    }
    if (!specifier.startsWith('.')) continue;

    const target = resolve(file, specifier);
    if (target.startsWith('..')) {
      say('imports from outside src/');
      continue;
    }
    const to = areaOf(target);
    if (from.kind === 'db' && to.kind !== 'db') say('db/ holds the connection, schema and migrations, and imports nothing outside db/');
    else if (from.kind === 'domain' && to.kind === 'domain' && to.name !== from.name) {
      say(`domain ${from.name} imports domain ${to.name}; share through http/, db/ or a neutral module, or put them together in a composition root`);
    } else if (from.kind !== 'root' && to.kind === 'root') say(`${target} is a composition root; only other roots import it`);
    else if ((from.kind === 'http' || from.kind === 'neutral') && to.kind === 'domain') say(`${from.kind === 'http' ? 'http/' : 'a neutral module'} imports no domain`);
  }
  return out;
}

/** The imports of every .ts file under src/. */
function sourceImports(): SourceImport[] {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.ts'));
  return files.flatMap((file) =>
    ts.preProcessFile(readFileSync(path.join(src, file), 'utf8'), true, true).importedFiles.map(({ fileName }) => ({ file, specifier: fileName })),
  );
}

describe('the API reads like its domains', () => {
  const imports = sourceImports();

  it('finds the source files and their imports', () => {
    expect(imports.length).toBeGreaterThan(100);
    for (const domain of domains) expect(imports.some(({ file }) => file.startsWith(`${domain}/`))).toBe(true);
  });

  it('keeps every import under src/ to the layout', () => {
    expect(violations(imports)).toEqual([]);
  });

  it('catches each kind of broken rule', () => {
    expect(
      violations([
        { file: 'repairs/service.ts', specifier: '../waste/text.js' },
        { file: 'handoff/outbox.ts', specifier: '../waste/repository.js' },
        { file: 'db/schema.ts', specifier: '../config.js' },
        { file: 'db/seed.ts', specifier: '../directory/rows.js' },
        { file: 'http/json-command.ts', specifier: '../repairs/problems.js' },
        { file: 'notify.ts', specifier: './waste/service.js' },
        { file: 'waste/routes.ts', specifier: '../app.js' },
        { file: 'repairs/catalogue-store.ts', specifier: '@council-kit/contracts/fixtures' },
        { file: 'waste/service.ts', specifier: '@council-kit/core' },
        { file: 'waste/service.ts', specifier: '@council-kit/core/http' },
        { file: 'waste/requests.ts', specifier: '@council-kit/core/validators' },
        { file: 'repairs/seed.ts', specifier: '@council-kit/core' },
      ]),
    ).toHaveLength(12);
    expect(
      violations([
        { file: 'repairs/seed.ts', specifier: './seed-catalogue.js' },
        { file: 'repairs/seed-catalogue.ts', specifier: '@council-kit/contracts/fixtures' },
        { file: 'waste/routes.ts', specifier: '../http/json-command.js' },
        { file: 'waste/service.ts', specifier: '../notify.js' },
        { file: 'directory/seed-data.ts', specifier: '../random.js' },
        { file: 'seed.ts', specifier: './waste/seed-data.js' },
        { file: 'app.ts', specifier: './repairs/routes.js' },
        { file: 'db/migrations/columns.ts', specifier: '../database.js' },
        { file: 'waste/requests.ts', specifier: '@council-kit/contracts' },
        { file: 'waste/service.ts', specifier: '../handoff/outbox.js' },
      ]),
    ).toEqual([]);
  });
});
