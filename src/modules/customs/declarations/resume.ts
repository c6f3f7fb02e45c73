import { recordAudit, systemContext } from '../../../platform/audit/record.ts';
import { jsonb } from '../../../platform/db/json.ts';
import type { Assessment } from '../assessment/types.ts';
import type { DocumentCheck } from './document-checks.ts';
import { statesAfterChecks } from './lifecycle.ts';
import { documentProblems, emitMoved, type LodgeDeps } from './lodge.ts';
import { declaredOf, rejected, taxAssessed } from './notifications.ts';
import type { DeclarationState } from './schema.ts';
import { lockDeclaration, recordNotifications, recordStates, type DeclarationRow } from './store.ts';
import type { DeclarationInput } from './types.ts';

const RESUMER = systemContext('customs.document_checks');
/** Declarations asked about per round: an issuer back after an outage answers for all of them over a few rounds. */
const BATCH = 50;

/**
 * Asks again about the documents of declarations lodged while an issuer did not answer. All
 * confirmed: the declaration goes on as if lodged now (checked, channel, assessment). One refused:
 * the declaration is rejected with the refusals pointing at the cited documents, holds freed.
 * Still unanswered: it keeps waiting, with what did answer kept. Returns how many moved on.
 */
export async function resumeAwaiting(deps: LodgeDeps): Promise<number> {
  const waiting = await deps.db.selectFrom('customs_declarations').selectAll().where('awaiting_documents', '=', true).where('state', '=', 'lodged').orderBy('lodged_at').limit(BATCH).execute();
  let moved = 0;
  for (const row of waiting) {
    const input = row.payload as DeclarationInput;
    const checks = await deps.documents.check(input, row.id, row.declared_on, { hold: true, keep: row.document_checks as DocumentCheck[] });
    const refused = documentProblems(checks);
    const awaiting = checks.some((c) => c.status === 'awaiting');
    const decision = refused.length === 0 && !awaiting ? { ...(await deps.risk.select(input, row.assessment as Assessment, row.declared_on)), tariffVersion: (await deps.reference.tariffOn(row.declared_on)).version } : null;
    if ((await settleWaiting(deps, row, checks, refused, decision)) === 'moved') moved += 1;
  }
  return moved;
}

type Decision = (Awaited<ReturnType<LodgeDeps['risk']['select']>> & { tariffVersion: { id: string; label: string } }) | null;

async function settleWaiting(deps: LodgeDeps, current: DeclarationRow, checks: DocumentCheck[], refused: ReturnType<typeof documentProblems>, decision: Decision): Promise<'moved' | 'waiting' | 'stale'> {
  const agencyId = await deps.customsAgencyId();
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockDeclaration(trx, current.id);
    if (row?.state === 'rejected') {
      // Rejected meanwhile: what this round held is freed too.
      const before = current.document_checks as DocumentCheck[];
      await deps.documents.settle(trx, row.id, checks.filter((c) => !before.some((old) => old.held && old.reference === c.reference)), 'released');
      return 'stale';
    }
    // Amended meanwhile (the amendment asked again itself), or moved on: this round's answers are stale.
    if (!row || row.version !== current.version || row.state !== 'lodged' || !row.awaiting_documents) return 'stale';
    const later = decision ? statesAfterChecks(decision.channel) : [];
    const outcome = refused.length > 0
      ? { state: 'rejected' as const, awaiting_documents: false, rejection: jsonb({ reason: 'documents_refused', code: 'documents_refused', fields: refused }) }
      : decision
        ? { state: later[later.length - 1]!, channel: decision.channel, risk: jsonb(decision), awaiting_documents: false }
        : {};
    const updated = await trx.updateTable('customs_declarations').set({ document_checks: jsonb(checks), updated_at: at, ...outcome }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    const state: DeclarationState = updated.state;
    if (state === 'rejected') {
      await recordStates(trx, row.id, ['rejected'], RESUMER.actor.label);
      const errors = refused.map((p) => ({ code: p.code, pointer: p.path, message: `${String(p.params.document)}: ${p.code}` }));
      await recordNotifications(trx, row.id, [{ kind: 'rejected', body: rejected(declaredOf(row), errors, at) }]);
      await deps.documents.settle(trx, row.id, checks, 'released');
    } else if (decision) {
      await recordStates(trx, row.id, later, RESUMER.actor.label);
      if (state === 'assessed') await recordNotifications(trx, row.id, [{ kind: 'tax_assessed', body: taxAssessed(declaredOf(row), row.assessment as Assessment, at) }]);
    }
    if (state !== 'lodged') await emitMoved(trx, deps.bus, updated, state === 'rejected' ? 'customs.declaration.rejected' : state === 'assessed' ? 'customs.declaration.assessed' : 'customs.declaration.lodged');
    await recordAudit(trx, RESUMER, {
      action: 'customs.declaration_documents_checked',
      recordType: 'customs_declaration',
      recordId: row.id,
      agencyId,
      before: { state: row.state, documents: (row.document_checks as DocumentCheck[]).map((c) => `${c.reference}:${c.status}`) },
      after: { state, channel: decision?.channel ?? null, documents: checks.map((c) => `${c.reference}:${c.status}`) },
      details: { reference: row.reference },
    });
    return state === 'lodged' ? 'waiting' : 'moved';
  });
}
