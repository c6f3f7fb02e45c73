import { sql, type Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PermitState } from './judge.ts';

type Executor = Db | Transaction<Database>;

export interface PermitRow {
  id: string;
  number: string;
  type: string;
  holderTaxId: string;
  hsPrefix: string;
  unit: string;
  quantity: number;
  drawn: number;
  validFrom: string;
  validUntil: string;
  revoked: boolean;
}

/**
 * One agency's permit by its number; `lock` takes the row for the rest of the transaction, so two
 * declarations holding quantity on the same permit are served one after the other.
 */
export async function permitOf(db: Executor, agencyCode: string, number: string, lock = false): Promise<PermitRow | undefined> {
  let query = db
    .selectFrom('permits')
    .select(['id', 'number', 'type', 'holder_tax_id', 'hs_prefix', 'unit', 'quantity', 'drawn', 'valid_from', 'valid_until', 'revoked_at'])
    .where('agency_code', '=', agencyCode)
    .where('number', '=', number);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    holderTaxId: row.holder_tax_id,
    hsPrefix: row.hs_prefix,
    unit: row.unit,
    quantity: Number(row.quantity),
    drawn: Number(row.drawn),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    revoked: row.revoked_at !== null,
  };
}

/** What declarations other than `declarationId` hold on the permit. */
export async function heldByOthers(db: Executor, permitId: string, declarationId: string | undefined): Promise<number> {
  let query = db.selectFrom('permit_holds').select(sql<string>`coalesce(sum(quantity), 0)::text`.as('held')).where('permit_id', '=', permitId).where('state', '=', 'held');
  if (declarationId !== undefined) query = query.where('declaration_id', '<>', declarationId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.held);
}

export async function stateOf(db: Executor, permit: PermitRow, declarationId?: string): Promise<PermitState> {
  return { ...permit, available: permit.quantity - permit.drawn - (await heldByOthers(db, permit.id, declarationId)) };
}

export function holdOf(trx: Transaction<Database>, permitId: string, declarationId: string) {
  return trx.selectFrom('permit_holds').select(['quantity', 'state']).where('permit_id', '=', permitId).where('declaration_id', '=', declarationId).executeTakeFirst();
}
