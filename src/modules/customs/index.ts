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
import type { Exchange } from '../exchange/index.ts';
import { documentConfirmation } from './declarations/confirm-documents.ts';
import { resumeAwaiting } from './declarations/resume.ts';
import { releaseNoteOf, type ReleaseNote } from './declarations/release-note.ts';
import { releaseDeclaration } from './declarations/release.ts';
import { dutySeam } from './declarations/duties.ts';
import { createSelectivityAdmin, type SelectivityAdmin } from './selectivity-admin/service.ts';
import { selectivityAdminRoutes } from './selectivity-admin/routes.ts';
import type { DutySeam } from '../payments/index.ts';
import { declarationsForTransport } from './declarations/transport-lookup.ts';

export type { CustomsTopics, DeclarationMoved } from './declarations/events.ts';
export type { ReleaseNote } from './declarations/release-note.ts';
export type { DeclarationForTransport, TransportQuery } from './declarations/transport-lookup.ts';
export { customsDeclarationsMigration } from './declarations/migration.ts';
export { customsDocumentChecksMigration } from './declarations/document-checks-migration.ts';
export { customsReferenceMigration, ensureReferenceData } from './reference/index.ts';
/** Exact money arithmetic, for other customs parts converting at the rate of the day (the passenger module's currency declarations). */
export { readDecimal, multiply, roundHalfUp, formatDecimal, type Decimal } from './assessment/decimal.ts';
export { normaliseVin } from './declarations/vin.ts';
export type { CustomsOffice, Currency } from './reference/index.ts';

export interface Customs {
  reference: ReferenceData;
  matrix: RegulatoryMatrix;
  declarations: DeclarationService;
  /** Risk profiles, reference prices and channel rates, as administrators keep them. */
  selectivity: SelectivityAdmin;
  /** One round of asking again about documents still unconfirmed (also run on a schedule); how many moved on. */
  resumeAwaiting(): Promise<number>;
  /** What a declaration owes, and the move its payment makes (the payments module's seam). */
  duties: DutySeam;
  /** What the release note of a released declaration states (the documents module issues it). */
  releaseNoteOf(declarationId: string): Promise<ReleaseNote>;
  /** Declarations citing bills of lading or containers, for matching cargo manifests (the port module); takes the caller's transaction. */
  declarationsForTransport: typeof declarationsForTransport;
}

/** The customs administration's agency (its staff work the queues, its administrators keep the matrix). */
const CUSTOMS_AGENCY = 'CUSTOMS';

/** The customs single window: reference data and tariff, the regulatory matrix, declarations with selectivity. */
export interface CustomsDeps {
  db: Db;
  bus: EventBus<CustomsTopics>;
  /** How customs asks issuing agencies about cited documents. */
  exchange: Pick<Exchange, 'call' | 'send'>;
  env: NodeJS.ProcessEnv;
  country: { code: string; currency: string };
}

export function createCustoms({ db, bus, exchange, env, country }: CustomsDeps): Customs {
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
  const lodging = { db, bus, reference, matrix, risk: selectivity, feedback: selectivity, documents: documentConfirmation(exchange, country.code), country, customsAgencyId, now: () => new Date() };
  const declarations = createDeclarationService(lodging);
  // Declarations lodged while an issuer did not answer are asked about again until it does.
  bus.schedule('customs.resume_awaiting_documents', config.documentRetrySeconds, async () => {
    await resumeAwaiting(lodging);
  });
  // Paid declarations are released from the outbox: the issuers are asked again first, without holding the payment's transaction.
  bus.subscribe('customs.declaration.paid', 'customs.release', async ({ payload }) => {
    await releaseDeclaration(lodging, payload.declarationId);
  });
  return { reference, matrix, declarations, selectivity: createSelectivityAdmin({ db, customsAgencyId }), duties: dutySeam(lodging), resumeAwaiting: () => resumeAwaiting(lodging), releaseNoteOf: (id) => releaseNoteOf(db, id), declarationsForTransport };
}

export function customsRoutes(app: App, customs: Customs): void {
  customsReferenceRoutes(app, customs.reference);
  regulatoryRoutes(app, customs.matrix);
  declarationRoutes(app, customs.declarations);
  declarationXmlRoutes(app, customs.declarations);
  selectivityAdminRoutes(app, customs.selectivity);
}
