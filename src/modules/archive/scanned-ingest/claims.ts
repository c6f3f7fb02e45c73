/**
 * Which process reads which item. An item is claimed with a lease the process renews while it
 * works; a process killed mid-way stops renewing, and once the lease has run out any process takes
 * the item up again. Claims and leases are the work queue's own bookkeeping, like the outbox's
 * deliveries: not audited. What an item becomes (stored, refused) is.
 */
import { sql, type Selectable } from 'kysely';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/database.ts';
import { jsonb } from '../../../platform/db/json.ts';
import type { ArchiveScannedItemsTable, RecognisedPageRow } from './schema.ts';

export type ClaimedItem = Selectable<ArchiveScannedItemsTable>;

export type ItemOutcome =
  | { state: 'stored'; package: string }
  | { state: 'refused'; code: string; params: Record<string, unknown>; detail: string | null };

/**
 * Takes the next item to read, oldest submitted batch first: one queued, or one whose holder let its
 * lease run out. `skip locked`: processes claiming together each get a different item.
 */
export async function claimNextItem(db: Db, leaseSeconds: number): Promise<ClaimedItem | undefined> {
  const { rows } = await sql<ClaimedItem>`
    update archive_scanned_items as i
       set state = 'recognising', attempts = i.attempts + 1, lease_until = now() + ${leaseSeconds} * interval '1 second', updated_at = now(),
           -- A reading cut short starts over from the first page; one kept is not read again.
           progress = case when i.recognised is null then 0 else i.progress end
      from (
        select w.id
          from archive_scanned_items w
          join archive_scanned_batches b on b.id = w.batch_id
         where b.state = 'submitted'
           and (w.state = 'queued' or (w.state = 'recognising' and w.lease_until < now()))
         order by b.submitted_at, w.position
         limit 1
           for update of w skip locked) as next
     where i.id = next.id
    returning i.*
  `.execute(db);
  return rows[0];
}

/** Keeps the claim while the item is being worked on. */
export async function renewLease(db: Db, itemId: string, leaseSeconds: number): Promise<void> {
  await sql`update archive_scanned_items set lease_until = now() + ${leaseSeconds} * interval '1 second' where id = ${itemId} and state = 'recognising'`.execute(db);
}

/** Lets another try take the item after `seconds` (a failure worth trying again: database, storage). */
export async function releaseItem(db: Db, itemId: string, seconds: number): Promise<void> {
  await sql`update archive_scanned_items set lease_until = now() + ${seconds} * interval '1 second', updated_at = now() where id = ${itemId} and state = 'recognising'`.execute(db);
}

export async function saveProgress(db: Db, itemId: string, progress: number): Promise<void> {
  await db.updateTable('archive_scanned_items').set({ progress, updated_at: new Date() }).where('id', '=', itemId).where('state', '=', 'recognising').execute();
}

/** The OCR's reading, kept so that a try after a crash stores it without reading the pages again. */
export async function saveRecognised(db: Db, itemId: string, pages: readonly RecognisedPageRow[]): Promise<void> {
  const confidence = pages.length === 0 ? null : pages.reduce((sum, p) => sum + p.confidence, 0) / pages.length;
  await db
    .updateTable('archive_scanned_items')
    .set({ recognised: jsonb(pages), pages: pages.length, confidence, progress: 1, updated_at: new Date() })
    .where('id', '=', itemId)
    .where('state', '=', 'recognising')
    .execute();
}

/**
 * Settles an item — stored with its package, or refused with the reason — and, when it was the
 * batch's last, the batch. The batch row is locked first: two items of one batch settling in two
 * processes at once are decided one after the other, so exactly one of them finds the batch done.
 */
export async function settleItem(db: Db, context: ChangeContext, item: ClaimedItem, outcome: ItemOutcome): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('archive_scanned_batches').select(['id', 'reference', 'creator_agency_id']).where('id', '=', item.batch_id).forUpdate().executeTakeFirstOrThrow();
    const settled = await trx
      .updateTable('archive_scanned_items')
      .set({
        state: outcome.state,
        package_identifier: outcome.state === 'stored' ? outcome.package : null,
        refusal_code: outcome.state === 'refused' ? outcome.code : null,
        refusal_params: outcome.state === 'refused' ? jsonb(outcome.params) : null,
        refusal_detail: outcome.state === 'refused' ? outcome.detail : null,
        progress: outcome.state === 'stored' ? 1 : item.progress,
        // The reading is in the package now (or was refused): the row need not carry it any longer.
        recognised: null,
        lease_until: null,
        updated_at: new Date(),
      })
      .where('id', '=', item.id)
      .where('state', '=', 'recognising')
      .returning('id')
      .executeTakeFirst();
    if (!settled) return false;
    const done = await trx
      .updateTable('archive_scanned_batches')
      .set({ state: 'done', finished_at: new Date() })
      .where('id', '=', batch.id)
      .where('state', '=', 'submitted')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('archive_scanned_items').select('id').where('batch_id', '=', batch.id).where('state', 'in', ['queued', 'recognising']))))
      .returning('id')
      .executeTakeFirst();
    await recordAudit(trx, context, {
      action: outcome.state === 'stored' ? 'archive.scan_item_stored' : 'archive.scan_item_refused',
      recordType: 'archive_scan_batch',
      recordId: batch.id,
      agencyId: batch.creator_agency_id,
      before: { item: item.id, state: 'recognising' },
      after: { item: item.id, ...outcome },
      details: { reference: batch.reference, file: item.name, ...(outcome.state === 'stored' ? { package: outcome.package } : { refusal: outcome.code }), batchDone: done !== undefined },
    });
    return true;
  });
}
