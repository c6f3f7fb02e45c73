import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict } from '../../../platform/http/errors.ts';
import { recordEvents } from '../events.ts';
import { archivistScope, assertInScope, retentionRows } from './packages.ts';

export interface LegalHold {
  package: string;
  reason: string;
  placedBy: string;
  placedAt: string;
}

/**
 * Legal holds (ISO 15489-1 §9.9: disposition is suspended while records may be needed for a
 * litigation, an investigation or an audit). A hold blocks every disposition of the package until
 * it is lifted; both moves are PREMIS "policy assignment" events and audited. The package row is
 * locked, so a hold and an approved destruction of the same package are decided one after the other.
 */
export function legalHolds(db: Db) {
  async function place(principal: Principal, context: ChangeContext, identifier: string, reason: string): Promise<LegalHold> {
    const scope = await archivistScope(db, principal);
    return db.transaction().execute(async (trx) => {
      const row = await retentionRows(trx).where('p.identifier', '=', identifier).forUpdate().executeTakeFirst();
      assertInScope(row, scope, identifier);
      if (row.state === 'destroyed') throw conflict('archive_package_destroyed', { identifier });
      const hold = await trx
        .insertInto('archive_legal_holds')
        .values({ package_id: row.id, reason, placed_by: context.actor.label })
        .onConflict((oc) => oc.column('package_id').where('lifted_at', 'is', null).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!hold) throw conflict('archive_package_already_on_hold', { identifier });
      await recordEvents(trx, context.actor.label, [{ type: 'policy assignment', outcome: 'success', detail: `legal hold placed: ${reason}`, packageId: row.id, fileId: null }]);
      await recordAudit(trx, context, { action: 'archive.legal_hold_placed', recordType: 'archive_package', recordId: row.id, agencyId: row.agency_id, after: { hold: hold.id, reason }, details: { identifier, reason } });
      return { package: identifier, reason, placedBy: hold.placed_by, placedAt: hold.placed_at.toISOString() };
    });
  }

  async function lift(principal: Principal, context: ChangeContext, identifier: string, reason: string): Promise<void> {
    const scope = await archivistScope(db, principal);
    await db.transaction().execute(async (trx) => {
      const row = await retentionRows(trx).where('p.identifier', '=', identifier).forUpdate().executeTakeFirst();
      assertInScope(row, scope, identifier);
      const lifted = await trx
        .updateTable('archive_legal_holds')
        .set({ lifted_at: new Date(), lifted_by: context.actor.label, lift_reason: reason })
        .where('package_id', '=', row.id)
        .where('lifted_at', 'is', null)
        .returning(['id', 'reason'])
        .executeTakeFirst();
      if (!lifted) throw conflict('archive_package_not_on_hold', { identifier });
      await recordEvents(trx, context.actor.label, [{ type: 'policy assignment', outcome: 'success', detail: `legal hold lifted: ${reason}`, packageId: row.id, fileId: null }]);
      await recordAudit(trx, context, { action: 'archive.legal_hold_lifted', recordType: 'archive_package', recordId: row.id, agencyId: row.agency_id, before: { hold: lifted.id, reason: lifted.reason }, details: { identifier, reason } });
    });
  }

  /** Holds in force on the archivist's packages, newest first: the console's list of what may not be destroyed. */
  async function inForce(principal: Principal, query: { limit: number; offset: number }): Promise<(LegalHold & { title: string })[]> {
    const scope = await archivistScope(db, principal);
    if (scope?.length === 0) return [];
    let rows = retentionRows(db)
      .innerJoin('archive_legal_holds as h', 'h.package_id', 'p.id')
      .select(['h.reason', 'h.placed_by', 'h.placed_at'])
      .where('h.lifted_at', 'is', null)
      .orderBy('h.placed_at', 'desc')
      .orderBy('p.identifier')
      .limit(query.limit)
      .offset(query.offset);
    if (scope) rows = rows.where('p.agency_id', 'in', scope);
    return (await rows.execute()).map((r) => ({ package: r.identifier, title: r.title, reason: r.reason, placedBy: r.placed_by, placedAt: r.placed_at.toISOString() }));
  }

  return { place, lift, inForce };
}
