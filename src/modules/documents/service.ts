import type { Readable } from 'node:stream';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import { assertAllowed, authorise, type Principal } from '../../platform/auth/policy.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { DocumentServiceDeps } from './core.ts';
import { documentIssuance } from './issuance.ts';
import { releaseNoteIssuance } from './release-notes.ts';
import { directIssuance } from './direct-issuance.ts';
import { documentRows, summaryOf, type DocumentRow, type DocumentSummary } from './store.ts';
import { documentVerification } from './verification.ts';

/** The documents module's service: issuing (subscribers), reading, revoking, verifying. */
export function createDocumentService(deps: DocumentServiceDeps) {
  const { db, bus, blobs, cases } = deps;

  /** How the reader stands to the file, or null when they may not see it. */
  async function standing(principal: Principal, applicationId: string) {
    try {
      return await cases.relationOf(principal, applicationId);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    }
  }

  const issuingStaff = (principal: Principal, row: DocumentRow) => authorise(principal, 'cases.work', { agencyId: row.agency_id }).allowed;

  /**
   * Who may read a document: its holder, the users of the holding company, the issuing agency's
   * staff, and (for a receipt) the cashiers who see the file. Anyone else is told it does not exist.
   */
  async function mayRead(principal: Principal, row: DocumentRow): Promise<boolean> {
    if (issuingStaff(principal, row)) return true;
    if (row.application_id) {
      const relation = await standing(principal, row.application_id);
      return !!relation && (relation.owner || relation.company || (relation.cashier && row.kind === 'receipt'));
    }
    return principal.kind === 'user' && (row.holder_id === principal.id || (row.holder_company_id !== null && row.holder_company_id === principal.companyId));
  }

  async function readable(principal: Principal, id: string): Promise<DocumentRow> {
    const row = await documentRows(db).where('documents.id', '=', id).executeTakeFirst();
    if (!row || !(await mayRead(principal, row))) throw notFound('document', id);
    return row;
  }

  /** A file's documents and the receipts of its payments (a cashier sees the receipts only). */
  async function forApplication(principal: Principal, applicationId: string): Promise<DocumentSummary[]> {
    const relation = await cases.relationOf(principal, applicationId);
    let query = documentRows(db).where('documents.application_id', '=', applicationId).orderBy('documents.issued_at').orderBy('documents.number');
    const full = relation.owner || relation.company || relation.staff;
    if (!full) query = query.where('documents.kind', '=', 'receipt');
    return (await query.execute()).map(summaryOf);
  }

  async function summary(principal: Principal, id: string): Promise<DocumentSummary> {
    return summaryOf(await readable(principal, id));
  }

  async function pdf(principal: Principal, id: string): Promise<{ number: string; size: number; stream: Readable }> {
    const row = await readable(principal, id);
    const info = await blobs.stat(db, row.pdf_sha256);
    return { number: row.number, size: info.size, stream: await blobs.open(row.pdf_sha256) };
  }

  /**
   * Revocation by the issuing agency, with the reason verifiers will read. It changes no file: the
   * document stays downloadable, and every verification answers `revoked` from now on.
   */
  async function revoke(principal: Principal, context: ChangeContext, id: string, reason: string): Promise<DocumentSummary> {
    await db.transaction().execute(async (trx) => {
      const row = await documentRows(trx).where('documents.id', '=', id).forUpdate('documents').executeTakeFirst();
      if (!row) throw notFound('document', id);
      assertAllowed(principal, 'documents.revoke', { agencyId: row.agency_id });
      if (row.revoked_at) throw conflict('document_already_revoked', { number: row.number });
      const revokedAt = new Date();
      await trx
        .updateTable('documents')
        .set({ revoked_at: revokedAt, revoked_by: principal.id, revocation_reason: reason })
        .where('id', '=', id)
        .execute();
      await bus.emit(trx, 'document.revoked', { documentId: id, type: row.type, agencyCode: row.agency_code, applicationId: row.application_id, paymentId: row.payment_id });
      await recordAudit(trx, context, {
        action: 'document.revoked',
        recordType: 'document',
        recordId: id,
        agencyId: row.agency_id,
        before: { revoked: false },
        after: { revoked: true, reason },
        details: { number: row.number, reason },
      });
    });
    return summaryOf(await documentRows(db).where('documents.id', '=', id).executeTakeFirstOrThrow());
  }

  /** The receipt issued for each of these payments, by payment id (payments show it on the intent). */
  async function receiptsOf(paymentIds: readonly string[]): Promise<Map<string, string>> {
    if (paymentIds.length === 0) return new Map();
    const rows = await db.selectFrom('documents').select(['id', 'payment_id']).where('kind', '=', 'receipt').where('payment_id', 'in', [...paymentIds]).execute();
    return new Map(rows.map((r) => [r.payment_id as string, r.id]));
  }

  return { ...documentIssuance(deps), ...releaseNoteIssuance(deps), ...directIssuance(deps), ...documentVerification(db, deps.keys), forApplication, summary, pdf, revoke, receiptsOf };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
