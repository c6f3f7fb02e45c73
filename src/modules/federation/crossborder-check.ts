import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { Exchange } from '../exchange/index.ts';
import type { CertificateOfOriginMessage, DocumentStatusAnswer } from './crossborder-schemas.ts';
import { commerceOf, SERVICES } from './crossborder-services.ts';
import { partnerDocumentKeys, receivedNotFound, receivedRows, type ReceivedRow } from './crossborder-store.ts';
import { judgeCertificate } from './crossborder-verdict.ts';
import type { FederationTopics } from './events.ts';
import type { CrossBorderStatus, SignatureVerdict } from './schema.ts';

const ANSWERS: readonly string[] = ['valid', 'expired', 'revoked', 'unknown'] satisfies DocumentStatusAnswer['status'][];

const isAnswer = (body: unknown): body is DocumentStatusAnswer =>
  typeof body === 'object' && body !== null && ANSWERS.includes((body as { status?: unknown }).status as string);

interface Finding {
  signature: SignatureVerdict;
  signatureReason: string | null;
  issuerDocumentId: string | null;
  status: CrossBorderStatus;
  revokedAt: Date | null;
  error: string | null;
}

/**
 * Judges a received certificate of origin to the end: a signature left pending (its key unknown
 * when it arrived) is judged again once the issuer's configuration has been read afresh; a genuine
 * one is put to the issuing country — `document-status` of its commerce ministry, through the
 * exchange, signed both ways and logged — and the answer recorded. The issuer being unreachable,
 * or the federation ended, is recorded as `unavailable`: customs may ask again.
 */
export function crossBorderChecks(db: Db, exchange: Pick<Exchange, 'call'>, refreshPartner: (instance: string) => Promise<void>) {
  async function signatureOf(row: ReceivedRow): Promise<Pick<Finding, 'signature' | 'signatureReason' | 'issuerDocumentId'>> {
    const held = { signature: row.signature, signatureReason: row.signature_reason, issuerDocumentId: row.issuer_document_id };
    if (row.signature !== 'pending') return held;
    await refreshPartner(row.partner);
    const verdict = judgeCertificate(row.body as unknown as CertificateOfOriginMessage, await partnerDocumentKeys(db, row.partner), new Date());
    // Still unknown after a fresh read: the issuer does not publish that key.
    return verdict.signature === 'pending' ? { signature: 'invalid', signatureReason: verdict.reason, issuerDocumentId: null } : { signature: verdict.signature, signatureReason: verdict.reason, issuerDocumentId: verdict.issuerDocumentId };
  }

  async function ask(partner: string, client: string, issuerDocumentId: string): Promise<Pick<Finding, 'status' | 'revokedAt' | 'error'>> {
    const unavailable = (error: string) => ({ status: 'unavailable' as const, revokedAt: null, error });
    const federation = await db.selectFrom('federations').select('status').where('instance', '=', partner).executeTakeFirst();
    if (federation?.status !== 'active') return unavailable(`no active federation with ${partner}`);
    try {
      const answer = await exchange.call({ client, provider: commerceOf(partner), service: SERVICES.documentStatus.code, version: SERVICES.documentStatus.version, body: { documentId: issuerDocumentId } });
      if (!isAnswer(answer.body)) return unavailable('the issuer answered something unreadable');
      return { status: answer.body.status, revokedAt: answer.body.revokedAt ? new Date(answer.body.revokedAt) : null, error: null };
    } catch (error) {
      return unavailable((error instanceof Error ? error.message : String(error)).slice(0, 1000));
    }
  }

  async function check(context: ChangeContext, id: string): Promise<void> {
    const row = await receivedRows(db).where('id', '=', id).executeTakeFirst();
    if (!row) throw receivedNotFound(id);
    if (row.kind !== 'certificate_of_origin' || row.signature === 'invalid') return;
    const signature = await signatureOf(row);
    const finding: Finding = signature.signature === 'verified' && signature.issuerDocumentId
      ? { ...signature, ...(await ask(row.partner, row.receiver, signature.issuerDocumentId)) }
      : { ...signature, status: 'invalid_signature', revokedAt: null, error: null };
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('crossborder_documents')
        .set({ signature: finding.signature, signature_reason: finding.signatureReason, issuer_document_id: finding.issuerDocumentId, status: finding.status, revoked_at: finding.revokedAt, checked_at: new Date(), last_error: finding.error })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, context, {
        action: 'crossborder.status_checked',
        recordType: 'crossborder_document',
        recordId: id,
        agencyId: row.receiver_agency_id,
        before: { signature: row.signature, status: row.status },
        after: { signature: finding.signature, status: finding.status, revokedAt: finding.revokedAt?.toISOString() ?? null },
        details: { number: row.reference, partner: row.partner, ...(finding.error ? { error: finding.error } : {}) },
      });
    });
  }

  /** The first check runs from the outbox, once the message that brought the document is acknowledged. */
  function register(bus: EventBus<FederationTopics>, context: ChangeContext): void {
    bus.subscribe('crossborder.received', 'federation.check_received', async ({ payload }) => {
      await check(context, payload.documentId);
    });
  }

  return { check, register };
}
