import { sql, type Selectable } from 'kysely';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { jsonb } from '../../../platform/db/json.ts';
import { fieldError } from '../../../platform/http/errors.ts';
import { dayBefore } from './days.ts';
import type { CustomsTariffVersionsTable } from './schema.ts';
import { searchTextOf } from './search-text.ts';
import type { TariffFile } from './tariff-file.ts';

/** Rows per insert: large enough to load a whole tariff in a dozen statements, far below PostgreSQL's 65,535 parameters. */
const BATCH = 500;

export interface TariffVersion {
  id: string;
  label: string;
  validFrom: string;
  /** Last day in force, inclusive; null while no later version exists. */
  validTo: string | null;
}

/** The assessment's FeeRates as exact decimal text. */
export interface ExactFeeRates {
  statisticalFeePercent: string;
  communityLevyPercent: string;
}

export interface TariffVersionDetails extends TariffVersion {
  feeRates: ExactFeeRates;
  lineCount: number;
  sourceSha256: string;
  importedBy: string;
  importedAt: string;
}

export interface StoredTariff {
  version: TariffVersionDetails;
  /** The version that was open until now, closed the day before the new one. */
  closed: TariffVersion | null;
}

type VersionRow = Selectable<CustomsTariffVersionsTable>;

export const versionOf = (row: VersionRow): TariffVersionDetails => ({
  id: row.id,
  label: row.label,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  feeRates: { statisticalFeePercent: row.statistical_fee_percent, communityLevyPercent: row.community_levy_percent },
  lineCount: row.line_count,
  sourceSha256: row.source_sha256,
  importedBy: row.imported_by,
  importedAt: row.imported_at.toISOString(),
});

/** Every version, latest first. */
export async function tariffVersions(db: Db): Promise<TariffVersionDetails[]> {
  const rows = await db.selectFrom('customs_tariff_versions').selectAll().orderBy('valid_from', 'desc').execute();
  return rows.map(versionOf);
}

/** The HS six-digit codes a national line may extend. */
export async function subheadingCodes(db: Db | Trx): Promise<Set<string>> {
  const rows = await db.selectFrom('customs_hs_nomenclature').select('code').where('level', '=', 6).execute();
  return new Set(rows.map((r) => r.code));
}

export interface StoreOptions {
  context: ChangeContext;
  sourceSha256: string;
  /** Called after each batch of lines is written. */
  onProgress?: (written: number, total: number) => void;
}

/** Imports queue here one at a time, until their transaction ends; readers (ACCESS SHARE) are not blocked. */
export async function lockTariffVersions(trx: Trx): Promise<void> {
  await sql`lock table customs_tariff_versions in share row exclusive mode`.execute(trx);
}

/**
 * Stores a checked tariff file as a new version inside `trx`: the open version, if any, is closed
 * the day before. A version may only start after every existing one (no overlap, no back-dating):
 * a declaration's tariff is then always the one version whose dates hold its day.
 */
export async function storeTariffVersion(trx: Trx, file: TariffFile, options: StoreOptions): Promise<StoredTariff> {
  await lockTariffVersions(trx);
  const latest = await trx.selectFrom('customs_tariff_versions').selectAll().orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
  if (latest && (file.validFrom <= latest.valid_from || (latest.valid_to !== null && file.validFrom <= latest.valid_to))) {
    throw fieldError(409, 'tariff_version_overlap', 'valid_from', { validFrom: file.validFrom, label: latest.label, latestFrom: latest.valid_from, latestTo: latest.valid_to ?? '-' });
  }
  let closed: TariffVersion | null = null;
  if (latest && latest.valid_to === null) {
    const validTo = dayBefore(file.validFrom);
    await trx.updateTable('customs_tariff_versions').set({ valid_to: validTo }).where('id', '=', latest.id).execute();
    closed = { id: latest.id, label: latest.label, validFrom: latest.valid_from, validTo };
  }
  const inserted = await trx
    .insertInto('customs_tariff_versions')
    .values({
      label: file.label,
      valid_from: file.validFrom,
      statistical_fee_percent: file.feeRates.statisticalFeePercent,
      community_levy_percent: file.feeRates.communityLevyPercent,
      line_count: file.lines.length,
      source_sha256: options.sourceSha256,
      imported_by: options.context.actor.label,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertLines(trx, inserted.id, file.lines, options.onProgress);
  await recordAudit(trx, options.context, {
    action: 'customs.tariff.imported',
    recordType: 'customs_tariff_version',
    recordId: inserted.id,
    details: { label: file.label, validFrom: file.validFrom, lineCount: file.lines.length, sourceSha256: options.sourceSha256, closedVersionId: closed?.id ?? null, closedValidTo: closed?.validTo ?? null },
  });
  return { version: versionOf(inserted), closed };
}

async function insertLines(trx: Trx, versionId: string, lines: TariffFile['lines'], onProgress?: (written: number, total: number) => void) {
  for (let start = 0; start < lines.length; start += BATCH) {
    const batch = lines.slice(start, start + BATCH);
    await trx
      .insertInto('customs_tariff_lines')
      .values(
        batch.map((line) => ({
          version_id: versionId,
          national_line: line.nationalLine,
          hs6: line.hs6,
          description: line.description,
          duty_band: line.dutyBand,
          vat_percent: line.vatPercent,
          excise: line.excise ? jsonb(line.excise) : null,
          community_preference: line.communityPreference,
          search_text: searchTextOf(line.nationalLine, line.description),
        })),
      )
      .execute();
    onProgress?.(start + batch.length, lines.length);
  }
}
