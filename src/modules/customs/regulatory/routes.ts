import { Type } from 'typebox';
import { changeContext, principalOf } from '../../../platform/http/request-context.ts';
import { Closed, errors, Uuid } from '../../../platform/http/schema.ts';
import type { App } from '../../../platform/http/server.ts';
import { DOCUMENT_TYPES, REGIMES } from '../declarations/types.ts';
import type { RegulatoryMatrix } from './service.ts';

const Regime = Type.Enum(REGIMES);
const DocumentTypeSchema = Type.Enum(DOCUMENT_TYPES);
const AgencyCode = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,31}$' });
const Note = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);

const RuleView = Type.Object({
  id: Uuid,
  hsPrefix: Type.String(),
  regime: Type.Union([Regime, Type.Null()]),
  origin: Type.Union([Type.String(), Type.Null()]),
  documentType: DocumentTypeSchema,
  agencyCode: Type.String(),
  note: Note,
  active: Type.Boolean(),
  updatedAt: Type.String(),
});

export function regulatoryRoutes(app: App, matrix: RegulatoryMatrix): void {
  const tags = ['customs'];
  app.get('/api/customs/regulatory-rules', {
    config: { access: 'session.self' },
    schema: {
      tags,
      summary: 'The regulatory matrix: which goods need which document from which agency (brokers read it before lodging)',
      querystring: Closed({ all: Type.Optional(Type.Boolean({ description: 'include rules switched off' })) }),
      response: { 200: Type.Object({ items: Type.Array(RuleView) }), ...errors(401) },
    },
  }, async (request) => ({ items: await matrix.list({ activeOnly: request.query.all !== true }) }));

  app.post('/api/customs/regulatory-rules', {
    config: { access: 'customs.matrix.manage' },
    schema: {
      tags,
      summary: 'Add a rule: goods under an HS prefix, in a regime and from an origin (any when null), need a document from an agency',
      body: Closed({
        hsPrefix: Type.String({ pattern: '^[0-9]{2,10}$', description: 'chapter (2 digits), heading (4), subheading (6) or national line (10)' }),
        regime: Type.Union([Regime, Type.Null()]),
        origin: Type.Union([Type.String({ pattern: '^[A-Z]{2}$' }), Type.Null()]),
        documentType: DocumentTypeSchema,
        agencyCode: AgencyCode,
        note: Type.Optional(Note),
      }),
      response: { 201: RuleView, ...errors(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => {
    const rule = await matrix.create(principalOf(request), changeContext(request), { ...request.body, note: request.body.note ?? null });
    return reply.status(201).send(rule);
  });

  app.patch('/api/customs/regulatory-rules/:id', {
    config: { access: 'customs.matrix.manage' },
    schema: {
      tags,
      summary: 'Change the issuing agency or the note of a rule, or switch it off or on',
      params: Closed({ id: Uuid }),
      body: Closed({ agencyCode: Type.Optional(AgencyCode), note: Type.Optional(Note), active: Type.Optional(Type.Boolean()) }, { description: 'at least one field' }),
      response: { 200: RuleView, ...errors(400, 401, 403, 404, 422) },
    },
  }, async (request) => matrix.update(principalOf(request), changeContext(request), request.params.id, request.body));
}
