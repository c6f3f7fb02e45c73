import type { Transaction } from 'kysely';
import type { Database } from '../../../database.ts';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/bus.ts';
import type { RegulatoryMatrix } from '../regulatory/service.ts';
import type { CustomsTopics } from './events.ts';
import { statesAfterChecks } from './lifecycle.ts';
import { accepted, taxAssessed } from './notifications.ts';
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
  country: CustomsCountry;
  customsAgencyId: () => Promise<string>;
  now: () => Date;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Lodges a declaration: checked against the reference data and the matrix, assessed with the
 * tariff and rates of the day, routed by the risk engine, and stored with its states, the
 * notifications to the declarant, an audit entry and an event, in one transaction. Anything
 * wrong is refused before the transaction opens; nothing is stored half-way.
 */
export async function lodgeDeclaration(deps: LodgeDeps, context: ChangeContext, input: DeclarationInput, createdBy: string | null): Promise<DeclarationRow> {
  const at = deps.now();
  const date = dayOf(at);
  const prepared = await prepareDeclaration(input, date, deps);
  const decision = await deps.risk.select(input, prepared.assessment, date);
  const agencyId = await deps.customsAgencyId();
  const later = statesAfterChecks(decision.channel);
  const state = later[later.length - 1] as DeclarationState;

  return deps.db.transaction().execute(async (trx) => {
    const reference = await nextReference(trx, input.officeCode, at.getUTCFullYear());
    const row = await insertDeclaration(
      trx,
      { reference, input, state, declaredOn: date, currency: deps.country.currency, createdBy, assessment: prepared.assessment, channel: decision.channel, risk: { ...decision, tariffVersion: prepared.tariffVersion } },
      context.actor.label,
    );
    await recordStates(trx, row.id, ['lodged', ...later], context.actor.label);
    const declared = { reference, localReference: input.localReference, officeCode: input.officeCode, version: 1 };
    const notes = [accepted(declared, at), ...(state === 'assessed' ? [taxAssessed(declared, prepared.assessment, at)] : [])];
    await recordNotifications(trx, row.id, notes.map((body) => ({ kind: body.kind, body })));
    await emitMoved(trx, deps.bus, row, state === 'assessed' ? 'customs.declaration.assessed' : 'customs.declaration.lodged');
    await recordAudit(trx, context, {
      action: 'customs.declaration_lodged',
      recordType: 'customs_declaration',
      recordId: row.id,
      agencyId,
      after: { reference, state, channel: decision.channel, totalDue: prepared.assessment.total, version: 1 },
      details: { reference, localReference: input.localReference, items: input.items.length, channel: decision.channel },
    });
    return row;
  });
}

export function emitMoved(trx: Transaction<Database>, bus: EventBus<CustomsTopics>, row: DeclarationRow, topic: keyof CustomsTopics) {
  return bus.emit(trx, topic, { declarationId: row.id, reference: row.reference, state: row.state, channel: row.channel });
}
