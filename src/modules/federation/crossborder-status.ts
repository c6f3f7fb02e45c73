import type { Exchange } from '../exchange/index.ts';
import type { DocumentService } from '../documents/index.ts';
import type { DocumentStatusAnswer, DocumentStatusQuestion } from './crossborder-schemas.ts';
import { commerceOf, SERVICES } from './crossborder-services.ts';

const ANSWER = { valid: 'valid', expired: 'expired', revoked: 'revoked', forged: 'unknown' } as const;

/**
 * The issuing side: whether a document this instance issued still holds, answered by its documents
 * module exactly as the public verification would (signature, dates, revocation). A question by id
 * is answered from the payload the document was issued with; a document not issued here is `unknown`.
 */
export function registerDocumentStatus(exchange: Pick<Exchange, 'instance' | 'provideQuery'>, documents: Pick<DocumentService, 'verify'>): void {
  exchange.provideQuery(commerceOf(exchange.instance), SERVICES.documentStatus.code, SERVICES.documentStatus.version, async ({ body, db }): Promise<DocumentStatusAnswer> => {
    const question = body as DocumentStatusQuestion;
    const payload = 'payload' in question ? question.payload : (await db.selectFrom('documents').select('payload').where('id', '=', question.documentId).executeTakeFirst())?.payload;
    if (!payload) return { status: 'unknown', revokedAt: null };
    const result = await documents.verify(payload);
    return { status: ANSWER[result.status], revokedAt: result.revokedAt };
  });
}
