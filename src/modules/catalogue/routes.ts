import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { Closed, errors } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { ProcedureDefinition } from './definition.ts';
import { getDefinition, listProcedures, publishDefinition } from './service.ts';

const Text = Type.Object({ fr: Type.String(), ar: Type.String(), en: Type.String() });
const Summary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  agency: Type.String(),
  title: Text,
  description: Text,
  applicants: Type.Array(Type.String()),
  fixedFee: Type.Integer({ description: 'sum of the fixed fees, in `currency`; per-unit and banded fees come on top' }),
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: "ISO 4217 code of the country's currency, in which every fee of the procedure is charged" }),
  expectedWorkingDays: Type.Union([Type.Integer(), Type.Null()], { description: 'agency working days on the shortest way to approval' }),
});
const ProcedureId = Type.String({ pattern: '^[a-z][a-z0-9_-]{1,63}$' });

export interface CatalogueOptions {
  /** ISO 4217 code of the currency fees are charged in: the country's, until countries are configured as data. */
  currency: string;
}

export function catalogueRoutes(app: App, db: Db, options: CatalogueOptions): void {
  const tags = ['catalogue'];

  app.get('/api/catalogue/procedures', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The services online: latest version of each procedure, searchable in French, Arabic and English; `id` gives one service\'s summary',
      querystring: Closed({
        q: Type.Optional(Type.String({ maxLength: 200 })),
        agency: Type.Optional(Type.String({ pattern: '^[A-Z_]{2,32}$' })),
        id: Type.Optional(ProcedureId),
      }),
      response: { 200: Type.Object({ items: Type.Array(Summary) }), ...errors(400) },
    },
  }, async (request) => ({ items: (await listProcedures(db, request.query)).map((summary) => ({ ...summary, currency: options.currency })) }));

  app.get('/api/catalogue/procedures/:procedureId', {
    config: { access: 'public' },
    schema: { tags, summary: 'The latest published definition of a procedure', params: Closed({ procedureId: ProcedureId }), response: { 200: ProcedureDefinition, ...errors(400, 404) } },
  }, async (request) => getDefinition(db, request.params.procedureId));

  app.get('/api/catalogue/procedures/:procedureId/versions/:version', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'One published version of a procedure (applications are pinned to theirs)',
      params: Closed({ procedureId: ProcedureId, version: Type.Integer({ minimum: 1 }) }),
      response: { 200: ProcedureDefinition, ...errors(400, 404) },
    },
  }, async (request) => getDefinition(db, request.params.procedureId, request.params.version));

  app.post('/api/catalogue/procedures', {
    config: { access: 'catalogue.publish' },
    schema: {
      tags,
      summary: 'Publish a new version of a procedure after validation (every problem is returned with its path)',
      body: Type.Record(Type.String(), Type.Unknown(), { description: 'a procedure definition; see /api/catalogue/definition-schema' }),
      response: {
        201: Type.Object({ id: Type.String(), procedureId: Type.String(), version: Type.Integer(), publishedAt: Type.String() }),
        ...errors(400, 401, 403, 409),
      },
    },
  }, async (request, reply) => {
    const published = await publishDefinition(db, principalOf(request), changeContext(request), request.body);
    return reply.status(201).send(published);
  });

  app.get('/api/catalogue/definition-schema', {
    config: { access: 'public' },
    schema: { tags, summary: 'The JSON Schema every procedure definition must follow' },
  }, async () => ProcedureDefinition);
}
