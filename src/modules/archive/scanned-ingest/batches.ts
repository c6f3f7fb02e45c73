import { sql } from 'kysely';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Principal } from '../../../platform/auth/policy.ts';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { jsonb } from '../../../platform/db/json.ts';
import { conflict, fieldError, notFound } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import type { AccessLevel } from '../schema.ts';
import type { OcrLanguage } from '../scanned/index.ts';
import { dateRangeProblem, hasTitle } from './description.ts';
import type { BatchState, BatchTitle } from './schema.ts';
import { batchInScope, ingestingAgency, ingestScope } from './scope.ts';
import { batchRows, batchSummaryOf, itemCounts, itemViewOf, NO_ITEMS, type BatchSummary, type BatchView } from './views.ts';

/** The description every file of a batch shares, as the archivist gives it. */
export interface BatchInput {
  title: BatchTitle;
  creatorAgency: string;
  subject: string;
  dateFrom: string;
  dateTo?: string | undefined;
  retentionClass: string;
  accessLevel?: AccessLevel | undefined;
  languages?: OcrLanguage[] | undefined;
}

/** Checks what the schema cannot (a title in some language, real dates, known agency and class); 400 naming the field as the schema's errors do (`body.dateTo`). */
async function checkedInput(db: Db, input: BatchInput): Promise<{ creatorAgencyId: string }> {
  if (!hasTitle(input.title)) throw fieldError(400, 'archive_scan_title_missing', 'body.title');
  const dates = dateRangeProblem(input.dateFrom, input.dateTo);
  if (dates === 'date') throw fieldError(400, 'archive_scan_date_invalid', input.dateTo && dateRangeProblem(input.dateFrom, undefined) === undefined ? 'body.dateTo' : 'body.dateFrom');
  if (dates === 'range') throw fieldError(400, 'archive_scan_date_range', 'body.dateTo', { from: input.dateFrom, to: input.dateTo });
  const [agency, retentionClass] = await Promise.all([
    db.selectFrom('agencies').select('id').where('code', '=', input.creatorAgency).executeTakeFirst(),
    db.selectFrom('archive_retention_classes').select('code').where('code', '=', input.retentionClass).executeTakeFirst(),
  ]);
  if (!agency) throw fieldError(400, 'archive_scan_agency_unknown', 'body.creatorAgency', { agency: input.creatorAgency });
  if (!retentionClass) throw fieldError(400, 'archive_retention_class_unknown', 'body.retentionClass', { retentionClass: input.retentionClass });
  return { creatorAgencyId: agency.id };
}

/** Opens a batch: its shared description, no files yet; its id. Audited `archive.scan_batch_created`. */
export async function createBatch(db: Db, principal: Principal, context: ChangeContext, input: BatchInput, country: string): Promise<string> {
  const { creatorAgencyId } = await checkedInput(db, input);
  const agencyId = await ingestingAgency(db, principal, creatorAgencyId);
  return db.transaction().execute(async (trx) => {
    const prefix = `${country}-SCAN-${new Date().getUTCFullYear()}-`;
    const batch = await trx
      .insertInto('archive_scanned_batches')
      .values({
        reference: sql<string>`${prefix} || lpad(nextval('archive_scanned_batch_number')::text, 6, '0')`,
        agency_id: agencyId,
        creator_agency_id: creatorAgencyId,
        created_by_id: principal.kind === 'user' ? principal.id : null,
        created_by: context.actor.label,
        title: jsonb(input.title),
        subject: input.subject,
        date_from: input.dateFrom,
        date_to: input.dateTo ?? null,
        retention_class: input.retentionClass,
        access_level: input.accessLevel ?? 'restricted',
        languages: jsonb(input.languages ?? ['fra']),
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'archive.scan_batch_created',
      recordType: 'archive_scan_batch',
      recordId: batch.id,
      agencyId: creatorAgencyId,
      after: { ...input, state: 'open' },
      details: { reference: batch.reference, creatorAgency: input.creatorAgency, retentionClass: input.retentionClass, accessLevel: input.accessLevel ?? 'restricted' },
    });
    return batch.id;
  });
}

/** The batch row, locked, if the principal may act on it; 404 otherwise (as for a batch that does not exist). */
export async function lockedBatch(trx: Trx, scope: string[] | null, id: string) {
  const batch = await trx.selectFrom('archive_scanned_batches').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!batch || !batchInScope(scope, batch)) throw notFound('archive_scan_batch', id);
  return batch;
}

export function assertOpen(batch: { state: BatchState; reference: string }): void {
  if (batch.state !== 'open') throw conflict('archive_scan_batch_closed', { reference: batch.reference });
}

/** Closes the batch to new files and queues its files for reading. Audited `archive.scan_batch_submitted`. */
export async function submitBatch(db: Db, principal: Principal, context: ChangeContext, id: string): Promise<void> {
  const scope = await ingestScope(db, principal);
  await db.transaction().execute(async (trx) => {
    const batch = await lockedBatch(trx, scope, id);
    assertOpen(batch);
    const files = await trx.selectFrom('archive_scanned_items').select(['name', 'sha256']).where('batch_id', '=', id).orderBy('position').execute();
    if (files.length === 0) throw conflict('archive_scan_batch_empty', { reference: batch.reference });
    await trx.updateTable('archive_scanned_batches').set({ state: 'submitted', submitted_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, context, {
      action: 'archive.scan_batch_submitted',
      recordType: 'archive_scan_batch',
      recordId: id,
      agencyId: batch.creator_agency_id,
      before: { state: 'open' },
      after: { state: 'submitted', files },
      details: { reference: batch.reference, files: files.length },
    });
  });
}

/** One batch with its files, their states and progress; 404 outside the principal's agencies. */
export async function readBatch(db: Db, principal: Principal, id: string, locale: Locale): Promise<BatchView> {
  const scope = await ingestScope(db, principal);
  const row = await batchRows(db).where('b.id', '=', id).executeTakeFirst();
  if (!row || !batchInScope(scope, row)) throw notFound('archive_scan_batch', id);
  const [counts, items] = await Promise.all([
    itemCounts(db, [id]),
    db.selectFrom('archive_scanned_items').selectAll().where('batch_id', '=', id).orderBy('position').execute(),
  ]);
  return { ...batchSummaryOf(row, counts.get(id) ?? NO_ITEMS), items: items.map((item) => itemViewOf(item, locale)) };
}

/** The batches of the principal's agencies (ingesting or producing), newest first. */
export async function listBatches(db: Db, principal: Principal, query: { state?: BatchState | undefined; limit: number; offset: number }): Promise<BatchSummary[]> {
  const scope = await ingestScope(db, principal);
  if (scope?.length === 0) return [];
  let rows = batchRows(db).orderBy('b.created_at', 'desc').orderBy('b.reference', 'desc').limit(query.limit).offset(query.offset);
  if (scope) rows = rows.where((eb) => eb.or([eb('b.agency_id', 'in', scope), eb('b.creator_agency_id', 'in', scope)]));
  if (query.state) rows = rows.where('b.state', '=', query.state);
  const found = await rows.execute();
  const counts = await itemCounts(db, found.map((r) => r.id));
  return found.map((row) => batchSummaryOf(row, counts.get(row.id) ?? NO_ITEMS));
}
