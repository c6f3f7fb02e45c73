import { sql } from 'kysely';
import type { Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { agenciesInView } from './access.ts';
import { readerOf, recordAccess } from './events.ts';
import { reportOf, type FixityReport } from './fixity.ts';

/** Events a package view carries, newest kept (paging through older ones is the console's work). */
const EVENTS_SHOWN = 500;

export interface PackageSummary {
  identifier: string;
  source: { type: string; id: string; reference: string };
  agency: string;
  title: string;
  retentionClass: string;
  accessLevel: string;
  state: string;
  createdAt: string;
  storedAt: string | null;
}

const packageRows = (db: Db) =>
  db
    .selectFrom('archive_packages as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.identifier', 'p.source_type', 'p.source_id', 'p.source_reference', 'a.code as agency', 'p.agency_id', 'p.title', 'p.retention_class', 'p.access_level', 'p.state', 'p.created_at', 'p.stored_at'])
    // An ingest in progress (or interrupted) is not a package yet: never listed, never shown.
    .where('p.state', '<>', 'ingesting');

type PackageRow = Awaited<ReturnType<ReturnType<typeof packageRows>['executeTakeFirstOrThrow']>>;

const summaryOf = (row: PackageRow): PackageSummary => ({
  identifier: row.identifier,
  source: { type: row.source_type, id: row.source_id, reference: row.source_reference },
  agency: row.agency,
  title: row.title,
  retentionClass: row.retention_class,
  accessLevel: row.access_level,
  state: row.state,
  createdAt: row.created_at.toISOString(),
  storedAt: row.stored_at?.toISOString() ?? null,
});

/** Packages the principal may read, newest first. */
export async function listPackages(db: Db, principal: Principal, query: { limit: number; offset: number; sourceReference?: string | undefined }): Promise<PackageSummary[]> {
  const agencies = await agenciesInView(db, principal);
  if (agencies?.length === 0) return [];
  let rows = packageRows(db).orderBy('p.stored_at', 'desc').orderBy('p.identifier', 'desc').limit(query.limit).offset(query.offset);
  if (agencies) rows = rows.where('p.agency_id', 'in', agencies);
  if (query.sourceReference) rows = rows.where('p.source_reference', '=', query.sourceReference);
  return (await rows.execute()).map(summaryOf);
}

/** One package with its files (and each content's copies) and its PREMIS events; 404 outside the reader's agencies. */
export async function packageDetail(db: Db, principal: Principal, identifier: string) {
  const agencies = await agenciesInView(db, principal);
  const row = await packageRows(db).where('p.identifier', '=', identifier).executeTakeFirst();
  if (!row || (agencies && !agencies.includes(row.agency_id))) throw notFound('archive_package', identifier);
  const files = await db.selectFrom('archive_files').select(['id', 'path', 'size', 'sha256', 'sha512', 'format', 'role']).where('package_id', '=', row.id).orderBy(sql`path collate "C"`).execute();
  const copies = files.length === 0 ? [] : await db.selectFrom('archive_copies').selectAll().where('sha256', 'in', files.map((f) => f.sha256)).orderBy('root').execute();
  // The latest events only: a package gathers a fixity check per file every day for decades.
  const events = (await db.selectFrom('archive_events').selectAll().where('package_id', '=', row.id).orderBy('id', 'desc').limit(EVENTS_SHOWN).execute()).reverse();
  const pathOf = new Map(files.map((f) => [f.id, f.path]));
  // The archivist's view is a read like any other (docs/archive/search.md, "Every read is logged"),
  // logged once read, so it lists the earlier reads, not itself.
  await recordAccess(db, readerOf(principal), { packageId: row.id, fileId: null, detail: `package view read: description, ${files.length} files with their digests and copies, ${events.length} events` });
  return {
    ...summaryOf(row),
    files: files.map((f) => ({
      path: f.path,
      size: f.size,
      sha256: f.sha256,
      sha512: f.sha512,
      format: f.format,
      role: f.role,
      copies: copies.filter((c) => c.sha256 === f.sha256).map((c) => ({ root: c.root, state: c.state, checkedAt: c.checked_at.toISOString() })),
    })),
    events: events.map((e) => ({ type: e.event_type, outcome: e.outcome, detail: e.detail, agent: e.agent, at: e.at.toISOString(), file: e.file_id ? (pathOf.get(e.file_id) ?? null) : null })),
  };
}

export type PackageDetail = Awaited<ReturnType<typeof packageDetail>>;

/** The last fixity run's report; its problems narrowed to the reader's agencies. 404 before the first run. */
export async function latestFixityReport(db: Db, principal: Principal): Promise<FixityReport> {
  const agencies = await agenciesInView(db, principal);
  const row = await db.selectFrom('archive_fixity_runs').selectAll().orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
  if (!row) throw notFound('archive_fixity_run', 'latest');
  const report = reportOf(row);
  return agencies ? { ...report, problems: report.problems.filter((p) => agencies.includes(p.agencyId)) } : report;
}
