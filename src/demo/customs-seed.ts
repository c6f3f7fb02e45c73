import type { Db } from '../platform/db/database.ts';
import { recordAudit, systemContext, type ChangeContext } from '../platform/audit/record.ts';
import { ensurePermitServices, recordPermit, type NewPermit } from '../modules/permits/index.ts';
import { DEMO_COUNTRY } from './country.ts';
import { jsonb } from '../platform/db/json.ts';
import { insertRule, type RuleInput } from '../modules/customs/regulatory/rules-store.ts';
import { DEMO_REFERENCE_PRICES, DEMO_RISK_PROFILES } from '../modules/customs/risk/index.ts';
import { seedDemoPort } from './port-community.ts';

/** What Kandara's customs administration sets up on day one: the regulatory matrix of the MISSION story and the risk profiles. */
const DEMO_RULES: RuleInput[] = [
  { hsPrefix: '1006', regime: 'import_home_use', origin: null, documentType: 'import_licence', agencyCode: 'COMMERCE', note: 'Rice: import licence with a quantity, drawn down on release' },
  { hsPrefix: '1006', regime: 'import_home_use', origin: null, documentType: 'phytosanitary_certificate', agencyCode: 'AGRICULTURE', note: 'Rice: phytosanitary certificate of the consignment' },
  { hsPrefix: '30', regime: 'import_home_use', origin: null, documentType: 'pharmaceutical_import_authorisation', agencyCode: 'HEALTH', note: 'Medicines: pharmaceutical import authorisation' },
  { hsPrefix: '0602', regime: null, origin: null, documentType: 'phytosanitary_certificate', agencyCode: 'AGRICULTURE', note: 'Live plants, imported or exported' },
];

const DAY_MS = 86_400_000;

/**
 * Permits taken over from the ministries' registers, dated around the seed's day: Kandara Riz
 * Import SARL's rice licence of the MISSION story (500 t), another importer's, and a medicines
 * authorisation.
 */
function demoPermits(today: Date): NewPermit[] {
  const day = (offset: number) => new Date(today.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  const year = today.getUTCFullYear();
  const permit = (number: string, agencyCode: string, type: string, holder: [string, string], hsPrefix: string, unit: string, quantity: number): NewPermit =>
    ({ number, agencyCode, type, holderTaxId: holder[0], holderName: holder[1], hsPrefix, unit, quantity, validFrom: day(-30), validUntil: day(150) });
  return [
    permit(`KD-LIC-${year}-000118`, 'COMMERCE', 'import_licence', ['KD-2019-004512', 'Kandara Riz Import SARL'], '1006', 'TNE', 500),
    permit(`KD-LIC-${year}-000207`, 'COMMERCE', 'import_licence', ['KD-2018-002231', 'Sahel Grains SA'], '1006', 'TNE', 120),
    permit(`KD-AMM-${year}-000031`, 'HEALTH', 'pharmaceutical_import_authorisation', ['KD-2019-004512', 'Kandara Riz Import SARL'], '3004', 'KGM', 2000),
  ];
}

/** The permit registers' exchange services, and the demo permits not yet entered. */
async function seedDemoPermits(db: Db, context: ChangeContext): Promise<void> {
  await ensurePermitServices(db, context, DEMO_COUNTRY.code);
  const permits = demoPermits(new Date());
  const known = new Set((await db.selectFrom('permits').select('number').where('number', 'in', permits.map((p) => p.number)).execute()).map((p) => p.number));
  for (const permit of permits) if (!known.has(permit.number)) await recordPermit(db, context, permit);
}

/** Idempotent like the rest of the seed: existing rules, profiles and prices are left as users changed them. */
export async function seedDemoCustoms(db: Db): Promise<void> {
  const context = systemContext('demo seed');
  await seedDemoPermits(db, context);
  // The port community system submitting cargo manifests (docs/customs/port-manifests.md).
  await seedDemoPort(db, context, DEMO_COUNTRY.code);
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('customs_regulatory_rules').select(['hs_prefix', 'document_type']).execute();
    const customs = await trx.selectFrom('agencies').select('id').where('code', '=', 'CUSTOMS').executeTakeFirst();
    for (const rule of DEMO_RULES) {
      if (existing.some((e) => e.hs_prefix === rule.hsPrefix && e.document_type === rule.documentType)) continue;
      await insertRule(trx, context, rule, customs?.id ?? null);
    }
    const profiles = await trx
      .insertInto('customs_risk_profiles')
      .values(DEMO_RISK_PROFILES.map((profile) => ({ id: profile.id, definition: jsonb(profile) })))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    const prices = await trx
      .insertInto('customs_reference_prices')
      .values(Object.entries(DEMO_REFERENCE_PRICES).map(([prefix, price]) => ({ hs_prefix: prefix, price_per_kg: String(price) })))
      .onConflict((oc) => oc.column('hs_prefix').doNothing())
      .returning('hs_prefix')
      .execute();
    if (profiles.length + prices.length === 0) return;
    await recordAudit(trx, context, {
      action: 'customs.selectivity_seeded',
      recordType: 'customs_risk_profile',
      recordId: null,
      agencyId: customs?.id ?? null,
      details: { profiles: profiles.map((p) => p.id), referencePrices: prices.map((p) => p.hs_prefix) },
    });
  });
}
