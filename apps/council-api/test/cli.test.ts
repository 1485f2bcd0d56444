import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { runCli } from '../src/cli/commands.js';
import { formatReport, PROBLEMS_SHOWN, runImport } from '../src/cli/import.js';
import { createDatabase } from '../src/db/database.js';
import { readSource, SourceError } from '../src/imports/read-source.js';
import { importers, type ImportContext, type Importer } from '../src/imports/registry.js';
import { capture } from './cli-io.js';
import { tempDir } from './helpers.js';
import { TODAY } from './dates.js';
import { testDatabase, type TestDatabase } from './test-database.js';

// The command line in-process, on an empty database of the suite's kind (a SQLite file, or a
// fresh PostgreSQL database): what `npx council-api …` runs, minus the process.

let database: TestDatabase | undefined;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  await database?.cleanup();
  database = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function emptyDatabase(): Promise<string> {
  database = await testDatabase({ fromTemplate: false });
  return database.url;
}

async function count(url: string, table: 'addresses' | 'waste_rounds' | 'services'): Promise<number> {
  const db = createDatabase(url);
  try {
    const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  } finally {
    await db.destroy();
  }
}

describe('council-api', () => {
  it('prints its usage for --help, and on stderr with exit 2 for no command or an unknown one', async () => {
    const help = capture();
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.stdout.join('\n')).toMatch(/serve[\s\S]*migrate \[--status\][\s\S]*seed --demo[\s\S]*import <kind> <file-or-url>/);

    for (const argv of [[], ['serv'], ['constructor'], ['--port', '80']]) {
      const io = capture();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.stdout).toEqual([]);
      expect(io.stderr.join('\n')).toMatch(/Usage: council-api <command>/);
    }
  });

  it('gives each command its own --help', async () => {
    for (const [command, says] of [
      ['serve', /COUNCIL_DEMO=anytown/],
      ['migrate', /--status/],
      ['seed', /--demo/],
      ['import', /Kinds: /],
      ['purge', /RETENTION_DAYS/],
    ] as const) {
      const io = capture();
      expect(await runCli([command, '--help'], io), command).toBe(0);
      expect(io.stdout.join('\n')).toMatch(says);
      expect(io.stderr).toEqual([]);
    }
  });

  it('refuses options a command does not have, with its usage (exit 2), and does nothing', async () => {
    const url = await emptyDatabase();
    for (const argv of [['migrate', '--stauts'], ['seed', '--demo', 'please'], ['seed'], ['serve', '--port', '80'], ['purge', 'now']]) {
      const io = capture({ DATABASE_URL: url });
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.stderr.join('\n')).toMatch(new RegExp(`Usage: council-api ${argv[0]}`));
    }
    const status = capture({ DATABASE_URL: url });
    expect(await runCli(['migrate', '--status'], status)).toBe(1);
    expect(status.stdout.join('\n')).toMatch(/: \d+ pending \(0001-addresses/);
  });
});

describe('council-api migrate', () => {
  it('migrates, says so, and then --status says the database is current (exit 0)', async () => {
    const url = await emptyDatabase();
    const before = capture({ DATABASE_URL: url });
    expect(await runCli(['migrate', '--status'], before)).toBe(1);

    const migrate = capture({ DATABASE_URL: url });
    expect(await runCli(['migrate'], migrate)).toBe(0);
    expect(migrate.stdout.join('\n')).toMatch(/^Applied 0001-addresses, .+ to /);

    const again = capture({ DATABASE_URL: url });
    expect(await runCli(['migrate'], again)).toBe(0);
    expect(again.stdout.join('\n')).toMatch(/is up to date\.$/);

    const after = capture({ DATABASE_URL: url });
    expect(await runCli(['migrate', '--status'], after)).toBe(0);
    expect(after.stdout.join('\n')).toMatch(/: 0 pending, 0 unknown\.$/);
  });

  it('never prints a PostgreSQL password, even when it cannot connect', async () => {
    const io = capture({ DATABASE_URL: 'postgres://council:s3cret-pass@127.0.0.1:1/council' });
    expect(await runCli(['migrate', '--status'], io)).toBe(1);
    expect([...io.stdout, ...io.stderr].join('\n')).not.toContain('s3cret-pass');
    expect(io.stderr.join('\n')).toMatch(/^migrate: /);
  });

  it('refuses a bad configuration with the variable named (exit 1)', async () => {
    const io = capture({ DATABASE_URL: 'x.sqlite', COUNCIL_DEMO: 'bristol' });
    expect(await runCli(['migrate'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/COUNCIL_DEMO must be anytown/);
  });
});

describe('council-api seed --demo', () => {
  it('loads the Anytown demo into an empty database, and adds no second copy', async () => {
    const url = await emptyDatabase();
    const io = capture({ DATABASE_URL: url, COUNCIL_TODAY: TODAY });
    expect(await runCli(['seed', '--demo'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^Seeded .+ with \d+ addresses and the example data\.$/);
    const addresses = await count(url, 'addresses');
    expect(addresses).toBeGreaterThan(10);
    expect(await count(url, 'waste_rounds')).toBeGreaterThan(0);
    expect(await count(url, 'services')).toBeGreaterThan(0);

    const again = capture({ DATABASE_URL: url, COUNCIL_TODAY: TODAY });
    expect(await runCli(['seed', '--demo'], again)).toBe(0);
    expect(again.stdout.join('\n')).toMatch(/already holds addresses/);
    expect(await count(url, 'addresses')).toBe(addresses);
  });
});

describe('council-api import', () => {
  /** A stand-in importer: reads its source as the real ones do, one record a line, "bad" lines skipped. */
  const lines: Importer = async ({ source, options, db }: ImportContext) => {
    const text = await readSource(source);
    const rows = text.split('\n').filter(Boolean);
    const problems = rows.flatMap((row, i) => (row.startsWith('bad') ? [{ line: i + 1, message: `"${row}" is not a record` }] : []));
    // The context's database is migrated and usable.
    await db.selectFrom('addresses').select('uprn').limit(1).execute();
    seen.push(options);
    return { kind: 'lines', imported: rows.length - problems.length, skipped: problems.length, problems };
  };
  const seen: ImportContext['options'][] = [];
  const fake = { lines };

  function file(text: string): string {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'source.txt');
    writeFileSync(path, text);
    return path;
  }

  it('runs the kind\'s importer with the options after the source, prints counts then problems with line numbers', async () => {
    const url = await emptyDatabase();
    const io = capture({ DATABASE_URL: url });
    const source = file('one\nbad two\nthree\nbad four\n');
    expect(await runImport(['lines', source, '--mapping', 'columns.json', '--replace', '--division=scotland'], io, fake)).toBe(0);
    expect(seen.at(-1)).toEqual({ mapping: 'columns.json', replace: true, division: 'scotland' });
    expect(io.stdout).toEqual(['lines: 2 imported, 2 skipped.', '  line 2: "bad two" is not a record', '  line 4: "bad four" is not a record']);
  });

  it('exits 1 when nothing was imported, and when the source cannot be read (naming it, no stack)', async () => {
    const url = await emptyDatabase();
    const nothing = capture({ DATABASE_URL: url });
    expect(await runImport(['lines', file('bad\n')], nothing, fake)).toBe(1);
    expect(nothing.stdout).toEqual(['lines: 0 imported, 1 skipped.', '  line 1: "bad" is not a record', 'Nothing was imported from this source.']);

    const missing = capture({ DATABASE_URL: url });
    expect(await runImport(['lines', '/no/such/file.csv'], missing, fake)).toBe(1);
    expect(missing.stderr).toEqual(['import lines: could not read the source: /no/such/file.csv: no such file']);

    const failing = capture({ DATABASE_URL: url });
    const broken: Importer = () => Promise.reject(new SourceError('https://example.invalid/x.csv: answered 500'));
    expect(await runImport(['broken', 'https://example.invalid/x.csv'], failing, { broken })).toBe(1);
    expect(failing.stderr.join('\n')).toMatch(/could not read the source: .*answered 500/);
    expect(failing.stderr.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('lists at most the first problems, then how many more', () => {
    const problems = Array.from({ length: 300 }, (_, i) => ({ line: i + 2, message: 'no postcode' }));
    const lines = formatReport({ kind: 'addresses', imported: 10, skipped: 1000, problems });
    expect(lines[0]).toBe('addresses: 10 imported, 1000 skipped.');
    expect(lines).toHaveLength(1 + PROBLEMS_SHOWN + 1);
    expect(lines[1]).toBe('  line 2: no postcode');
    expect(lines.at(-1)).toBe(`  …and ${1000 - PROBLEMS_SHOWN} more.`);
  });

  it('answers an unknown kind or a missing source with the usage and the known kinds (exit 2)', async () => {
    for (const argv of [[], ['lines'], ['nope', 'file.csv'], ['lines', 'a.csv', 'b.csv']]) {
      const io = capture({ DATABASE_URL: 'unused.sqlite' });
      expect(await runImport(argv, io, fake), argv.join(' ')).toBe(2);
      expect(io.stderr.join('\n')).toMatch(/Usage: council-api import <kind>[\s\S]*Kinds: lines$/);
    }
    const none = capture();
    expect(await runImport(['addresses', 'file.csv'], none, {})).toBe(2);
    expect(none.stderr.join('\n')).toMatch(/none are available yet[\s\S]*Kinds: none in this version yet/);
  });

  it('imports a council\'s address file through the registry: counts, the bad line by number, exit 0; a file with no good row exits 1', async () => {
    const url = await emptyDatabase();
    const header = 'UPRN,PAO_START_NUMBER,STREET_DESCRIPTION,TOWN_NAME,POSTCODE,X_COORDINATE,Y_COORDINATE';
    const io = capture({ DATABASE_URL: url });
    const good = file(`${header}\n200000000001,1,HIGH STREET,ANYTOWN,AN1 1AA,530120,180250\n200000000002,3,HIGH STREET,ANYTOWN,AN1 1AA,530135,180255\n200000000003,5,HIGH STREET,ANYTOWN,NOT A POSTCODE,530150,180260\n`);
    expect(await runCli(['import', 'addresses', good], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^addresses: 2 imported, 1 skipped\.$/);
    expect(io.stdout.join('\n')).toMatch(/^ {2}line 4: /m);
    expect(await count(url, 'addresses')).toBe(2);

    const bad = capture({ DATABASE_URL: url });
    expect(await runCli(['import', 'addresses', file(`${header}\n200000000004,7,HIGH STREET,ANYTOWN,NOT A POSTCODE,530150,180260\n`)], bad)).toBe(1);
    expect([...bad.stdout, ...bad.stderr].join('\n')).toMatch(/addresses/);
    expect(await count(url, 'addresses')).toBe(2);
  });

  it('knows the kinds in the registry', async () => {
    const io = capture();
    expect(await runCli(['import', '--help'], io)).toBe(0);
    const kinds = Object.keys(importers).sort();
    expect(io.stdout.join('\n')).toContain(`Kinds: ${kinds.length ? kinds.join(', ') : 'none in this version yet'}`);
  });
});

describe('generic options', () => {
  it('reads --name value, --name=value and --flag, keeping positionals in order', () => {
    expect(parseArgs(['a', '--x', '1', 'b', '--y', '--z=2', '--w'])).toEqual({ positionals: ['a', 'b'], options: { x: '1', y: true, z: '2', w: true } });
    expect(parseArgs(['-h', '--', '--not-an-option'])).toEqual({ positionals: ['--not-an-option'], options: { help: true } });
  });
});
