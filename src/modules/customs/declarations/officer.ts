import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import { conflict } from '../../../platform/http/errors.ts';
import type { DocumentCheck } from './document-checks.ts';
import { emitMoved, type LodgeDeps } from './lodge.ts';
import { assertMove } from './lifecycle.ts';
import { declaredOf, rejected, taxAssessed } from './notifications.ts';
import type { RiskFeedback } from './ports.ts';
import type { InspectionOutcome } from './schema.ts';
import { lockDeclaration, recordNotifications, recordStates, type DeclarationRow } from './store.ts';
import type { Assessment } from '../assessment/types.ts';
import { jsonb } from '../../../platform/db/json.ts';

export interface InspectionReport {
  outcome: InspectionOutcome;
  findings: string;
}

/**
 * An officer's inspection of a yellow or red declaration. Conform or discrepancy: the declaration
 * is assessed (a discrepancy is corrected by an amendment before or after); seizure: it is
 * rejected. The outcome feeds the importer's and the declarant's risk records.
 */
export async function recordInspection(deps: LodgeDeps & { feedback: RiskFeedback }, context: ChangeContext, inspectorId: string | null, id: string, report: InspectionReport): Promise<DeclarationRow> {
  const agencyId = await deps.customsAgencyId();
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockDeclaration(trx, id);
    if (!row) throw conflict('declaration_changed_meanwhile', { reference: id });
    if (row.channel !== 'yellow' && row.channel !== 'red') throw conflict('declaration_not_selected', { reference: row.reference, channel: row.channel });
    assertMove(row.reference, row.state, 'inspected');
    const next = report.outcome === 'seizure' ? 'rejected' : 'assessed';
    const inspection = await trx
      .insertInto('customs_inspections')
      .values({ declaration_id: row.id, outcome: report.outcome, findings: report.findings, inspector_id: inspectorId, inspector_label: context.actor.label })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rejection = next === 'rejected' ? { reason: report.findings, code: 'seized' } : null;
    const updated = await trx
      .updateTable('customs_declarations')
      .set({ state: next, rejection: rejection && jsonb(rejection), updated_at: at })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStates(trx, row.id, ['inspected', next], context.actor.label);
    if (next === 'rejected') await deps.documents.settle(trx, row.id, row.document_checks as DocumentCheck[], 'released');
    const note = next === 'assessed'
      ? taxAssessed(declaredOf(row), row.assessment as Assessment, at)
      : rejected(declaredOf(row), [{ code: 'seized', pointer: '/Declaration', message: report.findings }], at);
    await recordNotifications(trx, row.id, [{ kind: note.kind, body: note }]);
    const parties = [row.importer_tax_id ?? row.exporter_tax_id, row.declarant_tax_id].filter((t): t is string => t !== null);
    await deps.feedback.afterInspection(trx, [...new Set(parties)], report.outcome);
    await emitMoved(trx, deps.bus, updated, next === 'assessed' ? 'customs.declaration.assessed' : 'customs.declaration.rejected');
    await recordAudit(trx, context, {
      action: 'customs.declaration_inspected',
      recordType: 'customs_declaration',
      recordId: row.id,
      agencyId,
      before: { state: row.state },
      after: { state: next, outcome: report.outcome },
      details: { reference: row.reference, inspectionId: inspection.id, outcome: report.outcome },
    });
    return updated;
  });
}

/** An officer refuses a declaration before its duties are paid, with a reason the declarant reads. */
export async function rejectDeclaration(deps: LodgeDeps, context: ChangeContext, id: string, reason: string): Promise<DeclarationRow> {
  const agencyId = await deps.customsAgencyId();
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockDeclaration(trx, id);
    if (!row) throw conflict('declaration_changed_meanwhile', { reference: id });
    assertMove(row.reference, row.state, 'rejected');
    const updated = await trx
      .updateTable('customs_declarations')
      .set({ state: 'rejected', rejection: jsonb({ reason, code: 'rejected_by_officer' }), updated_at: at })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStates(trx, row.id, ['rejected'], context.actor.label);
    await deps.documents.settle(trx, row.id, row.document_checks as DocumentCheck[], 'released');
    const note = rejected(declaredOf(row), [{ code: 'rejected_by_officer', pointer: '/Declaration', message: reason }], at);
    await recordNotifications(trx, row.id, [{ kind: 'rejected', body: note }]);
    await emitMoved(trx, deps.bus, updated, 'customs.declaration.rejected');
    await recordAudit(trx, context, { action: 'customs.declaration_rejected', recordType: 'customs_declaration', recordId: row.id, agencyId, before: { state: row.state }, after: { state: 'rejected' }, details: { reference: row.reference, reason } });
    return updated;
  });
}
