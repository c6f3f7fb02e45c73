import { randomUUID } from 'node:crypto';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import { systemContext, type ChangeContext } from '../../platform/audit/record.ts';
import type { PaymentSucceeded } from '../payments/index.ts';
import type { DocumentServiceDeps } from './core.ts';
import { applicationDraft, receiptDraft, signedDocumentOf, type DocumentDraft } from './draft.ts';
import { sealPayload } from './payload.ts';
import { renderDocumentPdf } from './pdf/render.ts';
import { recordIssued, type DocumentLinks } from './record-issued.ts';
import { documentRows, nextNumber, summaryOf, type DocumentSummary } from './store.ts';

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
    const signed = { draft, links, kid: signer.kid, payload, pdfSha256: blob.sha256 };
    const inserted = await db.transaction().execute((trx) =>
      recordIssued(trx, bus, context, signed, { applicationId: links.applicationId, paymentId: links.paymentId }, draft.kind === 'receipt' ? 'per_payment' : 'per_file'),
    );
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
