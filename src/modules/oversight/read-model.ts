import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { CustomsTopics } from '../customs/index.ts';
import type { LegacyTopics } from '../legacy/index.ts';
import { factOf, legacyFactOf, type DeclarationDetail, type DeclarationFact, type LegacyDeclaration } from './facts.ts';

export type { LegacyTopics } from '../legacy/index.ts';

/** How the read model reads declarations: through the customs module's exported service. */
export interface FactSources {
  /** The declaration as customs states it now. */
  declaration(reference: string): Promise<DeclarationDetail>;
}

/** The records one legacy import run stored (the legacy module's `legacyDeclarationFacts(db, { runId })`). */
export type LegacyRunReader = (runId: string) => AsyncIterable<LegacyDeclaration>;

/** Rows written per statement while pulling a run. */
const LEGACY_BATCH = 1000;


const CUSTOMS_TOPICS = ['customs.declaration.lodged', 'customs.declaration.assessed', 'customs.declaration.rejected', 'customs.declaration.paid', 'customs.declaration.released'] as const;

/**
 * Writes fact rows, newest reading wins: a delivery retried late, or two deliveries for one
 * declaration running side by side, never put back an older state (`progress` only grows).
 */
export async function storeFacts(db: Db, facts: readonly DeclarationFact[]): Promise<void> {
  if (facts.length === 0) return;
  await db
    .insertInto('oversight_declaration_facts')
    .values([...facts])
    .onConflict((oc) =>
      oc.columns(['system', 'source_id']).doUpdateSet((eb) => ({
        reference: eb.ref('excluded.reference'),
        office_code: eb.ref('excluded.office_code'),
        regime: eb.ref('excluded.regime'),
        channel: eb.ref('excluded.channel'),
        state: eb.ref('excluded.state'),
        lodged_on: eb.ref('excluded.lodged_on'),
        lodged_at: eb.ref('excluded.lodged_at'),
        paid_on: eb.ref('excluded.paid_on'),
        released_at: eb.ref('excluded.released_at'),
        clearance_seconds: eb.ref('excluded.clearance_seconds'),
        duty: eb.ref('excluded.duty'),
        statistical_fee: eb.ref('excluded.statistical_fee'),
        community_levy: eb.ref('excluded.community_levy'),
        excise: eb.ref('excluded.excise'),
        vehicle_surcharge: eb.ref('excluded.vehicle_surcharge'),
        vat: eb.ref('excluded.vat'),
        risk_hits: eb.ref('excluded.risk_hits'),
        inspection_outcome: eb.ref('excluded.inspection_outcome'),
        progress: eb.ref('excluded.progress'),
        updated_at: sql<Date>`now()`,
      })).where(sql<boolean>`excluded.progress >= oversight_declaration_facts.progress`),
    )
    .execute();
}

/** Reads the declaration again and stores its fact; every customs move is one more reading. */
export async function refreshDeclaration(db: Db, sources: FactSources, reference: string): Promise<void> {
  const fact = factOf(await sources.declaration(reference));
  if (fact) await storeFacts(db, [fact]);
}

/** Pulls one legacy import run's records into the read model (a re-run overwrites the same rows). */
export async function pullLegacyRun(db: Db, readRun: LegacyRunReader, runId: string): Promise<number> {
  let pulled = 0;
  let batch: DeclarationFact[] = [];
  for await (const record of readRun(runId)) {
    batch.push(legacyFactOf(record));
    if (batch.length === LEGACY_BATCH) {
      await storeFacts(db, batch);
      pulled += batch.length;
      batch = [];
    }
  }
  await storeFacts(db, batch);
  return pulled + batch.length;
}

/** Subscribes the read model to the customs moves: each one is a new reading of the declaration. */
export function registerReadModel(bus: EventBus<CustomsTopics>, db: Db, sources: FactSources): void {
  for (const topic of CUSTOMS_TOPICS) {
    bus.subscribe(topic, 'oversight.facts', async ({ payload }) => {
      await refreshDeclaration(db, sources, payload.reference);
    });
  }
}

/** Subscribes the read model to the legacy import runs: a finished run's records are pulled in. */
export function registerLegacyFacts(bus: EventBus<LegacyTopics>, db: Db, readRun: LegacyRunReader): void {
  bus.subscribe('legacy.import.finished', 'oversight.legacy_facts', async ({ payload }) => {
    await pullLegacyRun(db, readRun, payload.runId);
  });
}
