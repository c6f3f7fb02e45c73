import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { displayCode } from './hs-codes.ts';
import { sha256 } from './shipped-files.ts';
import { readTariffFile, type TariffFile, type TariffProblem } from './tariff-file.ts';
import { lockTariffVersions, storeTariffVersion, subheadingCodes, type StoreOptions, type StoredTariff } from './tariff-store.ts';

export interface ImportOptions extends Omit<StoreOptions, 'sourceSha256'> {
  /** From the command line: they win over the file's own `# label:` and `# valid_from:`. */
  label?: string | undefined;
  validFrom?: string | undefined;
}

/**
 * The refusal of a tariff file: every problem, each pointing at its line and column
 * (`lines[12].band`, the file's own 1-based line numbers), with its own message key.
 */
export function tariffFileInvalid(problems: readonly TariffProblem[]): AppError {
  const fields = problems.map((problem) => {
    const params = { ...problem.params, line: problem.line, ...('nationalLine' in problem.params ? { nationalLine: displayCode(String(problem.params.nationalLine)) } : {}) };
    return { path: `lines[${problem.line}].${problem.field}`, code: problem.code, messageKey: `errors.${problem.code}`, params };
  });
  return new AppError(422, 'tariff_file_invalid', { count: problems.length }, { fields });
}

/** Checks the whole file against the nomenclature; throws the list of problems, or returns the file ready to store. */
async function checkedFile(db: Db | Trx, text: string, options: ImportOptions): Promise<TariffFile> {
  const reading = readTariffFile(text, { subheadings: await subheadingCodes(db), label: options.label, validFrom: options.validFrom });
  if (!reading.ok) throw tariffFileInvalid(reading.problems);
  return reading.file;
}

/** `guichet tariff import`: the file checked in full first, then stored in one transaction (tariff-store.ts). */
export async function importTariff(db: Db, text: string, options: ImportOptions): Promise<StoredTariff> {
  const file = await checkedFile(db, text, options);
  const stored = await db.transaction().execute((trx) => storeTariffVersion(trx, file, { ...options, sourceSha256: sha256(text) }));
  await refreshStatistics(db);
  return stored;
}

/**
 * The planner's statistics of the searched tables, after a load: without them the HS search's
 * plans were 3–5 times slower (PGlite runs no autovacuum, and PostgreSQL's comes later).
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await sql`analyze customs_hs_nomenclature, customs_tariff_lines`.execute(db);
}

/** The shipped tariff as the first version, inside the reference loader's transaction; null when a version already exists. */
export async function importFirstTariff(trx: Trx, text: string, options: ImportOptions): Promise<StoredTariff | null> {
  await lockTariffVersions(trx);
  if (await trx.selectFrom('customs_tariff_versions').select('id').limit(1).executeTakeFirst()) return null;
  return storeTariffVersion(trx, await checkedFile(trx, text, options), { ...options, sourceSha256: sha256(text) });
}
