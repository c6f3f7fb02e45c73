import { sql } from 'kysely';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import { assertAllowed, type Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { jsonb } from '../../../platform/db/json.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { compareToTargets, DEMO_CHANNEL_TARGETS, readRiskProfiles, type ChannelCounts, type RiskProfile, type TargetComparison } from '../risk/index.ts';

/**
 * Selectivity as customs administrators keep it: the risk profiles (data, checked like the shipped
 * ones), the reference prices undervaluation is measured against, and how the channels actually
 * fell against their target rates. Every change is audited with its before and after; the risk
 * engine sees it within its cache's two seconds.
 */
export function createSelectivityAdmin({ db, customsAgencyId }: { db: Db; customsAgencyId: () => Promise<string> }) {
  const asManager = async (principal: Principal) => {
    const agencyId = await customsAgencyId();
    assertAllowed(principal, 'customs.matrix.manage', { agencyId });
    return agencyId;
  };
  const asOfficer = async (principal: Principal) => assertAllowed(principal, 'customs.work', { agencyId: await customsAgencyId() });

  return {
    async profiles(principal: Principal): Promise<RiskProfile[]> {
      await asOfficer(principal);
      return (await db.selectFrom('customs_risk_profiles').select('definition').orderBy('id').execute()).map((r) => r.definition as RiskProfile);
    },

    /** Creates or replaces one profile; it must read like the shipped ones (422 `risk_profile_invalid` at its field). */
    async saveProfile(principal: Principal, context: ChangeContext, id: string, definition: unknown): Promise<RiskProfile> {
      const agencyId = await asManager(principal);
      const [profile] = readRiskProfiles([definition]);
      if (profile!.id !== id) throw new AppError(422, 'risk_profile_id_mismatch', { id, bodyId: profile!.id });
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('customs_risk_profiles').select('definition').where('id', '=', id).forUpdate().executeTakeFirst();
        await trx.insertInto('customs_risk_profiles').values({ id, definition: jsonb(profile) }).onConflict((oc) => oc.column('id').doUpdateSet({ definition: jsonb(profile), updated_at: new Date() })).execute();
        await recordAudit(trx, context, { action: 'customs.risk_profile_saved', recordType: 'customs_risk_profile', recordId: null, agencyId, before: before?.definition ?? null, after: profile, details: { id } });
        return profile!;
      });
    },

    async removeProfile(principal: Principal, context: ChangeContext, id: string): Promise<void> {
      const agencyId = await asManager(principal);
      await db.transaction().execute(async (trx) => {
        const removed = await trx.deleteFrom('customs_risk_profiles').where('id', '=', id).returning('definition').executeTakeFirst();
        if (!removed) throw notFound('risk profile', id);
        await recordAudit(trx, context, { action: 'customs.risk_profile_removed', recordType: 'customs_risk_profile', recordId: null, agencyId, before: removed.definition, details: { id } });
      });
    },

    async referencePrices(principal: Principal) {
      await asOfficer(principal);
      return (await db.selectFrom('customs_reference_prices').select(['hs_prefix', 'price_per_kg', 'updated_at']).orderBy('hs_prefix').execute()).map((r) => ({ hsPrefix: r.hs_prefix, pricePerKg: r.price_per_kg, updatedAt: r.updated_at.toISOString() }));
    },

    async savePrice(principal: Principal, context: ChangeContext, hsPrefix: string, pricePerKg: string) {
      const agencyId = await asManager(principal);
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('customs_reference_prices').select('price_per_kg').where('hs_prefix', '=', hsPrefix).forUpdate().executeTakeFirst();
        await trx.insertInto('customs_reference_prices').values({ hs_prefix: hsPrefix, price_per_kg: pricePerKg }).onConflict((oc) => oc.column('hs_prefix').doUpdateSet({ price_per_kg: pricePerKg, updated_at: new Date() })).execute();
        await recordAudit(trx, context, { action: 'customs.reference_price_saved', recordType: 'customs_reference_price', recordId: null, agencyId, before: before ? { pricePerKg: before.price_per_kg } : null, after: { pricePerKg }, details: { hsPrefix } });
      });
      return { hsPrefix, pricePerKg };
    },

    /** How declarations lodged between two days fell into the channels, against the targets. */
    async channelRates(principal: Principal, from: string, to: string): Promise<{ from: string; to: string; total: number; channels: TargetComparison[] }> {
      await asOfficer(principal);
      const rows = await db
        .selectFrom('customs_declarations')
        .select(['channel', sql<string>`count(*)::text`.as('n')])
        .where('channel', 'is not', null)
        .where('declared_on', '>=', from)
        .where('declared_on', '<=', to)
        .groupBy('channel')
        .execute();
      const counts: ChannelCounts = { green: 0, yellow: 0, red: 0, blue: 0, ...Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)])) };
      return { from, to, total: Object.values(counts).reduce((a, b) => a + b, 0), channels: compareToTargets(counts, DEMO_CHANNEL_TARGETS) };
    },
  };
}

export type SelectivityAdmin = ReturnType<typeof createSelectivityAdmin>;
