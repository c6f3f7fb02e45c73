import { Type } from 'typebox';
import { changeContext, principalOf } from '../../../platform/http/request-context.ts';
import { Closed, errors } from '../../../platform/http/schema.ts';
import type { App } from '../../../platform/http/server.ts';
import type { SelectivityAdmin } from './service.ts';

const ProfileId = Closed({ id: Type.String({ pattern: '^[a-z][a-z0-9_-]{1,63}$' }) });
const HsPrefix = Closed({ hsPrefix: Type.String({ pattern: '^[0-9]{2,10}$' }) });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export function selectivityAdminRoutes(app: App, admin: SelectivityAdmin): void {
  const tags = ['customs'];
  app.get('/api/customs/risk-profiles', {
    config: { access: 'customs.work' },
    schema: { tags, summary: 'The risk profiles selectivity applies (docs/customs/risk.md)', response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors(401, 403) } },
  }, async (request) => ({ items: await admin.profiles(principalOf(request)) }));

  app.put('/api/customs/risk-profiles/:id', {
    config: { access: 'customs.matrix.manage' },
    schema: {
      tags,
      summary: 'Create or replace a risk profile; it is checked like the shipped ones, every problem at its field (422 risk_profile_invalid)',
      params: ProfileId,
      body: Type.Object({}, { additionalProperties: true }),
      response: { 200: Type.Unknown(), ...errors(400, 401, 403, 422) },
    },
  }, async (request) => admin.saveProfile(principalOf(request), changeContext(request), request.params.id, request.body));

  app.delete('/api/customs/risk-profiles/:id', {
    config: { access: 'customs.matrix.manage' },
    schema: { tags, summary: 'Remove a risk profile', params: ProfileId, response: { 204: Type.Null(), ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await admin.removeProfile(principalOf(request), changeContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/customs/reference-prices', {
    config: { access: 'customs.work' },
    schema: { tags, summary: 'Reference prices per kilogram, by HS prefix, against which undervaluation is measured', response: { 200: Type.Object({ items: Type.Array(Type.Object({ hsPrefix: Type.String(), pricePerKg: Type.String(), updatedAt: Type.String() })) }), ...errors(401, 403) } },
  }, async (request) => ({ items: await admin.referencePrices(principalOf(request)) }));

  app.put('/api/customs/reference-prices/:hsPrefix', {
    config: { access: 'customs.matrix.manage' },
    schema: {
      tags,
      summary: 'Set the reference price per kilogram of goods under an HS prefix, in the national currency',
      params: HsPrefix,
      body: Closed({ pricePerKg: Type.String({ pattern: '^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,4})?$' }) }),
      response: { 200: Type.Object({ hsPrefix: Type.String(), pricePerKg: Type.String() }), ...errors(400, 401, 403) },
    },
  }, async (request) => admin.savePrice(principalOf(request), changeContext(request), request.params.hsPrefix, request.body.pricePerKg));

  app.get('/api/customs/channel-rates', {
    config: { access: 'customs.work' },
    schema: {
      tags,
      summary: 'How declarations of a period fell into the channels, against the target rates',
      querystring: Closed({ from: Day, to: Day }),
      response: { 200: Type.Object({ from: Type.String(), to: Type.String(), total: Type.Integer(), channels: Type.Array(Type.Unknown()) }), ...errors(400, 401, 403) },
    },
  }, async (request) => admin.channelRates(principalOf(request), request.query.from, request.query.to));
}
