import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import { agencyScope, type Principal } from '../../platform/auth/policy.ts';
import { AppError, conflict } from '../../platform/http/errors.ts';
import { DRAFT } from './access.ts';
import type { CaseCore } from './core.ts';
import { addEvent } from './moves.ts';
import { pinnedDefinition } from '../catalogue/index.ts';
import type { FeeSnapshot } from './schema.ts';
import type { FileRow } from './store.ts';
import { automaticStep } from './workflow.ts';

/** What staff do around a file besides moving it: take it, give it back, find what a cashier's desk collects. */
export function deskOperations(core: CaseCore) {
  const { db } = core.deps;

  const heldByMyAgency = (principal: Principal, holdingAgencyId: string | null) => {
    const scope = agencyScope(principal, 'cases.work');
    return holdingAgencyId !== null && (scope === null || scope.includes(holdingAgencyId));
  };

  async function claim(principal: Principal, context: ChangeContext, id: string) {
    const { claimed, relation, definition } = await db.transaction().execute(async (trx) => {
      const found = await core.visibleFile(trx, principal, id, true);
      const { file, relation } = found;
      if (!relation.staff || !heldByMyAgency(principal, file.holding_agency_id)) throw conflict('case_not_in_your_queue', { state: file.state });
      if (file.assigned_to === principal.id) return { ...found, claimed: file };
      if (file.assigned_to) throw conflict('case_claimed_by_other');
      const claimed = await trx.updateTable('applications').set({ assigned_to: principal.id }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await addEvent(trx, context, id, { kind: 'claimed', internal: true });
      await recordAudit(trx, context, { action: 'application.claimed', recordType: 'application', recordId: id, agencyId: file.agency_id, details: { reference: file.reference } });
      return { ...found, claimed };
    });
    return core.present(db, principal, claimed, relation, definition);
  }

  /** The claimant gives the file back; an agency administrator may take it from someone absent. */
  async function release(principal: Principal, context: ChangeContext, id: string) {
    const { released, relation, definition } = await db.transaction().execute(async (trx) => {
      const found = await core.visibleFile(trx, principal, id, true);
      const { file, relation } = found;
      if (!relation.staff || !file.assigned_to) throw conflict('case_not_claimed');
      const isAdmin = principal.grants.some((g) => g.role === 'agency_admin' && (g.agencyId === null || g.agencyId === file.holding_agency_id));
      if (file.assigned_to !== principal.id && !isAdmin) throw conflict('case_claimed_by_other');
      const released = await trx.updateTable('applications').set({ assigned_to: null }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await addEvent(trx, context, id, { kind: 'released', internal: true });
      await recordAudit(trx, context, { action: 'application.released', recordType: 'application', recordId: id, agencyId: file.agency_id, details: { reference: file.reference, claimedBy: file.assigned_to } });
      return { ...found, released };
    });
    return core.present(db, principal, released, relation, definition);
  }

  /**
   * What a cashier's desk looks up: files awaiting their fee, found by the reference the applicant
   * quotes (or the latest ones). Amounts and who filed, never the content.
   */
  async function feesDue(principal: Principal, reference: string | undefined) {
    if (!principal.grants.some((g) => g.role === 'cashier')) throw new AppError(403, 'action_not_yours', { action: 'fee_paid' });
    let query = db.selectFrom('applications').selectAll().where('state', '!=', DRAFT).where('fee', 'is not', null).where('fee_paid_at', 'is', null).orderBy('submitted_at', 'desc').limit(50);
    if (reference) query = query.where('reference', '=', reference.trim().toUpperCase());
    const rows = await query.execute();
    const due: FileRow[] = [];
    for (const file of rows) if (automaticStep(await pinnedDefinition(db, file.procedure_version_id), file.state, 'fee_paid')) due.push(file);
    const summaries = await core.summaries(db, due);
    return { items: summaries.map((summary, index) => ({ ...summary, fee: { ...(due[index]?.fee as FeeSnapshot), paid: false, due: true } })) };
  }

  return { claim, release, feesDue };
}
