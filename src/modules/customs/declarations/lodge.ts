import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../../database.ts';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/bus.ts';
import type { RegulatoryMatrix } from '../regulatory/service.ts';
import { invalidDeclaration, type FieldProblem } from './check-input.ts';
import type { DocumentConfirmation } from './confirm-documents.ts';
import type { DocumentCheck } from './document-checks.ts';
import type { CustomsTopics } from './events.ts';
import { statesAfterChecks } from './lifecycle.ts';
import { accepted, declaredOf, taxAssessed } from './notifications.ts';
import type { DeclarationReference, RiskSelection } from './ports.ts';
import { prepareDeclaration, type CustomsCountry } from './prepare.ts';
import type { DeclarationState } from './schema.ts';
import { insertDeclaration, nextReference, recordNotifications, recordStates, type DeclarationRow } from './store.ts';
import type { DeclarationInput } from './types.ts';

export interface LodgeDeps {
  db: Db;
  bus: EventBus<CustomsTopics>;
  reference: DeclarationReference;
  matrix: RegulatoryMatrix;
  risk: RiskSelection;
  documents: DocumentConfirmation;
  country: CustomsCountry;
  customsAgencyId: () => Promise<string>;
  now: () => Date;
}

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** Each refused document as a problem on every field citing it. */
export const documentProblems = (checks: readonly DocumentCheck[]): FieldProblem[] =>
  checks.filter((c) => c.status === 'refused').flatMap((c) => c.paths.flatMap((path) => c.problems.map((p) => ({ path, code: p.code, params: { ...p.params, document: c.reference, agency: c.provider } }))));

/** Frees what was held for a declaration that will not go on (refused, or its insert failed). */
export const releaseHolds = (deps: Pick<LodgeDeps, 'db' | 'documents'>, declarationId: string, checks: readonly DocumentCheck[]) =>
  checks.some((c) => c.held) ? deps.db.transaction().execute((trx) => deps.documents.settle(trx, declarationId, checks, 'released')) : Promise.resolve();

/**
 * Lodges a declaration: checked against the reference data and the matrix, assessed with the
 * tariff and rates of the day, its cited documents confirmed by their issuers (the declared
 * quantity held on each permit), routed by the risk engine, and stored with its states, the
 * notifications to the declarant, an audit entry and an event, in one transaction. Anything
 * wrong is refused before the transaction opens; nothing is stored half-way. When an issuer does
 * not answer, the declaration is stored as lodged, awaiting its confirmation (resumeAwaiting).
 */
export async function lodgeDeclaration(deps: LodgeDeps, context: ChangeContext, input: DeclarationInput, createdBy: string | null): Promise<DeclarationRow> {
  const at = deps.now();
  const date = dayOf(at);
  const prepared = await prepareDeclaration(input, date, deps);
  const id = randomUUID();
  const checks = await deps.documents.check(input, id, date, { hold: true });
  const problems = documentProblems(checks);
  if (problems.length > 0) {
    await releaseHolds(deps, id, checks);
    throw invalidDeclaration(problems);
  }
  const awaiting = checks.some((c) => c.status === 'awaiting');
  const decision = awaiting ? null : await deps.risk.select(input, prepared.assessment, date);
  const agencyId = await deps.customsAgencyId();
  const later = decision ? statesAfterChecks(decision.channel) : [];
  const state: DeclarationState = later[later.length - 1] ?? 'lodged';

  try {
    return await deps.db.transaction().execute(async (trx) => {
      const reference = await nextReference(trx, input.officeCode, at.getUTCFullYear());
      const row = await insertDeclaration(
        trx,
        { id, reference, input, state, declaredOn: date, currency: deps.country.currency, createdBy, assessment: prepared.assessment, channel: decision?.channel ?? null, risk: decision && { ...decision, tariffVersion: prepared.tariffVersion }, documentChecks: checks },
        context.actor.label,
      );
      await recordStates(trx, row.id, ['lodged', ...later], context.actor.label);
      const declared = declaredOf(row);
      const notes = [accepted(declared, at), ...(state === 'assessed' ? [taxAssessed(declared, prepared.assessment, at)] : [])];
      await recordNotifications(trx, row.id, notes.map((body) => ({ kind: body.kind, body })));
      await emitMoved(trx, deps.bus, row, state === 'assessed' ? 'customs.declaration.assessed' : 'customs.declaration.lodged');
      await recordAudit(trx, context, {
        action: 'customs.declaration_lodged',
        recordType: 'customs_declaration',
        recordId: row.id,
        agencyId,
        after: { reference, state, channel: decision?.channel ?? null, totalDue: prepared.assessment.total, version: 1, awaitingDocuments: awaiting },
        details: { reference, localReference: input.localReference, items: input.items.length, channel: decision?.channel ?? null, documents: checks.map((c) => `${c.reference}:${c.status}`) },
      });
      return row;
    });
  } catch (error) {
    await releaseHolds(deps, id, checks);
    throw error;
  }
}

export function emitMoved(trx: Transaction<Database>, bus: EventBus<CustomsTopics>, row: DeclarationRow, topic: keyof CustomsTopics) {
  return bus.emit(trx, topic, { declarationId: row.id, reference: row.reference, state: row.state, channel: row.channel });
}
