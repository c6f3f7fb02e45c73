import { recordAudit, type AuditChange, type ChangeContext } from '../../platform/audit/record.ts';
import { assertAllowed, type Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { CaseService } from '../cases/index.ts';
import type { Exchange } from '../exchange/index.ts';
import { activeFederation } from './agreements-store.ts';
import { certificateOfOriginMessage, type CertificateFileData } from './crossborder-messages.ts';
import type { TransitDeclarationMessage } from './crossborder-schemas.ts';
import { customsOf, SERVICES } from './crossborder-services.ts';

export interface SendingDeps {
  db: Db;
  exchange: Pick<Exchange, 'instance' | 'send'>;
  cases: Pick<CaseService, 'issuanceSource'>;
}

const CERTIFICATE_OF_ORIGIN = 'certificate_of_origin';

interface ServiceVersion {
  code: string;
  version: string;
}

/**
 * The sending side: a certificate of origin goes from the agency that issued it, a transit
 * declaration from customs, each to the partner's customs as an asynchronous exchange message
 * (outbox: delivered once the request's transaction commits, retried until the partner takes it).
 * Only the sending agency's staff may send (`crossborder.handle` for that agency).
 */
export function crossBorderSending({ db, exchange, cases }: SendingDeps) {
  /** The agency a member of this instance stands for (`KD/GOV/CUSTOMS` → CUSTOMS's id). */
  async function agencyOfMember(identifier: string): Promise<string> {
    const member = await db.selectFrom('exchange_members').select('agency_id').where('identifier', '=', identifier).where('endpoint', 'is', null).executeTakeFirst();
    if (!member?.agency_id) throw new AppError(422, 'crossborder_member_missing', { identifier });
    return member.agency_id;
  }

  /** One message to the partner's customs, and its audit entry, in one transaction. */
  async function send(context: ChangeContext, message: { partner: string; client: string; service: ServiceVersion; body: unknown }, audit: AuditChange & { details: Record<string, unknown> }) {
    return db.transaction().execute(async (trx) => {
      const { partner, client, service, body } = message;
      const messageId = await exchange.send(trx, { client, provider: customsOf(partner), service: service.code, version: service.version, body });
      await recordAudit(trx, context, { ...audit, details: { ...audit.details, partner, messageId } });
      return { messageId };
    });
  }

  async function sendCertificate(principal: Principal, context: ChangeContext, partner: string, documentId: string): Promise<{ messageId: string }> {
    await activeFederation(db, partner);
    const document = await db
      .selectFrom('documents')
      .innerJoin('agencies', 'agencies.id', 'documents.agency_id')
      .select(['documents.id', 'documents.number', 'documents.type', 'documents.payload', 'documents.application_id', 'documents.agency_id', 'documents.revoked_at', 'agencies.code as agencyCode'])
      .where('documents.id', '=', documentId)
      .executeTakeFirst();
    if (!document) throw notFound('document', documentId);
    assertAllowed(principal, 'crossborder.handle', { agencyId: document.agency_id });
    if (document.type !== CERTIFICATE_OF_ORIGIN || !document.application_id) throw new AppError(422, 'not_a_certificate_of_origin', { number: document.number });
    if (document.revoked_at) throw conflict('document_revoked', { number: document.number });
    // The issuing agency sends as its own exchange member, which must be served here.
    const issuer = `${exchange.instance}/GOV/${document.agencyCode}`;
    await agencyOfMember(issuer);
    const source = await cases.issuanceSource(document.application_id);
    const message = certificateOfOriginMessage(document, source.data as unknown as CertificateFileData, issuer);
    return send(context, { partner, client: issuer, service: SERVICES.certificateOfOrigin, body: message }, {
      action: 'crossborder.certificate_sent',
      recordType: 'document',
      recordId: document.id,
      agencyId: document.agency_id,
      details: { number: document.number },
    });
  }

  async function sendTransitDeclaration(principal: Principal, context: ChangeContext, partner: string, declaration: TransitDeclarationMessage): Promise<{ messageId: string }> {
    await activeFederation(db, partner);
    const client = customsOf(exchange.instance);
    const agencyId = await agencyOfMember(client);
    assertAllowed(principal, 'crossborder.handle', { agencyId });
    return send(context, { partner, client, service: SERVICES.transitDeclaration, body: declaration }, {
      action: 'crossborder.transit_declaration_sent',
      recordType: 'transit_declaration',
      recordId: declaration.declarationNumber,
      agencyId,
      details: { certificateOfOrigin: declaration.certificateOfOrigin },
    });
  }

  return { sendCertificate, sendTransitDeclaration };
}
