import type { Db, Trx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';

export const federationRows = (executor: Db | Trx) => executor.selectFrom('federations').selectAll();

export type FederationRow = Awaited<ReturnType<ReturnType<typeof federationRows>['executeTakeFirstOrThrow']>>;

export const federationNotFound = (instance: string) => new AppError(404, 'federation_not_found', { instance });

export async function activeFederation(executor: Db | Trx, instance: string): Promise<FederationRow> {
  const row = await federationRows(executor).where('instance', '=', instance).executeTakeFirst();
  if (!row) throw federationNotFound(instance);
  if (row.status !== 'active') throw new AppError(409, 'federation_not_active', { instance });
  return row;
}

export interface PartnerView {
  instance: string;
  baseUrl: string;
  anchorKid: string;
  status: 'active' | 'ended';
  establishedAt: string;
  establishedBy: string;
  endedAt: string | null;
  endedBy: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  members: { identifier: string; status: 'active' | 'suspended' }[];
  documentKeys: number;
}

/** The agreements, each with the members mirrored from it and how many of its document keys are held. */
export async function partnerViews(db: Db, instance?: string): Promise<PartnerView[]> {
  let query = federationRows(db).orderBy('instance');
  if (instance) query = query.where('instance', '=', instance);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const instances = rows.map((r) => r.instance);
  const [members, keys] = await Promise.all([
    db
      .selectFrom('federation_members as f')
      .innerJoin('exchange_members as m', 'm.id', 'f.member_id')
      .select(['f.instance', 'm.identifier', 'm.status'])
      .where('f.instance', 'in', instances)
      .orderBy('m.identifier')
      .execute(),
    db.selectFrom('federation_document_keys').select(['instance', 'kid']).where('instance', 'in', instances).execute(),
  ]);
  return rows.map((row) => ({
    instance: row.instance,
    baseUrl: row.base_url,
    anchorKid: row.anchor_kid,
    status: row.status,
    establishedAt: row.established_at.toISOString(),
    establishedBy: row.established_by,
    endedAt: row.ended_at?.toISOString() ?? null,
    endedBy: row.ended_by,
    lastSyncedAt: row.last_synced_at?.toISOString() ?? null,
    lastError: row.last_error,
    members: members.filter((m) => m.instance === row.instance).map((m) => ({ identifier: m.identifier, status: m.status })),
    documentKeys: keys.filter((k) => k.instance === row.instance).length,
  }));
}

export async function partnerView(db: Db, instance: string): Promise<PartnerView> {
  const [view] = await partnerViews(db, instance);
  if (!view) throw federationNotFound(instance);
  return view;
}
