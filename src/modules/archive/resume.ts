import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { IngestOutcome } from './ingest.ts';
import type { SourceType } from './schema.ts';

/** Archives a source record again from scratch; null when it is no longer a closed record. */
export type Reingest = (sourceType: SourceType, sourceId: string, reference: string) => Promise<IngestOutcome | null>;

export interface ResumeSummary {
  resumed: number;
  rolledBack: number;
  /** Still `ingesting`: their source could not be read now (tried again on the next run). */
  failed: number;
}

const gone = (error: unknown) => error instanceof AppError && error.status === 404;

/**
 * Ingests a crash left `ingesting` (SIGKILL, power loss) are finished from their source record, or
 * rolled back when that record no longer exists or is no longer closed: the row goes, audited, and
 * the content it had written stays as unreferenced bytes (content-addressed, harmless).
 * `olderThanMs` keeps a live ingest in another process from being taken over.
 */
export async function resumeInterrupted(db: Db, reingest: Reingest, context: ChangeContext, olderThanMs: number): Promise<ResumeSummary> {
  const stale = await db
    .selectFrom('archive_packages')
    .select(['id', 'identifier', 'source_type', 'source_id', 'source_reference', 'agency_id'])
    .where('state', '=', 'ingesting')
    .where('created_at', '<=', new Date(Date.now() - olderThanMs))
    .orderBy('created_at')
    .execute();
  const summary: ResumeSummary = { resumed: 0, rolledBack: 0, failed: 0 };
  for (const row of stale) {
    let outcome: IngestOutcome | null | 'gone';
    try {
      outcome = await reingest(row.source_type, row.source_id, row.source_reference);
    } catch (error) {
      if (!gone(error)) {
        summary.failed += 1;
        continue;
      }
      outcome = 'gone';
    }
    if (outcome !== null && outcome !== 'gone') {
      summary.resumed += 1;
      continue;
    }
    if (await rollBackIngest(db, context, row)) summary.rolledBack += 1;
  }
  return summary;
}

/**
 * Deletes a reservation still `ingesting`, audited; false when it is no longer one (finished by
 * another process meanwhile). Content it had written stays as unreferenced bytes.
 */
export async function rollBackIngest(
  db: Db,
  context: ChangeContext,
  row: { id: string; identifier: string; source_type: SourceType; source_reference: string; agency_id: string },
  reason?: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('archive_packages').where('id', '=', row.id).where('state', '=', 'ingesting').returning('id').executeTakeFirst();
    if (!deleted) return false;
    await recordAudit(trx, context, {
      action: 'archive.ingest_rolled_back',
      recordType: 'archive_package',
      recordId: row.id,
      agencyId: row.agency_id,
      before: { state: 'ingesting' },
      details: { identifier: row.identifier, source: `${row.source_type}:${row.source_reference}`, ...(reason ? { reason } : {}) },
    });
    return true;
  });
}
