import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { App } from '../../platform/http/server.ts';
import { customsConfig } from './config.ts';
import type { CustomsTopics } from './declarations/events.ts';
import { declarationRoutes } from './declarations/routes.ts';
import { declarationXmlRoutes } from './declarations/xml-routes.ts';
import { createDeclarationService, type DeclarationService } from './declarations/service.ts';
import { createReferenceData, customsReferenceRoutes, type ReferenceData } from './reference/index.ts';
import { regulatoryRoutes } from './regulatory/routes.ts';
import { createRegulatoryMatrix, type RegulatoryMatrix } from './regulatory/service.ts';
import { createSelectivity } from './selectivity.ts';

export type { CustomsTopics } from './declarations/events.ts';
export { customsDeclarationsMigration } from './declarations/migration.ts';
export { customsReferenceMigration, ensureReferenceData } from './reference/index.ts';

export interface Customs {
  reference: ReferenceData;
  matrix: RegulatoryMatrix;
  declarations: DeclarationService;
}

/** The customs administration's agency (its staff work the queues, its administrators keep the matrix). */
const CUSTOMS_AGENCY = 'CUSTOMS';

/** The customs single window: reference data and tariff, the regulatory matrix, declarations with selectivity. */
export function createCustoms({ db, bus, env, country }: { db: Db; bus: EventBus<CustomsTopics>; env: NodeJS.ProcessEnv; country: { code: string; currency: string } }): Customs {
  let agencyId: Promise<string> | undefined;
  const customsAgencyId = () => {
    agencyId ??= db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', CUSTOMS_AGENCY)
      .executeTakeFirstOrThrow(() => new Error(`the ${CUSTOMS_AGENCY} agency is missing: customs needs its administration registered`))
      .then((row) => row.id);
    agencyId.catch(() => (agencyId = undefined));
    return agencyId;
  };
  const config = customsConfig(env);
  const reference = createReferenceData({ db, nationalCurrency: country.currency });
  const matrix = createRegulatoryMatrix({ db, customsAgencyId });
  const selectivity = createSelectivity({ db, settings: config.settings, random: config.random });
  const declarations = createDeclarationService({ db, bus, reference, matrix, risk: selectivity, feedback: selectivity, country, customsAgencyId, now: () => new Date() });
  return { reference, matrix, declarations };
}

export function customsRoutes(app: App, customs: Customs): void {
  customsReferenceRoutes(app, customs.reference);
  regulatoryRoutes(app, customs.matrix);
  declarationRoutes(app, customs.declarations);
  declarationXmlRoutes(app, customs.declarations);
}
