import { randomUUID } from 'node:crypto';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import { recordAudit, systemContext, type ChangeContext } from '../../platform/audit/record.ts';
import { jsonb } from '../../platform/db/json.ts';
import type { PaymentSucceeded } from '../payments/index.ts';
import type { DocumentServiceDeps } from './core.ts';
import { applicationDraft, receiptDraft, signedDocumentOf, type DocumentDraft } from './draft.ts';
import { sealPayload } from './payload.ts';
import { renderDocumentPdf } from './pdf/render.ts';
import { documentRows, nextNumber, summaryOf, type DocumentSummary } from './store.ts';

/** What ties a document to the rest of the platform. */
interface DocumentLinks {
  agencyId: string;
  applicationId: string | null;
  paymentId: string | null;
  holderId: string | null;
  holderCompanyId: string | null;
  holderReference: string | null;
}

/** Who issues when nobody clicked: the outbox subscriber acting on an approval or a payment. */
export const ISSUER = systemContext('documents');

/**
 * Issuing: draw up the draft, sign its payload with the agency's active key, render the PDF, store
 * it, then record the document, its event and its audit entry in one transaction. Issuing is
 * idempotent (one document of a type per file, one receipt per payment): a second delivery of the
 * same event finds the first document, before rendering when it can, at insertion when two race.
 */
export function documentIssuance(deps: DocumentServiceDeps) {
  const { db, bus, blobs, keys } = deps;
  const verifyUrl = `${deps.publicUrl.replace(/\/+$/, '')}/verify`;

  async function agency(code: string): Promise<{ id: string; names: LocalisedText }> {
    const row = await db.selectFrom('agencies').select(['id', 'names']).where('code', '=', code).executeTakeFirst();
    if (!row) throw new Error(`agency ${code} is unknown`);
    return row;
  }

  async function existing(match: { applicationId: string; type: string } | { paymentId: string }): Promise<DocumentSummary | null> {
    let query = documentRows(db);
    query = 'paymentId' in match
      ? query.where('documents.payment_id', '=', match.paymentId).where('documents.kind', '=', 'receipt')
      : query.where('documents.application_id', '=', match.applicationId).where('documents.type', '=', match.type).where('documents.kind', '=', 'document');
    const row = await query.executeTakeFirst();
    return row ? summaryOf(row) : null;
  }

  async function issue(draft: DocumentDraft, links: DocumentLinks, context: ChangeContext): Promise<DocumentSummary> {
    const signer = await keys.signerFor(draft.agency.code, context);
    const payload = sealPayload(signedDocumentOf(draft), signer);
    const { pdf } = await renderDocumentPdf({ draft, country: deps.country.names, kid: signer.kid, verifyUrl, payload });
    const blob = await blobs.put(db, pdf, 'issued_document');
    const inserted = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('documents')
        .values({
          id: draft.id,
          number: draft.number,
          kind: draft.kind,
          type: draft.type,
          title: jsonb(draft.title),
          agency_id: links.agencyId,
          application_id: links.applicationId,
          payment_id: links.paymentId,
          holder_id: links.holderId,
          holder_company_id: links.holderCompanyId,
          holder_name: draft.holder.name,
          holder_reference: links.holderReference,
          language: draft.language,
          fields: jsonb(draft.fields),
          issued_at: draft.issuedAt,
          valid_from: draft.validFrom,
          valid_until: draft.validUntil,
          kid: signer.kid,
          payload,
          pdf_sha256: blob.sha256,
        })
        .onConflict((oc) =>
          draft.kind === 'receipt'
            ? oc.column('payment_id').where('kind', '=', 'receipt').doNothing()
            : oc.columns(['application_id', 'type']).where('kind', '=', 'document').doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      const event = { documentId: draft.id, type: draft.type, agencyCode: draft.agency.code, applicationId: links.applicationId, paymentId: links.paymentId };
      await bus.emit(trx, 'document.issued', event);
      await recordAudit(trx, context, {
        action: 'document.issued',
        recordType: 'document',
        recordId: draft.id,
        agencyId: links.agencyId,
        after: { number: draft.number, type: draft.type, holder: draft.holder.name, validFrom: draft.validFrom, validUntil: draft.validUntil, kid: signer.kid, pdfSha256: blob.sha256 },
        details: { number: draft.number, applicationId: links.applicationId, paymentId: links.paymentId },
      });
      return true;
    });
    const issued = inserted ? await documentRows(db).where('documents.id', '=', draft.id).executeTakeFirstOrThrow().then(summaryOf) : null;
    // Lost a race with another delivery of the same event: the first document stands.
    const winner = issued ?? (await existing(links.paymentId ? { paymentId: links.paymentId } : { applicationId: links.applicationId ?? '', type: draft.type }));
    if (!winner) throw new Error(`document ${draft.number} was neither inserted nor found`);
    return winner;
  }

  async function identity(agencyCode: string, now: Date) {
    const { id: agencyId, names } = await agency(agencyCode);
    return { agencyId, identity: { id: randomUUID(), number: await nextNumber(db, agencyCode, now), agency: { code: agencyCode, names }, issuedAt: now } };
  }

  /** The document an approved file earns (nothing when its procedure issues none). */
  async function issueForApplication(applicationId: string, context: ChangeContext = ISSUER, now = new Date()): Promise<DocumentSummary | null> {
    const source = await deps.cases.issuanceSource(applicationId);
    const spec = source.definition.document;
    if (!spec) return null;
    const already = await existing({ applicationId, type: spec.type });
    if (already) return already;
    const { agencyId, identity: id } = await identity(source.agencyCode, now);
    return issue(applicationDraft(source, id), {
      agencyId,
      applicationId,
      paymentId: null,
      holderId: source.applicant.id,
      holderCompanyId: source.company?.id ?? null,
      holderReference: source.company?.taxId ?? null,
    }, context);
  }

  /** The receipt of a payment, held by the payer (else the file's applicant), in their language. */
  async function issueReceipt(payment: PaymentSucceeded, context: ChangeContext = ISSUER, now = new Date()): Promise<DocumentSummary> {
    const already = await existing({ paymentId: payment.paymentId });
    if (already) return already;
    const source = payment.applicationId ? await deps.cases.issuanceSource(payment.applicationId) : null;
    const payerId = payment.payerId ?? source?.applicant.id ?? null;
    const payer = payerId ? await db.selectFrom('users').select(['id', 'display_name as name', 'locale', 'company_id']).where('id', '=', payerId).executeTakeFirst() : undefined;
    const { agencyId, identity: id } = await identity(payment.agencyCode, now);
    const draft = receiptDraft(payment, payer ?? null, id);
    return issue(draft, {
      agencyId,
      applicationId: payment.applicationId,
      paymentId: payment.paymentId,
      holderId: payer?.id ?? null,
      holderCompanyId: source?.company?.id ?? payer?.company_id ?? null,
      holderReference: null,
    }, context);
  }

  return { issueForApplication, issueReceipt };
}
