import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import { AppError, conflict } from '../../../platform/http/errors.ts';
import { invalidDeclaration } from './check-input.ts';
import type { DocumentCheck } from './document-checks.ts';
import { amendable } from './lifecycle.ts';
import { documentProblems, type LodgeDeps } from './lodge.ts';
import { declaredOf, taxAssessed } from './notifications.ts';
import { prepareDeclaration } from './prepare.ts';
import { lockDeclaration, recordNotifications, type DeclarationRow } from './store.ts';
import { jsonb } from '../../../platform/db/json.ts';
import type { DeclarationInput } from './types.ts';

/**
 * A new version of a lodged declaration: checked and assessed again on its original day, its
 * cited documents confirmed again (holds replaced by the new quantities, freed on documents no
 * longer cited), its channel kept (an amendment must not re-draw the selection), the old version
 * kept, audited. An issuer that does not answer stops the amendment of a declaration that was
 * already confirmed: it is not stored, and the broker tries again.
 */
export async function amendDeclaration(deps: LodgeDeps, context: ChangeContext, current: DeclarationRow, input: DeclarationInput, reason: string): Promise<DeclarationRow> {
  if (input.localReference !== current.local_reference || input.declarant.taxId !== current.declarant_tax_id) {
    throw new AppError(422, 'declaration_amend_identity', { reference: current.reference });
  }
  const prepared = await prepareDeclaration(input, current.declared_on, deps);
  const checks = await deps.documents.check(input, current.id, current.declared_on, { hold: true });
  const problems = documentProblems(checks);
  if (problems.length > 0) throw invalidDeclaration(problems);
  const awaiting = checks.filter((c) => c.status === 'awaiting');
  if (awaiting.length > 0 && !current.awaiting_documents) throw new AppError(503, 'declaration_documents_unanswered', { reference: current.reference, agencies: awaiting.map((c) => c.provider).join(', ') });
  const dropped = (current.document_checks as DocumentCheck[]).filter((old) => !checks.some((c) => c.type === old.type && c.reference === old.reference));
  const agencyId = await deps.customsAgencyId();
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const locked = await lockDeclaration(trx, current.id);
    if (!locked || locked.version !== current.version) throw conflict('declaration_changed_meanwhile', { reference: current.reference });
    if (!amendable(locked.state)) throw conflict('declaration_not_amendable', { reference: locked.reference, state: locked.state });
    const version = locked.version + 1;
    const row = await trx
      .updateTable('customs_declarations')
      .set({ version, document_checks: jsonb(checks), awaiting_documents: awaiting.length > 0, payload: jsonb(input), importer_tax_id: input.importer?.taxId ?? null, exporter_tax_id: input.exporter?.taxId ?? null, office_code: input.officeCode, regime: input.regime, assessment: jsonb(prepared.assessment), total_due: prepared.assessment.total, updated_at: at })
      .where('id', '=', locked.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await deps.documents.settle(trx, row.id, dropped, 'released');
    await trx.insertInto('customs_declaration_versions').values({ declaration_id: row.id, version, payload: jsonb(input), reason, created_by_label: context.actor.label }).execute();
    if (row.state === 'assessed') {
      await recordNotifications(trx, row.id, [{ kind: 'tax_assessed', body: taxAssessed(declaredOf(row), prepared.assessment, at) }]);
    }
    await recordAudit(trx, context, {
      action: 'customs.declaration_amended',
      recordType: 'customs_declaration',
      recordId: row.id,
      agencyId,
      before: { version: locked.version, payload: locked.payload, totalDue: locked.total_due },
      after: { version, payload: input, totalDue: prepared.assessment.total },
      details: { reference: row.reference, version, reason },
    });
    return row;
  });
}
