import type { Principal } from '../../../platform/auth/policy.ts';
import { assertAllowed } from '../../../platform/auth/policy.ts';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { agenciesInView } from '../access.ts';

/** A package as retention sees it: its class, its trigger date, its state. */
export const retentionRows = (db: Db | Trx) =>
  db
    .selectFrom('archive_packages as p')
    .select(['p.id', 'p.identifier', 'p.agency_id', 'p.title', 'p.source_reference', 'p.retention_class', 'p.state', 'p.created_at', 'p.stored_at'])
    .where('p.state', '<>', 'ingesting');

export type RetentionRow = Awaited<ReturnType<ReturnType<typeof retentionRows>['executeTakeFirstOrThrow']>>;

/**
 * The agencies whose packages an archivist may hold and propose for disposition: those of their
 * archivist grants, all for the National Archives' (the scope of reading, access.ts).
 */
export async function archivistScope(db: Db, principal: Principal): Promise<string[] | null> {
  assertAllowed(principal, 'archive.retention');
  return agenciesInView(db, principal);
}

/** 404 for a package outside the scope, as reading it would answer. */
export function assertInScope(row: RetentionRow | undefined, scope: string[] | null, identifier: string): asserts row is RetentionRow {
  if (!row || (scope && !scope.includes(row.agency_id))) throw notFound('archive_package', identifier);
}

/** The trigger date of a package's schedule: when it was stored, minutes after its record closed (docs/archive/retention.md). */
export const triggerDateOf = (row: Pick<RetentionRow, 'stored_at' | 'created_at'>): Date => row.stored_at ?? row.created_at;

/** The hold in force on each of these packages. */
export async function holdsInForce(db: Db | Trx, packageIds: readonly string[]) {
  if (packageIds.length === 0) return new Map<string, { reason: string; placed_by: string; placed_at: Date }>();
  const rows = await db.selectFrom('archive_legal_holds').select(['package_id', 'reason', 'placed_by', 'placed_at']).where('package_id', 'in', packageIds).where('lifted_at', 'is', null).execute();
  return new Map(rows.map((r) => [r.package_id, r]));
}
