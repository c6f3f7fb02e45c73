import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { DocumentDraft } from './draft.ts';
import type { DocumentTopics } from './events.ts';

/** What ties a document to the rest of the platform. */
export interface DocumentLinks {
  agencyId: string;
  applicationId: string | null;
  paymentId: string | null;
  holderId: string | null;
  holderCompanyId: string | null;
  holderReference: string | null;
}

export interface Signed {
  draft: DocumentDraft;
  links: DocumentLinks;
  kid: string;
  payload: string;
  pdfSha256: string;
}

/**
 * Records a signed, rendered document in `trx`: the row, its `document.issued` event and its audit
 * entry last. Returns false when `unique` says an earlier delivery already holds its place.
 */
export async function recordIssued(trx: Trx, bus: EventBus<DocumentTopics>, context: ChangeContext, signed: Signed, details: Record<string, unknown>, unique: 'none' | 'per_file' | 'per_payment' = 'none'): Promise<boolean> {
  const { draft, links } = signed;
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
      kid: signed.kid,
      payload: signed.payload,
      pdf_sha256: signed.pdfSha256,
    })
    .onConflict((oc) =>
      unique === 'per_payment'
        ? oc.column('payment_id').where('kind', '=', 'receipt').doNothing()
        : unique === 'per_file'
          ? oc.columns(['application_id', 'type']).where('kind', '=', 'document').doNothing()
          : oc.column('id').doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  await bus.emit(trx, 'document.issued', { documentId: draft.id, type: draft.type, agencyCode: draft.agency.code, applicationId: links.applicationId, paymentId: links.paymentId });
  await recordAudit(trx, context, {
    action: 'document.issued',
    recordType: 'document',
    recordId: draft.id,
    agencyId: links.agencyId,
    after: { number: draft.number, type: draft.type, holder: draft.holder.name, validFrom: draft.validFrom, validUntil: draft.validUntil, kid: signed.kid, pdfSha256: signed.pdfSha256 },
    details: { number: draft.number, ...details },
  });
  return true;
}
