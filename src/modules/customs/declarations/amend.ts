import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import { AppError, conflict } from '../../../platform/http/errors.ts';
import { amendable } from './lifecycle.ts';
import type { LodgeDeps } from './lodge.ts';
import { taxAssessed } from './notifications.ts';
import { prepareDeclaration } from './prepare.ts';
import { lockDeclaration, recordNotifications, type DeclarationRow } from './store.ts';
import { jsonb } from '../../../platform/db/json.ts';
import type { DeclarationInput } from './types.ts';

/**
 * A new version of a lodged declaration: checked and assessed again on its original day, its
 * channel kept (an amendment must not re-draw the selection), the old version kept, audited.
 */
export async function amendDeclaration(deps: LodgeDeps, context: ChangeContext, current: DeclarationRow, input: DeclarationInput, reason: string): Promise<DeclarationRow> {
  if (input.localReference !== current.local_reference || input.declarant.taxId !== current.declarant_tax_id) {
    throw new AppError(422, 'declaration_amend_identity', { reference: current.reference });
  }
  const prepared = await prepareDeclaration(input, current.declared_on, deps);
  const agencyId = await deps.customsAgencyId();
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const locked = await lockDeclaration(trx, current.id);
    if (!locked || locked.version !== current.version) throw conflict('declaration_changed_meanwhile', { reference: current.reference });
    if (!amendable(locked.state)) throw conflict('declaration_not_amendable', { reference: locked.reference, state: locked.state });
    const version = locked.version + 1;
    const row = await trx
      .updateTable('customs_declarations')
      .set({ version, payload: jsonb(input), importer_tax_id: input.importer?.taxId ?? null, exporter_tax_id: input.exporter?.taxId ?? null, office_code: input.officeCode, regime: input.regime, assessment: jsonb(prepared.assessment), total_due: prepared.assessment.total, updated_at: at })
      .where('id', '=', locked.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('customs_declaration_versions').values({ declaration_id: row.id, version, payload: jsonb(input), reason, created_by_label: context.actor.label }).execute();
    if (row.state === 'assessed') {
      await recordNotifications(trx, row.id, [{ kind: 'tax_assessed', body: taxAssessed({ reference: row.reference, localReference: row.local_reference, officeCode: row.office_code, version }, prepared.assessment, at) }]);
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
