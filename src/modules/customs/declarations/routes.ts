import { Type } from 'typebox';
import { changeContext, principalOf } from '../../../platform/http/request-context.ts';
import { Closed, errors } from '../../../platform/http/schema.ts';
import type { App } from '../../../platform/http/server.ts';
import { ChannelSchema, DeclarationBody, DeclarationDetailSchema, DeclarationViewSchema, StateSchema } from './http-schema.ts';
import type { DeclarationService } from './service.ts';

const ReferenceParams = Closed({ reference: Type.String({ pattern: '^[A-Z0-9]{4,10}-[0-9]{4}-[0-9]{6,}$' }) });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 }));

export function declarationRoutes(app: App, declarations: DeclarationService): void {
  const tags = ['customs'];

  app.post('/api/customs/declarations', {
    config: { access: 'customs.declare' },
    schema: {
      tags,
      summary: 'Lodge a declaration (JSON): checked, assessed and routed at once; every problem is listed with the field it is in',
      body: DeclarationBody,
      response: { 201: DeclarationDetailSchema, ...errors(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await declarations.lodge(principalOf(request), changeContext(request), request.body)));

  app.get('/api/customs/declarations', {
    config: { access: 'customs.declare' },
    schema: { tags, summary: "The company's declarations, newest first", querystring: Closed({ state: Type.Optional(StateSchema), limit: Limit }), response: { 200: Type.Object({ items: Type.Array(DeclarationViewSchema) }), ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await declarations.ofMyCompany(principalOf(request), { state: request.query.state, limit: request.query.limit ?? 50 }) }));

  app.get('/api/customs/declarations/:reference', {
    config: { access: 'session.self' },
    schema: { tags, summary: 'A declaration with its states, notifications, versions and inspections', params: ReferenceParams, response: { 200: DeclarationDetailSchema, ...errors(400, 401, 404) } },
  }, async (request) => declarations.get(principalOf(request), request.params.reference));

  app.put('/api/customs/declarations/:reference', {
    config: { access: 'customs.declare' },
    schema: {
      tags,
      summary: 'Amend a lodged declaration: a new version, checked and assessed again, the channel kept',
      params: ReferenceParams,
      body: Closed({ declaration: DeclarationBody, reason: Type.String({ minLength: 3, maxLength: 500 }) }),
      response: { 200: DeclarationDetailSchema, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => declarations.amend(principalOf(request), changeContext(request), request.params.reference, request.body.declaration, request.body.reason));

  app.get('/api/customs/queue', {
    config: { access: 'customs.work' },
    schema: {
      tags,
      summary: 'Declarations waiting in a state, by channel, oldest first (customs officers)',
      querystring: Closed({ state: Type.Optional(StateSchema), channel: Type.Optional(ChannelSchema), limit: Limit }),
      response: { 200: Type.Object({ items: Type.Array(DeclarationViewSchema) }), ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await declarations.queue(principalOf(request), { state: request.query.state ?? 'channel_assigned', channel: request.query.channel, limit: request.query.limit ?? 50 }) }));

  app.post('/api/customs/declarations/:reference/inspection', {
    config: { access: 'customs.work' },
    schema: {
      tags,
      summary: 'Record the inspection of a yellow or red declaration: conform or discrepancy moves it to assessed, seizure rejects it',
      params: ReferenceParams,
      body: Closed({ outcome: Type.Union([Type.Literal('conform'), Type.Literal('discrepancy'), Type.Literal('seizure')]), findings: Type.String({ minLength: 3, maxLength: 4000 }) }),
      response: { 200: DeclarationDetailSchema, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => declarations.inspect(principalOf(request), changeContext(request), request.params.reference, request.body));

  app.post('/api/customs/declarations/:reference/reject', {
    config: { access: 'customs.work' },
    schema: { tags, summary: 'Reject a declaration before payment, with a reason the declarant reads', params: ReferenceParams, body: Closed({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }), response: { 200: DeclarationDetailSchema, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => declarations.reject(principalOf(request), changeContext(request), request.params.reference, request.body.reason));

  app.post('/api/customs/declarations/:reference/release', {
    config: { access: 'customs.work' },
    schema: {
      tags,
      summary: 'Try the release of a paid declaration again (it is released on payment unless a cited document no longer holds): 409 declaration_release_blocked with the problems, 503 while an issuer does not answer',
      params: ReferenceParams,
      response: { 200: DeclarationDetailSchema, ...errors(401, 403, 404, 409, 503) },
    },
  }, async (request) => declarations.release(principalOf(request), changeContext(request), request.params.reference));
}
