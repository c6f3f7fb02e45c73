import type { Insertable } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { parseIdentifier, senderContext, type Exchange, type MessageContext } from '../exchange/index.ts';
import type { CertificateOfOriginMessage, ReceiptAnswer, TransitDeclarationMessage } from './crossborder-schemas.ts';
import { customsOf, SERVICES } from './crossborder-services.ts';
import { partnerDocumentKeys } from './crossborder-store.ts';
import { judgeCertificate } from './crossborder-verdict.ts';
import type { FederationTopics } from './events.ts';
import type { CrossBorderDocumentsTable } from './schema.ts';

type Received = MessageContext & { trx: Trx };

const instanceOf = (identifier: string) => {
  const parsed = parseIdentifier(identifier);
  return parsed.ok ? parsed.value.instance : identifier;
};

/**
 * The receiving customs' side: each message is stored in the transaction that records it in the
 * exchange's inbox (so it is taken exactly once), the certificate's own signature judged with the
 * issuing country's document keys, and — unless it is forged — the rest done afterwards from the
 * outbox, once the message is acknowledged: a key not known yet looked up again, the issuer asked
 * whether the document is still valid.
 */
export function crossBorderReceivers(exchange: Pick<Exchange, 'instance' | 'provide'>, bus: EventBus<FederationTopics>) {
  const receiver = customsOf(exchange.instance);

  async function store(message: Received, row: Omit<Insertable<CrossBorderDocumentsTable>, 'message_id' | 'partner' | 'sender' | 'receiver' | 'receiver_agency_id'>): Promise<string> {
    const { trx } = message;
    const member = await trx.selectFrom('exchange_members').select('agency_id').where('identifier', '=', receiver).executeTakeFirst();
    const inserted = await trx
      .insertInto('crossborder_documents')
      .values({ ...row, message_id: message.messageId, partner: instanceOf(message.client), sender: message.client, receiver, receiver_agency_id: member?.agency_id ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  async function receiveCertificate(message: Received): Promise<ReceiptAnswer> {
    const certificate = message.body as CertificateOfOriginMessage;
    const verdict = judgeCertificate(certificate, await partnerDocumentKeys(message.trx, instanceOf(message.client)), new Date());
    const id = await store(message, {
      kind: 'certificate_of_origin',
      reference: certificate.number,
      certificate_ref: null,
      body: jsonb(certificate),
      signature: verdict.signature,
      signature_reason: verdict.reason,
      issuer_document_id: verdict.issuerDocumentId,
      status: verdict.signature === 'invalid' ? 'invalid_signature' : 'checking',
    });
    if (verdict.signature !== 'invalid') await bus.emit(message.trx, 'crossborder.received', { documentId: id });
    await recordAudit(message.trx, senderContext(message), {
      action: 'crossborder.certificate_received',
      recordType: 'crossborder_document',
      recordId: id,
      after: { number: certificate.number, signature: verdict.signature, reason: verdict.reason },
      details: { sender: message.client, messageId: message.messageId },
    });
    return { id, signature: verdict.signature };
  }

  async function receiveTransitDeclaration(message: Received): Promise<ReceiptAnswer> {
    const declaration = message.body as TransitDeclarationMessage;
    const id = await store(message, {
      kind: 'transit_declaration',
      reference: declaration.declarationNumber,
      certificate_ref: declaration.certificateOfOrigin,
      body: jsonb(declaration),
      signature: 'none',
      signature_reason: null,
      issuer_document_id: null,
      status: 'received',
    });
    await recordAudit(message.trx, senderContext(message), {
      action: 'crossborder.transit_declaration_received',
      recordType: 'crossborder_document',
      recordId: id,
      after: { number: declaration.declarationNumber, certificateOfOrigin: declaration.certificateOfOrigin },
      details: { sender: message.client, messageId: message.messageId },
    });
    return { id, signature: 'none' };
  }

  return {
    register() {
      exchange.provide(receiver, SERVICES.certificateOfOrigin.code, SERVICES.certificateOfOrigin.version, receiveCertificate);
      exchange.provide(receiver, SERVICES.transitDeclaration.code, SERVICES.transitDeclaration.version, receiveTransitDeclaration);
    },
  };
}
