import type { Selectable } from 'kysely';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { jsonb } from '../../../platform/db/json.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { identifyFormat, type OcrLanguage } from '../scanned/index.ts';
import type { ArchiveStore } from '../store.ts';
import { assertOpen, lockedBatch } from './batches.ts';
import type { ArchiveScannedItemsTable } from './schema.ts';
import { batchInScope, ingestScope } from './scope.ts';
import { releaseStaged, stageUpload } from './staging.ts';

export interface Upload {
  /** As the archivist's file was called: quoted in refusals, kept in the record. */
  name: string;
  /** The Content-Type the client declared: a claim, checked against the bytes. */
  declaredType?: string | undefined;
  bytes: Buffer;
  /** This file's OCR languages, when they differ from the batch's. */
  languages?: OcrLanguage[] | undefined;
}

export interface AddedFile {
  item: Selectable<ArchiveScannedItemsTable>;
  /** False when the same bytes under the same name were already in the batch (an upload sent again). */
  created: boolean;
}

/**
 * Adds one file to an open batch. Its format is identified from its signature and its structure
 * walked before anything is written: a file of another type than it claims, cut short, damaged or
 * of a format not accepted is refused (422 naming it and why) and leaves nothing behind. An accepted
 * file is staged in the primary root, then its item recorded and audited `archive.scan_file_accepted`.
 */
export async function addFile(db: Db, primary: ArchiveStore, principal: Principal, context: ChangeContext, batchId: string, upload: Upload): Promise<AddedFile> {
  const scope = await ingestScope(db, principal);
  const batch = await db.selectFrom('archive_scanned_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch || !batchInScope(scope, batch)) throw notFound('archive_scan_batch', batchId);
  assertOpen(batch);
  const format = await identifyFormat(upload.bytes, { name: upload.name, mediaType: upload.declaredType });
  const sha256 = await stageUpload(primary, upload.bytes);
  try {
    return await db.transaction().execute(async (trx) => {
      const locked = await lockedBatch(trx, scope, batchId);
      assertOpen(locked);
      const same = await trx.selectFrom('archive_scanned_items').selectAll().where('batch_id', '=', batchId).where('name', '=', upload.name).executeTakeFirst();
      if (same) {
        if (same.sha256 === sha256) return { item: same, created: false };
        throw conflict('archive_scan_file_exists', { file: upload.name, reference: locked.reference });
      }
      const last = await trx.selectFrom('archive_scanned_items').select((eb) => eb.fn.max('position').as('position')).where('batch_id', '=', batchId).executeTakeFirst();
      const item = await trx
        .insertInto('archive_scanned_items')
        .values({
          batch_id: batchId,
          position: (last?.position ?? 0) + 1,
          name: upload.name,
          size: upload.bytes.length,
          sha256,
          media_type: format.mediaType,
          puid: format.puid ?? null,
          page_count: format.pages,
          languages: jsonb(upload.languages ?? locked.languages),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, context, {
        action: 'archive.scan_file_accepted',
        recordType: 'archive_scan_batch',
        recordId: batchId,
        agencyId: locked.creator_agency_id,
        after: { item: item.id, name: upload.name, sha256, size: upload.bytes.length },
        details: { reference: locked.reference, file: upload.name, mediaType: format.mediaType, puid: format.puid ?? null, pages: format.pages },
      });
      return { item, created: true };
    });
  } catch (error) {
    // Refused after staging (the batch closed meanwhile, a name taken): the bytes go unless something else holds them.
    await releaseStaged(db, primary, sha256).catch(() => undefined);
    throw error;
  }
}
