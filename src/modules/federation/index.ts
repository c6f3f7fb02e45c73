import { systemContext } from '../../platform/audit/record.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { SigningKeys } from '../../platform/crypto/signing-keys.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { App } from '../../platform/http/server.ts';
import type { CaseService } from '../cases/index.ts';
import type { DocumentService } from '../documents/index.ts';
import type { Exchange } from '../exchange/index.ts';
import { federationAgreements } from './agreements.ts';
import { registryAnchor } from './anchor.ts';
import { crossBorderChecks } from './crossborder-check.ts';
import { crossBorderReceivers } from './crossborder-receive.ts';
import { crossBorderSending } from './crossborder-send.ts';
import { registerDocumentStatus } from './crossborder-status.ts';
import type { FederationTopics } from './events.ts';
import { federationPublication } from './publication.ts';
import { federationRoutes } from './routes.ts';
import { partnerRefresher, syncAllPartners } from './sync.ts';

export type { FederationTopics } from './events.ts';
export type { FederationTables } from './schema.ts';
export { federationMigration } from './migration.ts';
export { ensureCrossBorderServices } from './crossborder-services.ts';

export interface FederationDeps {
  db: Db;
  box: SecretBox;
  bus: EventBus<FederationTopics>;
  exchange: Exchange;
  documents: Pick<DocumentService, 'verify'>;
  keys: Pick<SigningKeys, 'published'>;
  cases: Pick<CaseService, 'issuanceSource'>;
  /** This instance's public address, published in its configuration. */
  publicUrl: string;
}

/** Who acts when nobody clicked: the scheduled synchronisation and the first question to an issuer. */
const FEDERATION = systemContext('federation');

/**
 * Federation with other Guichet instances (docs/federation.md): the anchor and signed configuration
 * this instance publishes, the agreements with partners and their synchronisation (every minute),
 * and the cross-border documents — the services this instance provides to partners, the questions
 * it asks them, and the routes for all of it. Call before the bus and the exchange start.
 */
export function registerFederation(app: App, deps: FederationDeps): void {
  const { db, bus, exchange } = deps;
  const publication = federationPublication({
    db,
    instance: exchange.instance,
    publicUrl: deps.publicUrl,
    anchor: registryAnchor(db, deps.box, exchange.instance),
    documentKeys: deps.keys,
  });
  const sync = { db, exchange };
  const checks = crossBorderChecks(db, exchange, partnerRefresher(sync, FEDERATION));
  crossBorderReceivers(exchange, bus).register();
  registerDocumentStatus(exchange, deps.documents);
  checks.register(bus, FEDERATION);
  bus.schedule('federation.sync', 60, async () => {
    await syncAllPartners(sync, FEDERATION);
  });
  federationRoutes(app, {
    db,
    publication,
    agreements: federationAgreements(sync),
    sync,
    sending: crossBorderSending({ db, exchange, cases: deps.cases }),
    checks,
  });
}
