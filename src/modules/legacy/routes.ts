import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/errors.ts';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { Closed, errors, Uuid } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { DeclarationQuery, ImportQuery, ImportRunSummary, ImportRunView, LegacyDeclarationView } from './http-schema.ts';
import type { LegacyDeclarations } from './service.ts';

/** A CSV export streams through: 300,000 declarations of about 300 bytes a line fit well within this. */
const CSV_LIMIT = 256 * 1024 * 1024;
/** A CUSDEC interchange is parsed whole (the syntax is checked before anything is stored). */
const EDIFACT_LIMIT = 32 * 1024 * 1024;
/** IANA registers UN/EDIFACT as application/EDIFACT (RFC 1767); media types compare case-insensitively. */
const EDIFACT_TYPE = 'application/edifact';

const dayStart = (day: string | undefined) => (day ? new Date(`${day}T00:00:00Z`) : undefined);

/**
 * The old customs system's declarations, read-only: import runs (upload a CSV export or a CUSDEC
 * interchange) and reads. No route changes or deletes a legacy declaration.
 */
export function legacyRoutes(app: App, legacy: LegacyDeclarations): void {
  const tags = ['legacy'];

  app.register(async (scope) => {
    const raw = scope.withTypeProvider<TypeBoxTypeProvider>();
    // The CSV body is handed over as the request stream, read as the import goes (digesting() enforces CSV_LIMIT).
    raw.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    raw.addContentTypeParser(EDIFACT_TYPE, { parseAs: 'string', bodyLimit: EDIFACT_LIMIT }, (_request, body, done) => done(null, body));

    raw.post('/api/legacy/imports', {
      config: { access: 'legacy.import' },
      bodyLimit: EDIFACT_LIMIT,
      schema: {
        tags,
        summary: "Import the old customs system's declarations: body a CSV export (text/csv) or a CUSDEC interchange (application/edifact); declarations already stored are left as they are (docs/customs/legacy-coexistence.md)",
        querystring: ImportQuery,
        response: { 201: ImportRunView, ...errors(400, 401, 403, 413, 415, 422) },
      },
    }, async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').toLowerCase();
      const csv = type.startsWith('text/csv');
      if (!csv && !type.startsWith(EDIFACT_TYPE)) throw new AppError(415, 'legacy_unsupported_media_type', { type });
      const fileName = request.query.fileName ?? (csv ? 'upload.csv' : 'upload.edi');
      const upload = csv
        ? { format: 'csv' as const, fileName, body: request.body as Readable, limitBytes: CSV_LIMIT }
        : { format: 'cusdec' as const, fileName, body: String(request.body ?? '') };
      const run = await legacy.import(principalOf(request), changeContext(request), upload, request.locale);
      return reply.status(201).header('location', `/api/legacy/imports/${run.id}`).send(run);
    });
  });

  app.get('/api/legacy/imports', {
    config: { access: 'legacy.read' },
    schema: {
      tags,
      summary: 'Import runs of legacy declarations, latest first, without their rejections',
      querystring: Closed({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }),
      response: { 200: Type.Object({ items: Type.Array(ImportRunSummary) }), ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await legacy.runs(principalOf(request), request.query.limit ?? 50) }));

  app.get('/api/legacy/imports/:id', {
    config: { access: 'legacy.read' },
    schema: { tags, summary: "An import run's report: counts and every rejection with its line (or message and segment) and reason", params: Closed({ id: Uuid }), response: { 200: ImportRunView, ...errors(400, 401, 403, 404) } },
  }, async (request) => legacy.run(principalOf(request), request.params.id, request.locale));

  app.get('/api/legacy/declarations', {
    config: { access: 'legacy.read' },
    schema: {
      tags,
      summary: 'Legacy declarations, latest lodged first, by lodgement period, office, regime, channel or import run',
      querystring: DeclarationQuery,
      response: { 200: Type.Object({ items: Type.Array(LegacyDeclarationView), nextOffset: Type.Union([Type.Integer(), Type.Null()]) }), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const { from, to, office, regime, channel, runId, limit = 50, offset = 0 } = request.query;
    const items = await legacy.list(principalOf(request), { from: dayStart(from), to: dayStart(to), officeCode: office, regime, channel, runId }, { limit, offset });
    return { items, nextOffset: items.length === limit ? offset + limit : null };
  });

  app.get('/api/legacy/declarations/:reference', {
    config: { access: 'legacy.read' },
    schema: { tags, summary: 'One legacy declaration by its reference in the old system', params: Closed({ reference: Type.String({ minLength: 1, maxLength: 100 }) }), response: { 200: LegacyDeclarationView, ...errors(400, 401, 403, 404) } },
  }, async (request) => legacy.get(principalOf(request), request.params.reference));
}
