import type { Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../../platform/db/database.ts';
import type { RiskFeedback, RiskSelection } from './declarations/ports.ts';
import { recentDeclarationsOf } from './declarations/store.ts';
import { cachedFor } from './cached.ts';
import { NEW_RISK_RECORD, readRiskProfiles, riskAfterInspection, selectChannel, type RandomSource, type RecentDeclaration, type RiskProfile, type RiskRecord, type SelectivitySettings } from './risk/index.ts';

/** Profiles and reference prices changed by an administrator reach every process within this long. */
const CACHE_MS = 2000;
/** Split consignments are looked for among the importer's declarations of the last weeks. */
const RECENT_DAYS = 30;
const RECENT_LIMIT = 200;

const recordOf = (row: { declarations: number; inspections: number; discrepancies: number; seizures: number; score: string } | undefined): RiskRecord =>
  row ? { declarations: row.declarations, inspections: row.inspections, discrepancies: row.discrepancies, seizures: row.seizures, score: Number(row.score) } : NEW_RISK_RECORD;

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Feeds the pure risk engine (customs/risk) with what the platform knows: the stored profiles and
 * reference prices, the parties' risk records and the importer's recent declarations; and writes
 * inspection outcomes back into those records.
 */
export function createSelectivity({ db, settings, random }: { db: Db; settings: SelectivitySettings; random: RandomSource }): RiskSelection & RiskFeedback {
  const profiles = cachedFor(CACHE_MS, async (): Promise<RiskProfile[]> => readRiskProfiles((await db.selectFrom('customs_risk_profiles').select('definition').orderBy('id').execute()).map((r) => r.definition)));
  const referencePrices = cachedFor(CACHE_MS, async () => Object.fromEntries((await db.selectFrom('customs_reference_prices').select(['hs_prefix', 'price_per_kg']).execute()).map((r) => [r.hs_prefix, Number(r.price_per_kg)])));

  async function risksOf(taxIds: string[]) {
    const rows = await db.selectFrom('customs_party_risk').selectAll().where('tax_id', 'in', taxIds).execute();
    return (taxId: string) => recordOf(rows.find((r) => r.tax_id === taxId));
  }

  async function recentOf(importer: string | undefined, date: string): Promise<RecentDeclaration[]> {
    if (!importer) return [];
    const rows = await recentDeclarationsOf(db, importer, daysBefore(date, RECENT_DAYS), RECENT_LIMIT);
    return rows.flatMap((row) => row.hs_codes.map((hsCode, index) => ({ reference: row.reference, date: row.declared_on, hsCode, value: row.values[index] ?? 0 })));
  }

  return {
    async select(declaration, assessment, date) {
      const party = declaration.importer?.taxId ?? declaration.exporter?.taxId;
      const [allProfiles, prices, riskOf, recentDeclarations] = await Promise.all([
        profiles.get(),
        referencePrices.get(),
        risksOf([party, declaration.declarant.taxId].filter((t): t is string => t !== undefined)),
        recentOf(declaration.importer?.taxId, date),
      ]);
      const input = {
        declaration,
        itemValues: assessment.items.map((item) => item.customsValue.national),
        importerRisk: party ? riskOf(party) : NEW_RISK_RECORD,
        declarantRisk: riskOf(declaration.declarant.taxId),
        referencePrices: prices,
        recentDeclarations,
        date,
      };
      return selectChannel(input, allProfiles, settings, random);
    },

    async afterInspection(trx: Transaction<Database>, taxIds, outcome) {
      for (const taxId of taxIds) {
        const row = await trx.selectFrom('customs_party_risk').selectAll().where('tax_id', '=', taxId).forUpdate().executeTakeFirst();
        const next = riskAfterInspection(recordOf(row), outcome);
        const values = { declarations: next.declarations, inspections: next.inspections, discrepancies: next.discrepancies, seizures: next.seizures, score: next.score, updated_at: new Date() };
        await trx.insertInto('customs_party_risk').values({ tax_id: taxId, ...values }).onConflict((oc) => oc.column('tax_id').doUpdateSet(values)).execute();
      }
    },
  };
}
