import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { Closed, errors, Uuid } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { ApplicationSummary, ApplicationView, AttachmentView, DeadlineStatus, FeeView, FormData, TimelineEntry } from './http-schema.ts';
import type { CaseService } from './service.ts';

const ProcedureId = Type.String({ pattern: '^[a-z][a-z0-9_-]{1,63}$' });
const StateId = Type.String({ pattern: '^[a-z][a-z0-9_-]{1,63}$' });
const IdParams = Closed({ id: Uuid });
const Comment = Type.String({ minLength: 1, maxLength: 4000 });
/** The types an attachment rule may allow (definition.ts); anything else is refused with 415 before a byte is read. */
const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'];

export function caseRoutes(app: App, cases: CaseService): void {
  const tags = ['applications'];

  app.post('/api/applications', {
    config: { access: 'applications.file' },
    schema: {
      tags,
      summary: 'Start an application: a draft pinned to the latest version of the procedure',
      body: Closed({ procedureId: ProcedureId, data: Type.Optional(FormData) }),
      response: { 201: ApplicationView, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => reply.status(201).send(await cases.createDraft(principalOf(request), changeContext(request), request.body)));

  app.get('/api/applications', {
    config: { access: 'applications.file' },
    schema: {
      tags,
      summary: "My files, and my company's",
      querystring: Closed({ state: Type.Optional(StateId), procedureId: Type.Optional(ProcedureId) }),
      response: { 200: Type.Object({ items: Type.Array(ApplicationSummary) }), ...errors(400, 401, 403) },
    },
  }, async (request) => cases.mine(principalOf(request), request.query));

  app.get('/api/applications/:id', {
    config: { access: 'applications.access' },
    schema: { tags, summary: 'A file: form data, fee, attachments, timeline and the actions open to the caller', params: IdParams, response: { 200: ApplicationView, ...errors(400, 401, 403, 404) } },
  }, async (request) => cases.view(principalOf(request), request.params.id));

  app.put('/api/applications/:id/data', {
    config: { access: 'applications.file' },
    schema: {
      tags,
      summary: 'Save the form as typed so far (a draft, or a correction); checked in full on submission',
      params: IdParams,
      body: Closed({ data: FormData }),
      response: { 200: ApplicationView, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => cases.saveData(principalOf(request), changeContext(request), request.params.id, request.body.data));

  app.post('/api/applications/:id/submit', {
    config: { access: 'applications.file' },
    schema: {
      tags,
      summary: 'Submit a draft: checked against its pinned form schema and attachment rules, fee computed, workflow started',
      params: IdParams,
      response: { 200: ApplicationView, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => cases.submit(principalOf(request), changeContext(request), request.params.id, request.locale));

  app.delete('/api/applications/:id', {
    config: { access: 'applications.file' },
    schema: { tags, summary: 'Discard a draft', params: IdParams, response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    await cases.discard(principalOf(request), changeContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/applications/:id/actions', {
    config: { access: 'applications.access' },
    schema: {
      tags,
      summary: 'Take a workflow action (applicant: resubmit, withdraw; staff: approve, reject, request a correction, forward for review)',
      params: IdParams,
      body: Closed({ action: StateId, comment: Type.Optional(Type.String({ maxLength: 4000 })) }),
      response: { 200: ApplicationView, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => cases.act(principalOf(request), changeContext(request), request.params.id, request.body, request.locale));

  app.post('/api/applications/:id/comments', {
    config: { access: 'applications.access' },
    schema: {
      tags,
      summary: "Add a message to the file's timeline; staff may keep it internal",
      params: IdParams,
      body: Closed({ text: Comment, internal: Type.Optional(Type.Boolean()) }),
      response: { 201: TimelineEntry, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await cases.comment(principalOf(request), changeContext(request), request.params.id, request.body)));

  app.register(async (scope) => {
    const uploads = scope.withTypeProvider<TypeBoxTypeProvider>();
    // The raw body is the file: streamed to the blob store, never buffered whole.
    uploads.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    uploads.post('/api/applications/:id/attachments', {
      config: { access: 'applications.file' },
      schema: {
        tags,
        summary: "Attach a file: the body is the file's bytes, Content-Type its type, X-File-Name its name (percent-encoded)",
        params: IdParams,
        querystring: Closed({ kind: StateId }),
        headers: Type.Object({ 'x-file-name': Type.Optional(Type.String({ maxLength: 600 })) }),
        response: { 201: AttachmentView, ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
    }, async (request, reply) => {
      const declaredType = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const attachment = await cases.attachments.add(principalOf(request), changeContext(request), request.params.id, {
        kind: request.query.kind,
        fileName: fileNameOf(request.headers['x-file-name']),
        declaredType,
        body: request.body as NodeJS.ReadableStream,
      });
      return reply.status(201).send(attachment);
    });
  });

  app.delete('/api/applications/:id/attachments/:attachmentId', {
    config: { access: 'applications.file' },
    schema: { tags, summary: 'Remove an attachment while the file can be edited', params: Closed({ id: Uuid, attachmentId: Uuid }), response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    await cases.attachments.remove(principalOf(request), changeContext(request), request.params.id, request.params.attachmentId);
    return reply.status(204).send(null);
  });

  app.get('/api/applications/:id/attachments/:attachmentId', {
    config: { access: 'applications.access' },
    schema: { tags, summary: "An attachment's bytes", params: Closed({ id: Uuid, attachmentId: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (request, reply) => {
    const file = await cases.attachments.open(principalOf(request), request.params.id, request.params.attachmentId);
    return reply
      .type(file.mediaType)
      .header('content-length', file.size)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.stream);
  });

  app.get('/api/cases', {
    config: { access: 'cases.work' },
    schema: {
      tags: ['back office'],
      summary: "The back-office queue of the caller's agencies: filter, sort, page",
      querystring: Closed({
        agency: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z_]{1,31}$' })),
        view: Type.Optional(Type.Union([Type.Literal('queue'), Type.Literal('all')], { description: 'queue (default): files waiting on the agency; all: closed ones too' })),
        state: Type.Optional(StateId),
        procedureId: Type.Optional(ProcedureId),
        deadline: Type.Optional(DeadlineStatus),
        assigned: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('unassigned'), Type.Literal('any')])),
        escalated: Type.Optional(Type.Boolean()),
        q: Type.Optional(Type.String({ maxLength: 200 })),
        sort: Type.Optional(Type.Union([Type.Literal('dueOn'), Type.Literal('submittedAt'), Type.Literal('reference')])),
        order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        offset: Type.Optional(Type.Integer({ minimum: 0 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(ApplicationSummary), total: Type.Integer() }), ...errors(400, 401, 403) },
    },
  }, async (request) => cases.queue(principalOf(request), request.query));

  app.post('/api/cases/:id/claim', {
    config: { access: 'cases.work' },
    schema: { tags: ['back office'], summary: 'Take a file from the queue', params: IdParams, response: { 200: ApplicationView, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => cases.claim(principalOf(request), changeContext(request), request.params.id));

  app.post('/api/cases/:id/release', {
    config: { access: 'cases.work' },
    schema: { tags: ['back office'], summary: 'Give a file back to the queue', params: IdParams, response: { 200: ApplicationView, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => cases.release(principalOf(request), changeContext(request), request.params.id));

  app.get('/api/fees/due', {
    config: { access: 'payments.record_counter' },
    schema: {
      tags: ['back office'],
      summary: "Files awaiting their fee, for a cashier's desk: by the reference the applicant quotes, or the latest",
      querystring: Closed({ reference: Type.Optional(Type.String({ maxLength: 40 })) }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...ApplicationSummary.properties, fee: FeeView })) }), ...errors(400, 401, 403) },
    },
  }, async (request) => cases.feesDue(principalOf(request), request.query.reference));
}

/** The name the browser sent, decoded; a name that does not decode is kept as sent, never trusted as a path. */
function fileNameOf(header: unknown): string {
  const raw = typeof header === 'string' && header.trim() ? header.trim() : 'attachment';
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // Malformed percent-encoding: keep the raw text.
  }
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200);
}
