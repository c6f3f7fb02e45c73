import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { changeContext } from '../../platform/http/request-context.ts';
import { errors } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { grantAccess, withdrawAccess } from './access-rights.ts';
import * as S from './http-schema.ts';
import { addMemberKey, endMemberKey, listMemberKeys } from './members-keys.ts';
import { findMember, listMembers, registerMember, updateMember } from './members.ts';
import { discovery } from './registry.ts';
import { listServices, registerService } from './services.ts';

const tags = ['exchange'];

/**
 * The registry of the interconnection layer: platform administrators manage it, auditors read it.
 * `changed` runs after every change answered, so this process's protocol sees it on the next message.
 */
export function exchangeRegistryRoutes(parent: App, db: Db, changed: () => void): void {
  parent.register(async (app) => {
    app.addHook('onResponse', async (request, reply) => {
      if (request.method !== 'GET' && reply.statusCode < 400) changed();
    });
    registryRoutes(app, db);
  });
}

function registryRoutes(app: App, db: Db): void {
  app.post('/api/exchange/members', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: 'Register a member of the exchange (an agency, an external system, a foreign single window)', body: S.NewMember, response: { 201: S.Member, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.status(201).send(await registerMember(db, changeContext(request), request.body)));

  app.get('/api/exchange/members', {
    config: { access: 'exchange.read' },
    schema: { tags, summary: 'Every member of the exchange', response: { 200: Type.Object({ items: Type.Array(S.Member) }), ...errors(401, 403) } },
  }, async () => ({ items: await listMembers(db) }));

  app.get('/api/exchange/members/:id', {
    config: { access: 'exchange.read' },
    schema: { tags, summary: 'A member (by id or identifier) with all its keys and services', params: S.MemberParams, response: { 200: S.MemberDetail, ...errors(401, 403, 404) } },
  }, async (request) => {
    const member = await findMember(db, request.params.id);
    return { member, keys: await listMemberKeys(db, member.id), services: await listServices(db, member.id) };
  });

  app.patch('/api/exchange/members/:id', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: "Rename a member, suspend it or make it active again", params: S.MemberParams, body: S.MemberPatch, response: { 200: S.Member, ...errors(400, 401, 403, 404) } },
  }, async (request) => updateMember(db, changeContext(request), request.params.id, request.body));

  app.post('/api/exchange/members/:id/keys', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: "Add a member's Ed25519 public key; its kid is the RFC 7638 thumbprint", params: S.MemberParams, body: S.NewKey, response: { 201: S.MemberKey, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.status(201).send(await addMemberKey(db, changeContext(request), request.params.id, request.body.jwk)));

  app.post('/api/exchange/members/:id/keys/:kid/retire', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: 'Retire a key: it signs nothing new but still verifies what it signed', params: S.KeyParams, response: { 200: S.MemberKey, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => endMemberKey(db, changeContext(request), request.params.id, request.params.kid, { revoke: false }));

  app.post('/api/exchange/members/:id/keys/:kid/revoke', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: 'Revoke a key (compromise): nothing it signed is trusted any more', params: S.KeyParams, body: S.Revocation, response: { 200: S.MemberKey, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => endMemberKey(db, changeContext(request), request.params.id, request.params.kid, { revoke: true, reason: request.body.reason }));

  app.post('/api/exchange/members/:id/services', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: "Register a version of a member's service with its request and response JSON Schemas", params: S.MemberParams, body: S.NewService, response: { 201: S.Service, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.status(201).send(await registerService(db, changeContext(request), request.params.id, request.body)));

  app.post('/api/exchange/access-rights', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: 'Let a client member call one version of a service', body: S.AccessRightBody, response: { 201: S.AccessRight, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.status(201).send(await grantAccess(db, changeContext(request), request.body)));

  app.delete('/api/exchange/access-rights', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: 'Withdraw a client member’s right to call a service version', querystring: S.AccessRightBody, response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await withdrawAccess(db, changeContext(request), request.query);
    return reply.status(204).send(null);
  });

  // Public, as X-Road's global configuration and /.well-known/jwks.json are: members fetch it
  // before they hold any credential here, and it holds only public keys, contracts and grants.
  app.get('/api/exchange/discovery', {
    config: { access: 'public' },
    schema: { tags, summary: 'Active members with their active keys, and their services with schemas and the clients granted each', response: { 200: S.Discovery } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return discovery(db);
  });
}
