import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../../platform/db/database.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { LegacyChannel, LegacyItem, LegacyRegime, LegacyRejection, LegacyTaxes, SourceFormat } from './record.ts';
import type { LegacyDeclarationsTable, LegacyImportRunsTable } from './schema.ts';

/** What the dashboards filter legacy declarations by (lodgement period [from, to), office, regime, channel). */
export interface LegacyFilters {
  from?: Date;
  to?: Date;
  officeCode?: string;
  regime?: LegacyRegime;
  channel?: LegacyChannel;
  runId?: string;
}

/** One legacy declaration as statistics count it, shaped like a platform declaration's fact with `system: 'legacy'`. */
export interface LegacyDeclarationFact {
  system: 'legacy';
  reference: string;
  officeCode: string;
  regime: LegacyRegime;
  channel: LegacyChannel | null;
  lodgedAt: Date;
  releasedAt: Date | null;
  taxes: LegacyTaxes;
  taxesTotal: string;
}

export interface LegacyDeclarationView extends Omit<LegacyDeclarationFact, 'lodgedAt' | 'releasedAt'> {
  lodgedAt: string;
  releasedAt: string | null;
  sourceFormat: SourceFormat;
  importerTaxId: string | null;
  declarantTaxId: string;
  currency: string;
  customsValue: string;
  items: LegacyItem[];
  importRunId: string;
  importedAt: string;
}

export interface LegacyImportRunView {
  id: string;
  fileName: string;
  format: SourceFormat;
  digest: string;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  linesRead: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  rejections: (LegacyRejection & { message: string })[];
}

type DeclarationRow = Selectable<LegacyDeclarationsTable>;

const factOf = (row: Pick<DeclarationRow, 'legacy_reference' | 'office_code' | 'regime' | 'channel' | 'lodged_at' | 'released_at' | 'taxes' | 'taxes_total'>): LegacyDeclarationFact => ({
  system: 'legacy',
  reference: row.legacy_reference,
  officeCode: row.office_code,
  regime: row.regime as LegacyRegime,
  channel: row.channel as LegacyChannel | null,
  lodgedAt: row.lodged_at,
  releasedAt: row.released_at,
  taxes: row.taxes,
  // numeric comes back as text on both engines; the canonical form drops the column's trailing zeros.
  taxesTotal: canonical(row.taxes_total),
});

const canonical = (amount: string) => (amount.includes('.') ? amount.replace(/\.?0+$/, '') : amount);

export const declarationViewOf = (row: DeclarationRow): LegacyDeclarationView => ({
  ...factOf(row),
  lodgedAt: row.lodged_at.toISOString(),
  releasedAt: row.released_at?.toISOString() ?? null,
  sourceFormat: row.source_format,
  importerTaxId: row.importer_tax_id,
  declarantTaxId: row.declarant_tax_id,
  currency: row.currency,
  customsValue: canonical(row.customs_value),
  items: row.items,
  importRunId: row.import_run_id,
  importedAt: row.imported_at.toISOString(),
});

export type LegacyImportRunSummary = Omit<LegacyImportRunView, 'rejections'>;

export const runSummaryOf = (row: Omit<Selectable<LegacyImportRunsTable>, 'rejections'>): LegacyImportRunSummary => ({
  id: row.id,
  fileName: row.file_name,
  format: row.source_format,
  digest: row.digest,
  startedAt: row.started_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
  startedBy: row.started_by_label,
  linesRead: row.lines_read,
  imported: row.imported,
  alreadyPresent: row.already_present,
  rejected: row.rejected,
});

export const runViewOf = (row: Selectable<LegacyImportRunsTable>, locale: Locale): LegacyImportRunView => ({
  ...runSummaryOf(row),
  rejections: row.rejections.map((rejection) => ({ ...rejection, message: translate(locale, `legacy.rejection.${rejection.code}`, rejection.params) })),
});

export function filtered<O>(query: SelectQueryBuilder<Database, 'legacy_declarations', O>, filters: LegacyFilters) {
  let q = query;
  if (filters.from) q = q.where('lodged_at', '>=', filters.from);
  if (filters.to) q = q.where('lodged_at', '<', filters.to);
  if (filters.officeCode) q = q.where('office_code', '=', filters.officeCode);
  if (filters.regime) q = q.where('regime', '=', filters.regime);
  if (filters.channel) q = q.where('channel', '=', filters.channel);
  if (filters.runId) q = q.where('import_run_id', '=', filters.runId);
  return q;
}

/** A page of legacy declarations, latest lodged first. */
export async function listLegacyDeclarations(db: Db, filters: LegacyFilters, page: { limit: number; offset: number }): Promise<LegacyDeclarationView[]> {
  const rows = await filtered(db.selectFrom('legacy_declarations').selectAll(), filters).orderBy('lodged_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return rows.map(declarationViewOf);
}

/** Rows fetched per round trip by the facts iterator. */
const FACTS_CHUNK = 5000;

/**
 * Every legacy declaration matching `filters` as a statistics fact, oldest lodged first, read in
 * chunks by keyset (lodged_at, id) so memory stays flat over the 300,000 records of a migration.
 */
export async function* legacyDeclarationFacts(db: Db, filters: LegacyFilters = {}): AsyncGenerator<LegacyDeclarationFact> {
  let after: { lodgedAt: Date; id: string } | null = null;
  for (;;) {
    let query = filtered(db.selectFrom('legacy_declarations').select(['id', 'legacy_reference', 'office_code', 'regime', 'channel', 'lodged_at', 'released_at', 'taxes', 'taxes_total']), filters);
    if (after) {
      const { lodgedAt, id } = after;
      query = query.where((eb) => eb.or([eb('lodged_at', '>', lodgedAt), eb.and([eb('lodged_at', '=', lodgedAt), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('lodged_at').orderBy('id').limit(FACTS_CHUNK).execute();
    for (const row of rows) yield factOf(row);
    const last = rows.at(-1);
    if (!last || rows.length < FACTS_CHUNK) return;
    after = { lodgedAt: last.lodged_at, id: last.id };
  }
}
