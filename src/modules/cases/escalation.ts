import { recordAudit, systemContext } from '../../platform/audit/record.ts';
import { today } from './calendar.ts';
import type { CaseCore } from './core.ts';
import { addEvent } from './moves.ts';

const BATCH = 200;

/**
 * Marks every file whose step is past its due day and tells the holding agency's administrators,
 * once per step (a move clears the mark). Run by the hourly job `cases.escalate_overdue`.
 */
export async function escalateOverdue(core: CaseCore, day = today()): Promise<number> {
  const { db, bus } = core.deps;
  const context = systemContext('deadline watch');
  let escalated = 0;
  const seen = new Set<string>();
  for (;;) {
    const due = await db
      .selectFrom('applications')
      .select('id')
      .where('due_on', '<', day)
      .where('escalated_at', 'is', null)
      .where('holding_agency_id', 'is not', null)
      .orderBy('due_on')
      .limit(BATCH)
      .execute();
    const fresh = due.filter(({ id }) => !seen.has(id));
    if (fresh.length === 0) return escalated;
    for (const { id } of fresh) {
      seen.add(id);
      await db.transaction().execute(async (trx) => {
        const file = await trx.selectFrom('applications').selectAll().where('id', '=', id).where('escalated_at', 'is', null).forUpdate().executeTakeFirst();
        if (!file?.due_on || !file.holding_agency_id) return;
        await trx.updateTable('applications').set({ escalated_at: new Date() }).where('id', '=', id).execute();
        await addEvent(trx, context, id, { kind: 'escalated', internal: true, comment: file.due_on });
        await bus.emit(trx, 'application.escalated', {
          applicationId: id,
          reference: file.reference,
          procedureId: file.procedure_id,
          procedureVersion: file.procedure_version,
          agencyCode: await core.agencies.codeOf(file.agency_id, trx),
          holdingAgencyCode: await core.agencies.codeOf(file.holding_agency_id, trx),
          state: file.state,
          dueOn: file.due_on,
        });
        await recordAudit(trx, context, { action: 'application.escalated', recordType: 'application', recordId: id, agencyId: file.holding_agency_id, details: { reference: file.reference, dueOn: file.due_on, state: file.state } });
        escalated += 1;
      });
    }
  }
}
