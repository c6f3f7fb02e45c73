import { randomUUID } from 'node:crypto';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { rejectionOf, type LegacyEntry } from './entries.ts';
import type { LegacyTopics } from './events.ts';
import { mapLegacyDraft, type LegacyCodeLists } from './mapping.ts';
import type { LegacyDeclaration, LegacyRejection, SourceFormat } from './record.ts';
import { storeBatch } from './store.ts';

/** Rows per insert statement: ~16 parameters a row stays far below PostgreSQL's 65,535. */
export const BATCH_SIZE = 1000;
/** A report keeps this many rejections; the count stays exact beyond it (a wrong file would otherwise store its whole self). */
export const REJECTIONS_KEPT = 10_000;

export interface ImportCounts {
  linesRead: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
}

export interface ImportSource {
  fileName: string;
  format: SourceFormat;
  entries: AsyncIterable<LegacyEntry> | Iterable<LegacyEntry>;
  /** SHA-256 of the file, known once `entries` is consumed. */
  digest(): string;
}

export interface ImportRunDeps {
  db: Db;
  bus: EventBus<LegacyTopics>;
  codes: () => Promise<LegacyCodeLists>;
  customsAgencyId: () => Promise<string | null>;
}

/**
 * Imports a legacy file: each declaration is mapped (or refused with where and why), stored in
 * batches that commit as they go, so an interrupted run is completed by importing the file again.
 * The run's report, its outbox event and its one audit entry are written in the final transaction.
 */
export async function runLegacyImport(deps: ImportRunDeps, context: ChangeContext, source: ImportSource, onProgress?: (counts: ImportCounts) => void): Promise<string> {
  const { db } = deps;
  const runId = randomUUID();
  const codes = await deps.codes();
  const counts: ImportCounts = { linesRead: 0, imported: 0, alreadyPresent: 0, rejected: 0 };
  const rejections: LegacyRejection[] = [];
  const newRun = () => ({ id: runId, file_name: source.fileName, source_format: source.format, digest: '', started_by_label: context.actor.label, rejections: jsonb([]) });
  let runStored = false;
  let batch: LegacyDeclaration[] = [];

  // The run row is written with the first batch: a file refused as a whole (its header, its syntax) leaves nothing behind.
  const flush = async () => {
    if (batch.length === 0) return;
    if (!runStored) await db.insertInto('legacy_import_runs').values(newRun()).execute();
    runStored = true;
    const fresh = await storeBatch(db, runId, batch);
    counts.imported += fresh;
    counts.alreadyPresent += batch.length - fresh;
    batch = [];
    onProgress?.({ ...counts });
  };
  const reject = (found: LegacyRejection[]) => {
    counts.rejected += 1;
    rejections.push(...found.slice(0, REJECTIONS_KEPT - rejections.length));
  };

  for await (const entry of source.entries) {
    counts.linesRead += entry.read;
    if (entry.kind === 'rejection') {
      reject([entry.rejection]);
      continue;
    }
    const mapped = mapLegacyDraft(entry.draft, codes, source.format);
    const problems = [...entry.problems, ...('problems' in mapped ? mapped.problems : [])];
    if (problems.length > 0 || !('declaration' in mapped)) {
      reject(problems.map((problem) => rejectionOf(problem, entry.locate(problem.field), entry.draft.reference)));
      continue;
    }
    batch.push(mapped.declaration);
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();
  // The CSV parser reports a line it cannot read ahead of the records still buffered: the report reads in file order.
  rejections.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const agencyId = await deps.customsAgencyId();
  await db.transaction().execute(async (trx) => {
    if (!runStored) await trx.insertInto('legacy_import_runs').values(newRun()).execute();
    await trx
      .updateTable('legacy_import_runs')
      .set({ digest: source.digest(), finished_at: new Date(), lines_read: counts.linesRead, imported: counts.imported, already_present: counts.alreadyPresent, rejected: counts.rejected, rejections: jsonb(rejections) })
      .where('id', '=', runId)
      .execute();
    await deps.bus.emit(trx, 'legacy.import.finished', { runId, imported: counts.imported });
    await recordAudit(trx, context, {
      action: 'legacy.import.finished',
      recordType: 'legacy_import_run',
      recordId: runId,
      agencyId,
      details: { fileName: source.fileName, format: source.format, digest: source.digest(), ...counts },
    });
  });
  return runId;
}
