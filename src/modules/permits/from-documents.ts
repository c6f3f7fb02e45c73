import { systemContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { IssuanceSource } from '../cases/index.ts';
import type { DocumentSummary, DocumentTopics } from '../documents/index.ts';
import { recordPermit, revokePermit, type NewPermit } from './service.ts';

const REGISTRAR = systemContext('permits');

/** The licence form's units as UN/ECE Rec. 20 codes (procedures/import-licence.v1.yaml allows tonnes only). */
const UNITS: Record<string, string> = { t: 'TNE', kg: 'KGM' };

/**
 * The permit an import licence issued on the platform grants: the quantity and goods of its form,
 * to the company that applied, for the document's validity. Null when the form does not say what
 * a permit needs (a licence without a single HS code and quantity).
 */
export function permitFromLicence(document: DocumentSummary, source: Pick<IssuanceSource, 'data' | 'company'>): NewPermit | null {
  const { hsCode, quantity, unit, taxId, importerName } = source.data as Record<string, unknown>;
  const recUnit = typeof unit === 'string' ? UNITS[unit] : undefined;
  if (typeof hsCode !== 'string' || typeof quantity !== 'number' || !recUnit || !document.validUntil) return null;
  return {
    number: document.number,
    type: document.type,
    agencyCode: document.agencyCode,
    holderTaxId: source.company?.taxId ?? String(taxId),
    holderName: source.company?.name ?? String(importerName ?? document.holderName),
    hsPrefix: hsCode,
    unit: recUnit,
    quantity,
    validFrom: document.validFrom,
    validUntil: document.validUntil,
    documentId: document.id,
  };
}

/** Document types whose issued documents are permits with a quantity. */
const LICENCE_TYPES = new Set(['import_licence']);

export interface PermitSources {
  db: Db;
  issuedDocument(id: string): Promise<DocumentSummary | null>;
  issuanceSource(applicationId: string): Promise<IssuanceSource>;
}

/**
 * Keeps the register in step with the documents the platform issues: an import licence issued
 * enters the register (once, whatever the redeliveries), a revoked one is revoked there too.
 */
export function registerPermitsFromDocuments(bus: EventBus<DocumentTopics>, sources: PermitSources): void {
  bus.subscribe('document.issued', 'permits.record', async ({ payload }) => {
    if (!LICENCE_TYPES.has(payload.type) || !payload.applicationId) return;
    const document = await sources.issuedDocument(payload.documentId);
    const permit = document && permitFromLicence(document, await sources.issuanceSource(payload.applicationId));
    if (!permit) return;
    try {
      await recordPermit(sources.db, REGISTRAR, permit);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'permit_number_taken')) throw error;
    }
  });
  bus.subscribe('document.revoked', 'permits.revoke', async ({ payload }) => {
    if (!LICENCE_TYPES.has(payload.type)) return;
    const document = await sources.issuedDocument(payload.documentId);
    const permit = document && (await sources.db.selectFrom('permits').select('number').where('document_id', '=', document.id).executeTakeFirst());
    if (permit && document) await revokePermit(sources.db, REGISTRAR, document.agencyCode, permit.number, document.revocationReason ?? 'revoked');
  });
}
