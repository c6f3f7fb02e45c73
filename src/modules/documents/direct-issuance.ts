import { randomUUID } from 'node:crypto';
import type { ChangeContext } from '../../platform/audit/record.ts';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { DocumentServiceDeps } from './core.ts';
import { signedDocumentOf, type DocumentDraft } from './draft.ts';
import { keyFieldIndexes, type PrintedField } from './fields.ts';
import { sealPayload } from './payload.ts';
import { renderDocumentPdf } from './pdf/render.ts';
import { recordIssued } from './record-issued.ts';
import { nextNumber } from './store.ts';

/**
 * A document another module states in full (a vehicle temporary-admission pass, a currency
 * declaration): what it says, who holds it, in which language. Its lines are printed in order and
 * the first that fit are signed in the QR payload, so the caller puts first what a verifier checks.
 */
export interface DirectDocument {
  agencyCode: string;
  type: string;
  title: LocalisedText;
  language: Locale;
  /** `id` is printed and signed (a passport number); `accountId` is the platform account that holds it. */
  holder: { name: string; id: string | null; accountId: string | null };
  fields: PrintedField[];
  /** YYYY-MM-DD */
  validFrom: string;
  validUntil: string | null;
}

/** A signed, rendered and stored document, not yet recorded: `record` writes it in the caller's transaction. */
export interface PreparedDocument {
  id: string;
  number: string;
  record(trx: Trx, details?: Record<string, unknown>): Promise<void>;
}

/**
 * Issuing for a module that keeps its own record of what the document attests: signing and
 * rendering happen before the caller's transaction (they take milliseconds no lock should wait
 * for), and the document row, its `document.issued` event and audit entry are written in that
 * transaction, so the module's record and its document exist together or not at all. A stored PDF
 * whose transaction rolled back is an unreferenced blob, as a lost issuance race leaves.
 */
export function directIssuance(deps: Omit<DocumentServiceDeps, 'cases'>) {
  const { db, bus, blobs, keys } = deps;
  const verifyUrl = `${deps.publicUrl.replace(/\/+$/, '')}/verify`;

  async function prepareDocument(document: DirectDocument, context: ChangeContext, now = new Date()): Promise<PreparedDocument> {
    const agency = await db.selectFrom('agencies').select(['id', 'names']).where('code', '=', document.agencyCode).executeTakeFirst();
    if (!agency) throw new Error(`agency ${document.agencyCode} is unknown`);
    const signedIndexes = keyFieldIndexes(document.fields.map((f) => ({ label: f.label[document.language], value: f.value })));
    const draft: DocumentDraft = {
      id: randomUUID(),
      number: await nextNumber(db, document.agencyCode, now),
      agency: { code: document.agencyCode, names: agency.names },
      // Whole seconds: the payload's `iat` has no finer grain.
      issuedAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
      kind: 'document',
      type: document.type,
      title: document.title,
      language: document.language,
      holder: { name: document.holder.name, id: document.holder.id },
      fields: document.fields.map((field, index) => ({ ...field, signed: signedIndexes.has(index) })),
      validFrom: document.validFrom,
      validUntil: document.validUntil,
    };
    const signer = await keys.signerFor(document.agencyCode, context);
    const payload = sealPayload(signedDocumentOf(draft), signer);
    const { pdf } = await renderDocumentPdf({ draft, country: deps.country.names, kid: signer.kid, verifyUrl, payload });
    const blob = await blobs.put(db, pdf, 'issued_document');
    const links = { agencyId: agency.id, applicationId: null, paymentId: null, holderId: document.holder.accountId, holderCompanyId: null, holderReference: document.holder.id };
    return {
      id: draft.id,
      number: draft.number,
      record: async (trx, details = {}) => {
        await recordIssued(trx, bus, context, { draft, links, kid: signer.kid, payload, pdfSha256: blob.sha256 }, details);
      },
    };
  }

  return { prepareDocument };
}
