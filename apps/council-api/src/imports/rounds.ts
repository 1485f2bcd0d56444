import { sql } from 'kysely';
import type { WasteRoundsTable } from '../db/schema.js';
import { refreshHolidayChanges } from '../waste/holidays.js';
import { ImportError } from './import-error.js';
import { readSource } from './read-source.js';
import { recordImport, sourceName } from './record-import.js';
import type { ImportContext, ImportProblem, ImportReport } from './registry.js';
import { readPropertyRounds, readRounds, readServices } from './rounds-csv.js';

const BATCH = 500;

/**
 * `council-api import rounds rounds.csv --properties property-rounds.csv [--services services.csv]`:
 * replaces the collection rounds and which property each round serves, in one transaction, and
 * recomputes the bank-holiday moves from `BANK_HOLIDAY_DIVISION`'s holidays. Services in the
 * services file are added or updated (never deleted: past reports name them). Bad rows are
 * reported by file and line and skipped; a file with no good row changes nothing.
 */
export async function importRounds(context: ImportContext): Promise<ImportReport> {
  const { db, options } = context;
  if (typeof options.properties !== 'string') {
    throw new ImportError('--properties FILE is needed: the UPRN → round file (see the README’s “Connect your data”)');
  }
  if (options.services !== undefined && typeof options.services !== 'string') throw new ImportError('--services needs a file');
  const roundsName = sourceName(context.source);
  const propertiesName = sourceName(options.properties);
  const problems: ImportProblem[] = [];
  let skipped = 0;

  const services = typeof options.services === 'string' ? readServices(await readSource(options.services), sourceName(options.services)) : undefined;
  const known = await db.selectFrom('waste_services').select('id').execute();
  const serviceIds = new Set([...known.map((s) => s.id), ...(services?.rows.map((s) => s.id) ?? [])]);
  if (services) {
    problems.push(...services.problems);
    skipped += services.skipped;
  }

  const rounds = readRounds(await readSource(context.source), roundsName, serviceIds);
  problems.push(...rounds.problems);
  skipped += rounds.skipped;
  if (!rounds.rows.length) throw new ImportError(`${roundsName}: no round could be imported${firstProblem(rounds.problems)}; nothing was changed`);
  const byId = new Map<string, WasteRoundsTable>(rounds.rows.map((round) => [round.id, round]));

  const uprns = new Set((await db.selectFrom('addresses').select('uprn').execute()).map((a) => a.uprn));
  const properties = readPropertyRounds(await readSource(options.properties), propertiesName, byId, uprns);
  problems.push(...properties.problems);
  skipped += properties.skipped;
  if (!properties.rows.length) {
    throw new ImportError(`${propertiesName}: no property could be put on a round${firstProblem(properties.problems)}; nothing was changed`);
  }

  const report: ImportReport = {
    kind: 'rounds',
    imported: (services?.rows.length ?? 0) + rounds.rows.length + properties.rows.length,
    skipped,
    problems,
  };
  await db.transaction().execute(async (trx) => {
    if (services?.rows.length) {
      await trx
        .insertInto('waste_services')
        .values(services.rows)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            name_en: sql`excluded.name_en`,
            name_cy: sql`excluded.name_cy`,
            container_type: sql`excluded.container_type`,
            container_colour: sql`excluded.container_colour`,
            container_lid_colour: sql`excluded.container_lid_colour`,
            charged: sql`excluded.charged`,
            sort_order: sql`excluded.sort_order`,
          }),
        )
        .execute();
    }
    // Every property's rounds go, then rounds not in the file (their crews' states and own moves cascade).
    await trx.deleteFrom('waste_property_rounds').execute();
    for (let i = 0; i < rounds.rows.length; i += BATCH) {
      await trx
        .insertInto('waste_rounds')
        .values(rounds.rows.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({ service_id: sql`excluded.service_id`, every_weeks: sql`excluded.every_weeks`, anchor: sql`excluded.anchor` }),
        )
        .execute();
    }
    const existing = await trx.selectFrom('waste_rounds').select('id').execute();
    const gone = existing.map((r) => r.id).filter((id) => !byId.has(id));
    for (let i = 0; i < gone.length; i += BATCH) await trx.deleteFrom('waste_rounds').where('id', 'in', gone.slice(i, i + BATCH)).execute();
    for (let i = 0; i < properties.rows.length; i += BATCH) {
      await trx.insertInto('waste_property_rounds').values(properties.rows.slice(i, i + BATCH)).execute();
    }
    await refreshHolidayChanges(trx, context.config.bankHolidayDivision ?? 'england-and-wales', context.clock.today());
    await recordImport(trx, context.source, report, context.clock.now());
  });
  context.logger.info('rounds imported', {
    services: services?.rows.length ?? 0,
    rounds: rounds.rows.length,
    properties: properties.rows.length,
    skipped,
  });
  return report;
}

function firstProblem(problems: readonly ImportProblem[]): string {
  const first = problems[0];
  return first ? ` (${first.line ? `line ${first.line}: ` : ''}${first.message})` : '';
}
