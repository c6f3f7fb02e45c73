import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changeContext, principalOf } from '../../../platform/http/request-context.ts';
import { errors } from '../../../platform/http/schema.ts';
import type { App } from '../../../platform/http/server.ts';
import type { OcrLanguage } from '../scanned/index.ts';
import { BatchBody, BatchChoices, BatchListQuery, BatchParams, BatchSummary, BatchView, FileParams, FileQuery, ItemView } from './http-schema.ts';
import type { ScannedIngest } from './service.ts';

const tags = ['archive'];

/** The archivists' ingest of scanned paper records: batches, their files (raw bytes), submission, progress. */
export function scannedIngestRoutes(app: App, scanned: ScannedIngest): void {
  app.get('/api/archive/scanned-batches/choices', {
    config: { access: 'archive.ingest' },
    schema: { tags, summary: 'What a batch may say: the agencies whose records the archivist ingests, the retention classes, the OCR languages, the largest file', response: { 200: BatchChoices, ...errors(401, 403) } },
  }, async (request) => scanned.choices(principalOf(request)));

  app.post('/api/archive/scanned-batches', {
    config: { access: 'archive.ingest' },
    schema: { tags, summary: 'Open a batch of scanned paper records with the description its files share (audited)', body: BatchBody, response: { 201: BatchView, ...errors(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(await scanned.createBatch(principalOf(request), changeContext(request), request.body, request.locale)));

  app.get('/api/archive/scanned-batches', {
    config: { access: 'archive.ingest' },
    schema: { tags, summary: "Batches of the archivist's agencies (ingesting or producing), newest first, with their files' counts by state", querystring: BatchListQuery, response: { 200: Type.Object({ items: Type.Array(BatchSummary), nextOffset: Type.Union([Type.Integer(), Type.Null()]) }), ...errors(400, 401, 403) } },
  }, async (request) => {
    const { state, limit = 50, offset = 0 } = request.query;
    const items = await scanned.list(principalOf(request), { state, limit, offset });
    return { items, nextOffset: items.length === limit ? offset + limit : null };
  });

  app.get('/api/archive/scanned-batches/:id', {
    config: { access: 'archive.ingest' },
    schema: { tags, summary: "A batch and each file's state (queued, recognising, stored, refused), OCR progress, package or refusal", params: BatchParams, response: { 200: BatchView, ...errors(400, 401, 403, 404) } },
  }, async (request) => scanned.batch(principalOf(request), request.params.id, request.locale));

  app.post('/api/archive/scanned-batches/:id/submit', {
    config: { access: 'archive.ingest' },
    schema: { tags, summary: 'Close the batch to new files and queue them for OCR and storage in the background (audited)', params: BatchParams, response: { 200: BatchView, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => scanned.submit(principalOf(request), changeContext(request), request.params.id, request.locale));

  app.register(async (scope) => {
    const raw = scope.withTypeProvider<TypeBoxTypeProvider>();
    // The body is the file as it is, whatever its declared type: the signature decides what it is.
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: scanned.config.uploadLimitBytes }, (_request, body, done) => done(null, body));
    raw.put('/api/archive/scanned-batches/:id/files/:name', {
      config: { access: 'archive.ingest' },
      bodyLimit: scanned.config.uploadLimitBytes,
      schema: {
        tags,
        summary: "Add a file to an open batch: the body is the file's bytes, Content-Type its claimed type. Identified by its signature and checked whole before anything is kept: 422 naming the file and why otherwise (audited)",
        params: FileParams,
        querystring: FileQuery,
        response: { 200: ItemView, 201: ItemView, ...errors(400, 401, 403, 404, 409, 413, 422) },
      },
    }, async (request, reply) => {
      const languages = request.query.languages?.split(',') as OcrLanguage[] | undefined;
      const { item, created } = await scanned.addFile(principalOf(request), changeContext(request), request.params.id, {
        name: request.params.name,
        declaredType: request.headers['content-type'],
        bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        languages,
      }, request.locale);
      return reply.status(created ? 201 : 200).send(item);
    });
  });
}
