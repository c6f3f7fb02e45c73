import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import { changeContext, principalOf } from '../http/request-context.ts';
import { Closed, Email, errors, LocaleSchema, Uuid } from '../http/schema.ts';
import type { App } from '../http/server.ts';
import { createApiClient, listApiClients, revokeApiClient } from './api-clients.ts';
import { ROLES } from './roles.ts';
import { createStaffUser, disableUser, listStaffUsers } from './user-admin.ts';

const RoleSchema = Type.Enum(ROLES);
const Grant = Closed({ role: RoleSchema, agencyId: Type.Union([Uuid, Type.Null()]) });
const LocalisedName = Type.Object({ fr: Type.String(), ar: Type.String(), en: Type.String() });
const ApiClient = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  agencyId: Type.Union([Type.String(), Type.Null()]),
  keyPrefix: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

/** Agencies, staff accounts and machine clients: what administrators manage. */
export function adminRoutes(app: App, db: Db): void {
  app.get('/api/agencies', {
    config: { access: 'public' },
    schema: {
      tags: ['identity'],
      summary: 'The agencies that have joined the platform',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), names: LocalisedName })) }) },
    },
  }, async () => ({ items: await db.selectFrom('agencies').select(['id', 'code', 'names']).orderBy('code').execute() }));

  app.get('/api/users', {
    config: { access: 'users.read' },
    schema: {
      tags: ['administration'],
      summary: 'Staff accounts within the caller’s agencies',
      querystring: Closed({ agencyId: Type.Optional(Uuid) }),
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), email: Type.String(), displayName: Type.String(), disabled: Type.Boolean(), grants: Type.Array(Grant) })) }),
        ...errors(400, 401, 403),
      },
    },
  }, async (request) => ({ items: await listStaffUsers(db, principalOf(request), request.query.agencyId) }));

  app.post('/api/users', {
    config: { access: 'users.manage' },
    schema: {
      tags: ['administration'],
      summary: 'Create a staff account with its role grants',
      body: Closed({
        email: Email,
        displayName: Type.String({ minLength: 2, maxLength: 120 }),
        password: Type.String({ minLength: 1, maxLength: 1024 }),
        locale: LocaleSchema,
        grants: Type.Array(Grant, { minItems: 1, maxItems: 10 }),
      }),
      response: { 201: Type.Object({ id: Type.String() }), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const id = await createStaffUser(db, principalOf(request), changeContext(request), request.body);
    return reply.status(201).send({ id });
  });

  app.post('/api/users/:id/disable', {
    config: { access: 'users.manage' },
    schema: { tags: ['administration'], summary: 'Disable an account and end its sessions', params: Closed({ id: Uuid }), response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await disableUser(db, principalOf(request), changeContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/api-clients', {
    config: { access: 'api_clients.manage' },
    schema: { tags: ['administration'], summary: 'Machine clients and their keys (prefix only)', response: { 200: Type.Object({ items: Type.Array(ApiClient) }), ...errors(401, 403) } },
  }, async (request) => ({ items: await listApiClients(db, principalOf(request)) }));

  app.post('/api/api-clients', {
    config: { access: 'api_clients.manage' },
    schema: {
      tags: ['administration'],
      summary: 'Create a machine client; the key is returned once',
      body: Closed({ name: Type.String({ minLength: 2, maxLength: 120 }), role: RoleSchema, agencyId: Type.Union([Uuid, Type.Null()]) }),
      response: { 201: Type.Intersect([ApiClient, Type.Object({ key: Type.String() })]), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const created = await createApiClient(db, principalOf(request), changeContext(request), request.body);
    return reply.status(201).send({ ...created, revokedAt: null });
  });

  app.delete('/api/api-clients/:id', {
    config: { access: 'api_clients.manage' },
    schema: { tags: ['administration'], summary: 'Revoke a machine client’s key', params: Closed({ id: Uuid }), response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await revokeApiClient(db, principalOf(request), changeContext(request), request.params.id);
    return reply.status(204).send(null);
  });
}
