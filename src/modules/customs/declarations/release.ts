import { recordAudit, systemContext, type ChangeContext } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { jsonb } from '../../../platform/db/json.ts';
import type { DocumentCheck } from './document-checks.ts';
import { dayOf, documentProblems, emitMoved, type LodgeDeps } from './lodge.ts';
import { cleared, declaredOf } from './notifications.ts';
import { findDeclaration, lockDeclaration, recordNotifications, recordStates } from './store.ts';
import type { DeclarationInput } from './types.ts';

const RELEASER = systemContext('customs.release');

/** The new answers, with the holds taken at lodgement (a confirmation holds nothing). */
const withHolds = (answers: readonly DocumentCheck[], lodged: readonly DocumentCheck[]) =>
  answers.map((a) => ({ ...a, held: lodged.some((l) => l.held && l.type === a.type && l.reference === a.reference) }));

/**
 * Releases a paid declaration: every cited document is confirmed again with its issuer on the day
 * of release, then in one transaction the declaration is released, the quantities held on its
 * permits are drawn down (exactly-once messages sent on commit), the declarant is notified and the
 * event that issues the release note is published. A document no longer valid blocks the release
 * (the declaration stays paid, the refusal on screen for an officer, who may try again once the
 * issuer has put it right); an issuer that does not answer makes this throw (503), and the bus
 * tries again later.
 */
export async function releaseDeclaration(deps: LodgeDeps, declarationId: string, context: ChangeContext = RELEASER): Promise<'released' | 'blocked' | 'skipped'> {
  const current = await findDeclaration(deps.db, { id: declarationId });
  if (!current || current.state !== 'paid') return 'skipped';
  const at = deps.now();
  const answers = await deps.documents.check(current.payload as DeclarationInput, current.id, dayOf(at), { hold: false });
  const silent = answers.filter((c) => c.status === 'awaiting');
  if (silent.length > 0) throw new AppError(503, 'declaration_release_waiting', { reference: current.reference, agencies: silent.map((c) => c.provider).join(', '), reason: silent[0]!.reason ?? '' }, undefined, { 'retry-after': '30' });
  const problems = documentProblems(answers);
  const agencyId = await deps.customsAgencyId();

  return deps.db.transaction().execute(async (trx) => {
    const row = await lockDeclaration(trx, declarationId);
    if (!row || row.state !== 'paid') return 'skipped';
    const lodged = row.document_checks as DocumentCheck[];
    const checks = withHolds(answers, lodged);
    if (problems.length > 0) {
      await trx.updateTable('customs_declarations').set({ document_checks: jsonb(checks), updated_at: at }).where('id', '=', row.id).execute();
      await recordAudit(trx, context, { action: 'customs.release_blocked', recordType: 'customs_declaration', recordId: row.id, agencyId, details: { reference: row.reference, problems: problems.map((p) => `${p.path}:${p.code}`) } });
      return 'blocked';
    }
    const released = await trx
      .updateTable('customs_declarations')
      .set({ state: 'released', released_at: at, document_checks: jsonb(checks), updated_at: at })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStates(trx, row.id, ['released'], context.actor.label);
    await deps.documents.settle(trx, row.id, lodged, 'drawn');
    await recordNotifications(trx, row.id, [{ kind: 'cleared', body: cleared(declaredOf(row), at) }]);
    await emitMoved(trx, deps.bus, released, 'customs.declaration.released');
    await recordAudit(trx, context, {
      action: 'customs.declaration_released',
      recordType: 'customs_declaration',
      recordId: row.id,
      agencyId,
      before: { state: 'paid' },
      after: { state: 'released', drawn: lodged.filter((c) => c.held).map((c) => c.reference) },
      details: { reference: row.reference },
    });
    return 'released';
  });
}
