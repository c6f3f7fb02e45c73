import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import type { BlobSource } from '../../platform/blobs/index.ts';
import { AppError, conflict, fieldError, notFound } from '../../platform/http/errors.ts';
import { applicantEdits, type CaseCore } from './core.ts';
import { addEvent } from './moves.ts';
import { loadFile, namesOf } from './store.ts';
import { attachmentViewOf } from './view.ts';

const MiB = 1024 * 1024;
/** Enough for a multi-page file split by pages; more means something is wrong. */
const MAX_PER_KIND = 10;

export interface Upload {
  kind: string;
  fileName: string;
  /** The type the browser declared; checked early, then the bytes decide. */
  declaredType: string;
  body: BlobSource;
}

export function attachmentOperations(core: CaseCore) {
  const { db, blobs } = core.deps;

  /** Where an applicant may change attachments: their file, in a state they fill in. */
  async function assertEditable(principal: Principal, id: string, via: Parameters<CaseCore['visibleFile']>[0] = db) {
    const found = await core.visibleFile(via, principal, id, via !== db);
    if (!found.relation.applicant) throw new AppError(403, 'action_not_yours', { action: 'attach' });
    if (!applicantEdits(found.definition, found.file.state)) throw conflict('application_not_editable', { state: found.file.state });
    return found;
  }

  /**
   * Stores an attachment after checking everything that can be checked before reading a byte (the
   * file, its state, the kind, the declared type); the size and the real type are checked while
   * streaming, and nothing is recorded unless both pass.
   */
  async function add(principal: Principal, context: ChangeContext, id: string, upload: Upload) {
    const { definition } = await assertEditable(principal, id);
    const rule = definition.attachments.find((a) => a.kind === upload.kind);
    if (!rule) throw fieldError(400, 'attachment_kind_unknown', 'kind', { kind: upload.kind, known: definition.attachments.map((a) => a.kind).join(', ') });
    if (!(rule.types as readonly string[]).includes(upload.declaredType)) {
      throw new AppError(415, 'file_type_not_allowed', { detected: upload.declaredType, allowed: rule.types.join(', ') });
    }
    const blob = await blobs.put(db, upload.body, 'attachment', { maxBytes: Math.floor(rule.maxSizeMb * MiB), mediaTypes: rule.types });
    return db.transaction().execute(async (trx) => {
      const { file } = await assertEditable(principal, id, trx);
      const existing = await trx.selectFrom('application_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('application_id', '=', id).where('kind', '=', rule.kind).executeTakeFirstOrThrow();
      if (Number(existing.n) >= MAX_PER_KIND) throw conflict('too_many_attachments', { limit: MAX_PER_KIND });
      const row = await trx
        .insertInto('application_attachments')
        .values({ application_id: id, kind: rule.kind, file_name: upload.fileName, sha256: blob.sha256, size: blob.size, media_type: blob.mediaType, uploaded_by: principal.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.updateTable('applications').set({ updated_at: new Date() }).where('id', '=', id).execute();
      await addEvent(trx, context, id, { kind: 'attachment_added', comment: upload.fileName });
      await recordAudit(trx, context, {
        action: 'application.attachment_added',
        recordType: 'application',
        recordId: id,
        agencyId: file.agency_id,
        details: { reference: file.reference, kind: rule.kind, sha256: blob.sha256, size: blob.size, mediaType: blob.mediaType },
      });
      return attachmentViewOf(row, await namesOf(trx, [principal.id], []));
    });
  }

  async function remove(principal: Principal, context: ChangeContext, id: string, attachmentId: string) {
    await db.transaction().execute(async (trx) => {
      const { file } = await assertEditable(principal, id, trx);
      const row = await trx.deleteFrom('application_attachments').where('id', '=', attachmentId).where('application_id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw notFound('attachment', attachmentId);
      await addEvent(trx, context, id, { kind: 'attachment_removed', comment: row.file_name });
      await recordAudit(trx, context, { action: 'application.attachment_removed', recordType: 'application', recordId: id, agencyId: file.agency_id, details: { reference: file.reference, kind: row.kind, sha256: row.sha256 } });
    });
  }

  /** The bytes of an attachment, for the applicant and the staff who may see the file's content. */
  async function open(principal: Principal, id: string, attachmentId: string) {
    const file = await loadFile(db, id);
    const relation = core.relationOf(file, principal);
    if (!relation.applicant && !relation.staff) throw notFound('application', id);
    const row = await db.selectFrom('application_attachments').selectAll().where('id', '=', attachmentId).where('application_id', '=', id).executeTakeFirst();
    if (!row) throw notFound('attachment', attachmentId);
    return { fileName: row.file_name, mediaType: row.media_type, size: row.size, stream: await blobs.open(row.sha256) };
  }

  return { add, remove, open };
}
