import type { Db } from '../db/database.ts';
import { recordAudit, type ChangeContext } from '../audit/record.ts';
import { notFound } from '../http/errors.ts';
import { agencyScope, assertAllowed, type Principal } from './policy.ts';
import type { RoleGrant } from './roles.ts';
import { assertAgencyExists } from './accounts-store.ts';
import { newApiKey } from './tokens.ts';
import { assertGrantShape } from './user-admin.ts';

/**
 * Machine clients (a ministry's own system, the port community system) authenticate with an API key
 * holding one role grant. The key is shown once, at creation; only its hash is kept.
 */
export async function createApiClient(db: Db, principal: Principal, context: ChangeContext, input: { name: string } & RoleGrant) {
  assertGrantShape(input);
  assertAllowed(principal, 'api_clients.manage', { agencyId: input.agencyId });
  const { key, prefix, secretHash } = newApiKey();
  return db.transaction().execute(async (trx) => {
    await assertAgencyExists(trx, input.agencyId);
    const row = await trx
      .insertInto('api_clients')
      .values({ name: input.name, role: input.role, agency_id: input.agencyId, key_prefix: prefix, key_hash: secretHash, created_by: principal.kind === 'user' ? principal.id : null })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'api_client.created',
      recordType: 'api_client',
      recordId: row.id,
      agencyId: input.agencyId,
      after: { name: input.name, role: input.role, agencyId: input.agencyId, keyPrefix: prefix },
    });
    return { id: row.id, name: input.name, role: input.role, agencyId: input.agencyId, keyPrefix: prefix, key, createdAt: row.created_at.toISOString() };
  });
}

export async function listApiClients(db: Db, principal: Principal) {
  const scope = agencyScope(principal, 'api_clients.manage');
  let query = db.selectFrom('api_clients').selectAll().orderBy('created_at', 'desc');
  if (scope) query = query.where('agency_id', 'in', scope);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    agencyId: r.agency_id,
    keyPrefix: r.key_prefix,
    createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

export async function revokeApiClient(db: Db, principal: Principal, context: ChangeContext, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const client = await trx.selectFrom('api_clients').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!client) throw notFound('api_client', id);
    assertAllowed(principal, 'api_clients.manage', { agencyId: client.agency_id });
    if (client.revoked_at) return;
    await trx.updateTable('api_clients').set({ revoked_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, context, {
      action: 'api_client.revoked',
      recordType: 'api_client',
      recordId: id,
      agencyId: client.agency_id,
      before: { revoked: false },
      after: { revoked: true },
    });
  });
}
