import type { ChangeContext } from '../../platform/audit/record.ts';
import { assertAllowed, type Permission, type Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { csvEntries } from './csv-source.ts';
import { cusdecEntries } from './cusdec-source.ts';
import type { LegacyEntry } from './entries.ts';
import type { LegacyTopics } from './events.ts';
import { digesting } from './file-digest.ts';
import { runLegacyImport, type ImportCounts, type ImportRunDeps } from './import-run.ts';
import type { LegacyCodeLists } from './mapping.ts';
import { declarationViewOf, legacyDeclarationFacts, listLegacyDeclarations, runSummaryOf, runViewOf, type LegacyDeclarationFact, type LegacyDeclarationView, type LegacyFilters, type LegacyImportRunSummary, type LegacyImportRunView } from './reads.ts';
import { legacySummary, type LegacySummaryRow, type SummaryDimension } from './summary.ts';

/** The customs administration: its staff import and read the old system's declarations. */
const CUSTOMS_AGENCY = 'CUSTOMS';

/** A legacy export as received: CSV may be streamed; a CUSDEC interchange is parsed whole. */
export type LegacyUpload = { format: 'csv'; fileName: string; body: AsyncIterable<Buffer | string> | string; limitBytes?: number } | { format: 'cusdec'; fileName: string; body: string };

export interface LegacyDeclarationsDeps {
  db: Db;
  bus: EventBus<LegacyTopics>;
  /** The customs reference data's code lists (customs.reference.knownCodes). */
  codes: () => Promise<LegacyCodeLists>;
}

export interface LegacyDeclarations {
  /** Imports a legacy export for a customs officer or administrator; answers with the run's report. */
  import(principal: Principal, context: ChangeContext, upload: LegacyUpload, locale: Locale): Promise<LegacyImportRunView>;
  /** The same without a principal, for the command line (the operator holds the server). */
  importAsSystem(context: ChangeContext, upload: LegacyUpload, onProgress?: (counts: ImportCounts) => void): Promise<LegacyImportRunView>;
  /** The latest runs, without their rejections. */
  runs(principal: Principal, limit: number): Promise<LegacyImportRunSummary[]>;
  run(principal: Principal, id: string, locale: Locale): Promise<LegacyImportRunView>;
  list(principal: Principal, filters: LegacyFilters, page: { limit: number; offset: number }): Promise<LegacyDeclarationView[]>;
  get(principal: Principal, reference: string): Promise<LegacyDeclarationView>;
  /** For statistics (no principal: the caller's own route authorises): every matching record, streamed. */
  facts(filters?: LegacyFilters): AsyncGenerator<LegacyDeclarationFact>;
  /** For statistics: counts, taxes and release times aggregated in the database. */
  summary(filters: LegacyFilters, by: readonly SummaryDimension[]): Promise<LegacySummaryRow[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createLegacyDeclarations({ db, bus, codes }: LegacyDeclarationsDeps): LegacyDeclarations {
  let agencyId: Promise<string | null> | undefined;
  const customsAgencyId = () => {
    agencyId ??= db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', CUSTOMS_AGENCY)
      .executeTakeFirst()
      .then((row) => row?.id ?? null);
    return agencyId;
  };
  const allow = async (principal: Principal, permission: Permission) => assertAllowed(principal, permission, { agencyId: await customsAgencyId() });
  const importDeps: ImportRunDeps = { db, bus, codes, customsAgencyId };

  async function runOf(id: string, locale: Locale) {
    const row = UUID.test(id) ? await db.selectFrom('legacy_import_runs').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (!row) throw notFound('legacy_import_run', id);
    return runViewOf(row, locale);
  }

  async function importUpload(context: ChangeContext, upload: LegacyUpload, locale: Locale, onProgress?: (counts: ImportCounts) => void) {
    const file = digesting(typeof upload.body === 'string' ? [upload.body] : upload.body, upload.format === 'csv' ? upload.limitBytes : undefined);
    // A CUSDEC interchange is checked whole before anything is stored; a CSV export streams through.
    const entries: AsyncIterable<LegacyEntry> | Iterable<LegacyEntry> = upload.format === 'csv' ? csvEntries(file.chunks) : cusdecEntries(await textOf(file.chunks));
    const id = await runLegacyImport(importDeps, context, { fileName: upload.fileName, format: upload.format, entries, digest: file.digest }, onProgress);
    return runOf(id, locale);
  }

  return {
    async import(principal, context, upload, locale) {
      await allow(principal, 'legacy.import');
      return importUpload(context, upload, locale);
    },
    importAsSystem: (context, upload, onProgress) => importUpload(context, upload, 'en', onProgress),
    async runs(principal, limit) {
      await allow(principal, 'legacy.read');
      const rows = await db
        .selectFrom('legacy_import_runs')
        .select(['id', 'file_name', 'source_format', 'digest', 'started_at', 'finished_at', 'started_by_label', 'lines_read', 'imported', 'already_present', 'rejected'])
        .orderBy('started_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(runSummaryOf);
    },
    async run(principal, id, locale) {
      await allow(principal, 'legacy.read');
      return runOf(id, locale);
    },
    async list(principal, filters, page) {
      await allow(principal, 'legacy.read');
      return listLegacyDeclarations(db, filters, page);
    },
    async get(principal, reference) {
      await allow(principal, 'legacy.read');
      const row = await db.selectFrom('legacy_declarations').selectAll().where('legacy_reference', '=', reference).executeTakeFirst();
      if (!row) throw notFound('legacy_declaration', reference);
      return declarationViewOf(row);
    },
    facts: (filters) => legacyDeclarationFacts(db, filters),
    summary: (filters, by) => legacySummary(db, filters, by),
  };
}

async function textOf(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
