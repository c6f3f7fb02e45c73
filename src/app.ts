import path from 'node:path';
import { DEMO_COUNTRY } from './demo/country.ts';
import { caseRoutes, createCaseService, loadWorkingCalendar, type CaseService, type CaseTopics } from './modules/cases/index.ts';
import { catalogueRoutes } from './modules/catalogue/index.ts';
import { govstackPrefix, govstackRoutes } from './modules/govstack/index.ts';
import { createDocumentService, documentRoutes, documentsConfig, issuedDocument, registerDocumentIssuance, registerReleaseNotes, type DocumentService, type DocumentTopics } from './modules/documents/index.ts';
import { createSigningKeys } from './platform/crypto/signing-keys.ts';
import { signingKeyRoutes } from './platform/crypto/signing-keys-routes.ts';
import { createExchange, exchangeConfig, exchangeConsoleRoutes, exchangeEndpointRoutes, exchangeMessageRoutes, exchangeRegistryRoutes, type Exchange, type ExchangeTopics } from './modules/exchange/index.ts';
import { registerFederation, type FederationTopics } from './modules/federation/index.ts';
import { createCustoms, customsRoutes, type Customs, type CustomsTopics } from './modules/customs/index.ts';
import { forwardCertificatesToRegister, providePermitServices, registerPermitsFromDocuments } from './modules/permits/index.ts';
import { createPortService, customsMemberOf, portMemberOf, portRoutes, providePortServices } from './modules/port/index.ts';
import { provideDemoPort } from './demo/port-community.ts';
import { registerOversight } from './modules/oversight/index.ts';
import { registerArchive, type Archive } from './modules/archive/index.ts';
import { registerScannedIngest, type ScannedIngest } from './modules/archive/scanned-ingest/index.ts';
import { createLegacyDeclarations, legacyRoutes, type LegacyDeclarations, type LegacyTopics } from './modules/legacy/index.ts';
import { createPassengers, passengerRoutes, schedulePassengerJobs } from './modules/passengers/index.ts';
import { notificationConfig, notificationRoutes, registerNotifications } from './modules/notifications/index.ts';
import { counterProvider, prepaidProvider, createPaymentService, mobileMoneyProvider, paymentRoutes, paymentsConfig, type PaymentService, type PaymentTopics } from './modules/payments/index.ts';
import { purgeExpiredSessions } from './platform/auth/session-purge.ts';
import { createBlobStore } from './platform/blobs/index.ts';
import { linkAuditEntries } from './platform/audit/link.ts';
import { createEventBus, pruneDeliveredEvents, type EventBus } from './platform/events/index.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { adminRoutes } from './platform/auth/admin-routes.ts';
import { sessionRoutes } from './platform/auth/session-routes.ts';
import { operationsRoutes } from './platform/events/routes.ts';
import type { Config } from './platform/config.ts';
import type { SecretBox } from './platform/crypto/secret-box.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { healthRoutes } from './platform/http/health-routes.ts';
import { createHttpServer, type App } from './platform/http/server.ts';
import { serveWebApp } from './web-app.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  box: SecretBox;
  /** Where modules read their own settings (SMTP_URL, GOVSTACK_PREFIX…); process.env unless a test says otherwise. */
  env?: NodeJS.ProcessEnv;
}

/** Every outbox topic of the platform, by the module that publishes it. */
export type Topics = CaseTopics & PaymentTopics & DocumentTopics & ExchangeTopics & FederationTopics & CustomsTopics & LegacyTopics;

export interface Platform {
  app: App;
  /** Not started: the caller starts it once the database is ready and stops it after the HTTP server. */
  bus: EventBus<Topics>;
  cases: CaseService;
  payments: PaymentService;
  documents: DocumentService;
  /** Started (NATS) by the caller once the bus runs, stopped before it. */
  exchange: Exchange;
  customs: Customs;
  /** The old customs system's declarations, for statistics that split new and legacy. */
  legacy: LegacyDeclarations;
  /** The national archive: packages ingested from the outbox, replicated storage, fixity audits. */
  archive: Archive;
  /** Scanned paper records ingested by archivists, read by OCR in the background. */
  scannedRecords: ScannedIngest;
}

/**
 * Assembles the platform: the HTTP shell, the event bus with every module's subscribers and
 * scheduled jobs, each module's service and routes, then the web app.
 */
export async function buildApp({ config, database, box, env = process.env }: AppDeps): Promise<Platform> {
  const { db } = database;
  const app = await createHttpServer({
    db,
    logLevel: config.logLevel,
    bodyLimit: config.bodyLimit,
    defaultLocale: config.defaultLocale,
    staffTotpRequired: config.staffTotpRequired,
    authAttemptsPerMinute: config.authAttemptsPerMinute,
    publicUrl: config.publicUrl,
    trustProxyHops: config.trustProxyHops,
  });
  healthRoutes(app, database.ping);
  sessionRoutes(app, {
    db,
    box,
    sessionTtlHours: config.sessionTtlHours,
    secureCookies: config.publicUrl.startsWith('https:'),
    authAttemptsPerMinute: config.authAttemptsPerMinute,
  });
  adminRoutes(app, db);
  auditRoutes(app, db);
  operationsRoutes(app, db);
  catalogueRoutes(app, db, { currency: DEMO_COUNTRY.currency });

  const bus = createEventBus<Topics>({ logger: app.log, leaseMs: config.eventLeaseSeconds * 1000 });
  const blobs = createBlobStore({ root: path.join(config.dataDir, 'blobs') });
  // The demo country's code and currency until countries are configured as data (issue 4 collects fees).
  const cases = createCaseService({ db, bus, blobs, calendar: loadWorkingCalendar(), country: { code: DEMO_COUNTRY.code, currency: DEMO_COUNTRY.currency } });
  caseRoutes(app, cases);
  registerNotifications(bus, { db, config: notificationConfig(env), publicUrl: config.publicUrl, logger: app.log });
  notificationRoutes(app, db);
  govstackRoutes(app, { db, prefix: govstackPrefix(env), cases, blobs, box });
  const keys = createSigningKeys({ db, box });
  signingKeyRoutes(app, keys);
  const documents = createDocumentService({ db, bus, blobs, cases, keys, country: { names: DEMO_COUNTRY.names }, publicUrl: config.publicUrl });
  registerDocumentIssuance(bus, documents);
  documentRoutes(app, documents, documentsConfig(env));
  // Customs before payments: duties are paid through the payments module's seam to declarations.
  const exchange = createExchange({ db, box, bus, config: exchangeConfig(env, DEMO_COUNTRY.code), publicUrl: config.publicUrl, logger: app.log });
  providePermitServices(exchange, DEMO_COUNTRY.code);
  registerPermitsFromDocuments(bus, { db, issuedDocument: (id) => issuedDocument(db, id), issuanceSource: (id) => cases.issuanceSource(id) });
  forwardCertificatesToRegister(bus, { exchange, country: DEMO_COUNTRY.code, issuedDocument: (id) => issuedDocument(db, id), issuanceSource: (id) => cases.issuanceSource(id) });
  const customs = createCustoms({ db, bus, exchange, env, country: { code: DEMO_COUNTRY.code, currency: DEMO_COUNTRY.currency } });
  const paymentSettings = paymentsConfig(env, { demo: config.demo });
  const payments = createPaymentService({
    db,
    bus,
    cases,
    duties: customs.duties,
    config: paymentSettings,
    country: { code: DEMO_COUNTRY.code, currency: DEMO_COUNTRY.currency },
    logger: app.log,
    providers: { mobile_money: paymentSettings.mobileMoney && mobileMoneyProvider(paymentSettings.mobileMoney), counter: counterProvider(), prepaid: prepaidProvider() },
    receiptDocuments: documents.receiptsOf,
  });
  paymentRoutes(app, payments);
  registerFederation(app, { db, box, bus, exchange, documents, keys, cases, publicUrl: config.publicUrl });
  exchangeRegistryRoutes(app, db, () => exchange.invalidateRegistry());
  exchangeEndpointRoutes(app, exchange.receive, config.bodyLimit);
  exchangeMessageRoutes(app, db, exchange);
  exchangeConsoleRoutes(app, db, exchange);
  customsRoutes(app, customs);
  registerReleaseNotes(bus, documents, customs.releaseNoteOf);
  // The old customs system's declarations, imported read-only during migration (docs/customs/legacy-coexistence.md).
  const legacy = createLegacyDeclarations({ db, bus, codes: () => customs.reference.knownCodes() });
  legacyRoutes(app, legacy);
  // The dashboards' read model follows the customs moves; figures are served from it (docs/oversight.md).
  registerOversight({ app, db, bus, customs, legacy });
  // Vehicle temporary-admission passes and currency declarations, signed by customs (docs/customs/passengers.md).
  const passengers = createPassengers({ db, documents, reference: customs.reference, env });
  passengerRoutes(app, passengers);
  schedulePassengerJobs(bus, passengers);
  // Cargo manifests from the port community system, matched to declarations; gate-out told to the port (docs/customs/port-manifests.md).
  const portMatching = { exchange, customs, customsMember: customsMemberOf(DEMO_COUNTRY.code) };
  providePortServices(exchange, { ...portMatching, country: DEMO_COUNTRY.code });
  portRoutes(app, createPortService({ ...portMatching, db, bus, portMember: portMemberOf(DEMO_COUNTRY.code) }));
  if (config.demo) provideDemoPort(exchange, DEMO_COUNTRY.code);
  // Closed files and declarations archived from the outbox, stored twice, fixity-audited daily (docs/archive/storage.md).
  const archive = registerArchive({ app, db, bus, env, dataDir: config.dataDir, cases, documents, customs, country: DEMO_COUNTRY.code });
  // Scanned paper records: batches uploaded by archivists, identified by signature, read by OCR and stored (docs/archive/scanned-records.md).
  const scannedRecords = registerScannedIngest({ app, db, bus, archive, env, dataDir: config.dataDir, country: DEMO_COUNTRY.code });

  // Chains audit entries committed since the last run (record.ts writes them unlinked, lock-free).
  bus.schedule('audit.link_chain', 1, async () => {
    await linkAuditEntries(db);
  });
  bus.schedule('sessions.purge_expired', 3600, async () => {
    await purgeExpiredSessions(db);
  });
  bus.schedule('events.prune_delivered', 86_400, async () => {
    await pruneDeliveredEvents(db, config.outboxRetentionDays);
  });
  bus.schedule('cases.escalate_overdue', 3600, async () => {
    await cases.escalateOverdue();
  });
  // Pending intents whose callback never came, and refunds the operator has not confirmed yet.
  bus.schedule('payments.resolve_pending', 60, async () => {
    await payments.resolvePending();
  });

  await serveWebApp(app);
  return { app, bus, cases, payments, documents, exchange, customs, legacy, archive, scannedRecords };
}
