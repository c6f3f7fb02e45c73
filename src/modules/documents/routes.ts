import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { Closed, errors, Uuid } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import type { DocumentsConfig } from './config.ts';
import { DocumentSummary, VerificationResult } from './http-schema.ts';
import type { DocumentService } from './service.ts';

const IdParams = Closed({ id: Uuid });
/** A PDF sent for verification: issued documents are far smaller, scans of them are not accepted anyway. */
const PDF_LIMIT_BYTES = 5 * 1024 * 1024;

export function documentRoutes(app: App, documents: DocumentService, config: DocumentsConfig): void {
  const tags = ['documents'];
  const metered = { rateLimit: { max: config.verificationsPerMinute, timeWindow: '1 minute' } };

  app.post('/api/verify', {
    config: { access: 'public', ...metered },
    schema: {
      tags,
      summary: "Verify a document's QR payload (GK1:…): valid, revoked, expired or forged, with the signed fields",
      body: Closed({ payload: Type.String({ description: 'the text of the QR code' }) }),
      response: { 200: VerificationResult, ...errors(400, 429) },
    },
  }, async (request) => documents.verify(request.body.payload));

  app.register(async (scope) => {
    const raw = scope.withTypeProvider<TypeBoxTypeProvider>();
    raw.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: PDF_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    raw.post('/api/verify/pdf', {
      config: { access: 'public', ...metered },
      bodyLimit: PDF_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Verify an issued PDF: the payload is read from the file (no payload: forged, no_payload)',
        response: { 200: VerificationResult, ...errors(400, 413, 415, 429) },
      },
    }, async (request) => documents.verifyPdf(request.body as Buffer));
  });

  app.get('/api/applications/:id/documents', {
    config: { access: 'applications.access' },
    schema: {
      tags,
      summary: "A file's issued documents and the receipts of its payments",
      params: IdParams,
      response: { 200: Type.Object({ items: Type.Array(DocumentSummary) }), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => ({ items: await documents.forApplication(principalOf(request), request.params.id) }));

  app.get('/api/documents/:id', {
    config: { access: 'applications.access' },
    schema: { tags, summary: 'An issued document (holder, users of the holding company, issuing agency staff)', params: IdParams, response: { 200: DocumentSummary, ...errors(400, 401, 403, 404) } },
  }, async (request) => documents.summary(principalOf(request), request.params.id));

  app.get('/api/documents/release-notes/:declarationId', {
    config: { access: 'applications.access' },
    schema: {
      tags,
      summary: "A customs declaration's release note, once issued (its holder, the broker who lodged, customs staff); 404 before",
      params: Closed({ declarationId: Uuid }),
      response: { 200: DocumentSummary, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const note = await documents.releaseNoteOfDeclaration(request.params.declarationId);
    if (!note) throw notFound('release note', request.params.declarationId);
    return documents.summary(principalOf(request), note.id);
  });

  app.get('/api/documents/:id/pdf', {
    config: { access: 'applications.access' },
    schema: { tags, summary: 'The signed PDF of an issued document', params: IdParams, response: errors(400, 401, 403, 404) },
  }, async (request, reply) => {
    const file = await documents.pdf(principalOf(request), request.params.id);
    return reply
      .type('application/pdf')
      .header('content-length', file.size)
      .header('content-disposition', `attachment; filename="${file.number}.pdf"`)
      .send(file.stream);
  });

  app.post('/api/documents/:id/revoke', {
    config: { access: 'documents.revoke' },
    schema: {
      tags,
      summary: 'Revoke a document the caller\'s agency issued, with the reason verifiers will read',
      params: IdParams,
      body: Closed({ reason: Type.String({ minLength: 3, maxLength: 500 }) }),
      response: { 200: DocumentSummary, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => documents.revoke(principalOf(request), changeContext(request), request.params.id, request.body.reason));
}
