import { sql, type Kysely } from 'kysely';

/** The passenger-car clearance regime joins the regimes a declaration and a matrix rule may name. */
export const customsVehicleClearanceMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table customs_declarations drop constraint customs_declarations_regime_check;
      alter table customs_declarations add constraint customs_declarations_regime_check
        check (regime in ('import_home_use', 'export', 'transit', 'temporary_admission', 'vehicle_clearance'));
      alter table customs_regulatory_rules drop constraint customs_regulatory_rules_regime_check;
      alter table customs_regulatory_rules add constraint customs_regulatory_rules_regime_check
        check (regime in ('import_home_use', 'export', 'transit', 'temporary_admission', 'vehicle_clearance'));
    `.execute(db);
  },
};
