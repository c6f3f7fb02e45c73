import type { ChangeContext } from '../../platform/audit/record.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { AppError, conflict, fieldError } from '../../platform/http/errors.ts';
import { findMember } from './members.ts';
import { checkServiceSchema } from './services-schema-check.ts';

export interface ServiceInput {
  code: string;
  version: string;
  title: LocalisedText;
  requestSchema: Record<string, unknown>;
  responseSchema: Record<string, unknown>;
}

export interface ServiceView extends ServiceInput {
  id: string;
  provider: string;
  createdAt: string;
}

export const serviceNotFound = (id: string) => new AppError(404, 'service_not_found', { id });

export function serviceQuery(db: Db) {
  return db
    .selectFrom('exchange_services as s')
    .innerJoin('exchange_members as m', 'm.id', 's.member_id')
    .select(['s.id', 'm.identifier as provider', 's.code', 's.version', 's.title', 's.request_schema', 's.response_schema', 's.created_at']);
}

type ServiceRow = Awaited<ReturnType<ReturnType<typeof serviceQuery>['executeTakeFirstOrThrow']>>;

export const serviceViewOf = (row: ServiceRow): ServiceView => ({
  id: row.id,
  provider: row.provider,
  code: row.code,
  version: row.version,
  title: row.title,
  requestSchema: row.request_schema,
  responseSchema: row.response_schema,
  createdAt: row.created_at.toISOString(),
});

/**
 * Registers one version of a provider's service. Versions are immutable once registered: a
 * changed contract is a new version, so clients that were granted the old one keep what they signed up for.
 */
export async function registerService(db: Db, context: ChangeContext, memberId: string, input: ServiceInput): Promise<ServiceView> {
  for (const [at, schema] of [['/requestSchema', input.requestSchema], ['/responseSchema', input.responseSchema]] as const) {
    const check = checkServiceSchema(schema, at);
    if (!check.ok) throw fieldError(400, 'invalid_service_schema', check.path, { path: check.path, reason: check.reason });
  }
  const member = await findMember(db, memberId);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('exchange_services')
      .values({
        member_id: member.id,
        code: input.code,
        version: input.version,
        title: jsonb(input.title),
        request_schema: jsonb(input.requestSchema),
        response_schema: jsonb(input.responseSchema),
      })
      .onConflict((oc) => oc.constraint('exchange_services_version').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw conflict('service_exists', { provider: member.identifier, code: input.code, version: input.version });
    const service: ServiceView = { ...input, id: inserted.id, provider: member.identifier, createdAt: new Date().toISOString() };
    await recordAudit(trx, context, {
      action: 'exchange.service_registered',
      recordType: 'exchange_service',
      recordId: inserted.id,
      after: service,
      details: { provider: member.identifier, code: input.code, version: input.version },
    });
    return service;
  });
}

export async function listServices(db: Db, memberId?: string): Promise<ServiceView[]> {
  let query = serviceQuery(db);
  if (memberId) query = query.where('s.member_id', '=', memberId);
  return (await query.orderBy('m.identifier').orderBy('s.code').orderBy('s.version').execute()).map(serviceViewOf);
}
