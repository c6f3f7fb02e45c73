import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict } from '../../platform/http/errors.ts';
import { findMember } from './members.ts';
import { serviceNotFound, serviceQuery } from './services.ts';

export interface AccessRightView {
  serviceId: string;
  provider: string;
  serviceCode: string;
  version: string;
  client: string;
  grantedAt: string;
  grantedBy: string;
}

export interface AccessRightKey {
  serviceId: string;
  /** The client member's identifier or id. */
  client: string;
}

async function resolve(db: Db, key: AccessRightKey) {
  const service = await serviceQuery(db).where('s.id', '=', key.serviceId).executeTakeFirst();
  if (!service) throw serviceNotFound(key.serviceId);
  return { service, client: await findMember(db, key.client) };
}

/** Lets a client member call one version of a service: access is granted per version, never implied. */
export async function grantAccess(db: Db, context: ChangeContext, key: AccessRightKey): Promise<AccessRightView> {
  const { service, client } = await resolve(db, key);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('exchange_access_rights')
      .values({ service_id: service.id, client_member_id: client.id, granted_by: context.actor.label })
      .onConflict((oc) => oc.columns(['service_id', 'client_member_id']).doNothing())
      .returning(['granted_at', 'granted_by'])
      .executeTakeFirst();
    if (!inserted) throw conflict('access_right_exists', { client: client.identifier, code: service.code, version: service.version });
    const right: AccessRightView = {
      serviceId: service.id,
      provider: service.provider,
      serviceCode: service.code,
      version: service.version,
      client: client.identifier,
      grantedAt: inserted.granted_at.toISOString(),
      grantedBy: inserted.granted_by,
    };
    await recordAudit(trx, context, { action: 'exchange.access_granted', recordType: 'exchange_service', recordId: service.id, after: right });
    return right;
  });
}

export async function withdrawAccess(db: Db, context: ChangeContext, key: AccessRightKey): Promise<void> {
  const { service, client } = await resolve(db, key);
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('exchange_access_rights')
      .where('service_id', '=', service.id)
      .where('client_member_id', '=', client.id)
      .returning('granted_at')
      .executeTakeFirst();
    if (!deleted) throw new AppError(404, 'access_right_not_found', { client: client.identifier, code: service.code, version: service.version });
    await recordAudit(trx, context, {
      action: 'exchange.access_withdrawn',
      recordType: 'exchange_service',
      recordId: service.id,
      before: { client: client.identifier, provider: service.provider, serviceCode: service.code, version: service.version },
      details: { client: client.identifier },
    });
  });
}

export async function listAccessRights(db: Db): Promise<AccessRightView[]> {
  const rows = await db
    .selectFrom('exchange_access_rights as r')
    .innerJoin('exchange_services as s', 's.id', 'r.service_id')
    .innerJoin('exchange_members as p', 'p.id', 's.member_id')
    .innerJoin('exchange_members as c', 'c.id', 'r.client_member_id')
    .select(['s.id as serviceId', 'p.identifier as provider', 's.code', 's.version', 'c.identifier as client', 'r.granted_at', 'r.granted_by'])
    .orderBy('p.identifier')
    .orderBy('s.code')
    .orderBy('c.identifier')
    .execute();
  return rows.map((r) => ({ serviceId: r.serviceId, provider: r.provider, serviceCode: r.code, version: r.version, client: r.client, grantedAt: r.granted_at.toISOString(), grantedBy: r.granted_by }));
}
