import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { translate, type Locale } from '../../../platform/i18n/i18n.ts';
import type { ArchiveScannedBatchesTable, ArchiveScannedItemsTable, ItemState } from './schema.ts';

type BatchRow = Selectable<ArchiveScannedBatchesTable> & { agency: string; creator_agency: string };
type ItemRow = Selectable<ArchiveScannedItemsTable>;

export type ItemCounts = Record<ItemState, number> & { files: number };

export const NO_ITEMS: ItemCounts = Object.freeze({ files: 0, queued: 0, recognising: 0, stored: 0, refused: 0 });

/** Batches with their two agencies' codes. */
export const batchRows = (db: Db | Trx) =>
  db
    .selectFrom('archive_scanned_batches as b')
    .innerJoin('agencies as a', 'a.id', 'b.agency_id')
    .innerJoin('agencies as c', 'c.id', 'b.creator_agency_id')
    .selectAll('b')
    .select(['a.code as agency', 'c.code as creator_agency']);

/** How many items of each batch are in each state. */
export async function itemCounts(db: Db | Trx, batchIds: readonly string[]): Promise<Map<string, ItemCounts>> {
  const counts = new Map<string, ItemCounts>(batchIds.map((id) => [id, { ...NO_ITEMS }]));
  if (batchIds.length === 0) return counts;
  const rows = await db
    .selectFrom('archive_scanned_items')
    .select(['batch_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batch_id', 'in', batchIds)
    .groupBy(['batch_id', 'state'])
    .execute();
  for (const row of rows) {
    const of = counts.get(row.batch_id);
    if (!of) continue;
    of[row.state] += Number(row.n);
    of.files += Number(row.n);
  }
  return counts;
}

export function batchSummaryOf(row: BatchRow, counts: ItemCounts) {
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    agency: row.agency,
    creatorAgency: row.creator_agency,
    title: row.title,
    subject: row.subject,
    dateFrom: row.date_from,
    dateTo: row.date_to,
    retentionClass: row.retention_class,
    accessLevel: row.access_level,
    languages: row.languages,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    counts,
  };
}

/** An item as the archivist follows it; a refusal is told in the reader's language. */
export function itemViewOf(row: ItemRow, locale: Locale) {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    size: Number(row.size),
    sha256: row.sha256,
    mediaType: row.media_type,
    puid: row.puid,
    pageCount: row.page_count,
    languages: row.languages,
    state: row.state,
    progress: row.progress,
    pages: row.pages,
    confidence: row.confidence === null ? null : Math.round(row.confidence * 10) / 10,
    package: row.package_identifier,
    refusal: row.refusal_code ? { code: row.refusal_code, message: translate(locale, `errors.${row.refusal_code}`, row.refusal_params ?? {}), reason: row.refusal_detail } : null,
  };
}

export type BatchSummary = ReturnType<typeof batchSummaryOf>;
export type ItemView = ReturnType<typeof itemViewOf>;
export type BatchView = BatchSummary & { items: ItemView[] };
