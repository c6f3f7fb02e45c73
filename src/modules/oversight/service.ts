import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { App } from '../../platform/http/server.ts';
import type { Customs, CustomsTopics } from '../customs/index.ts';
import type { LegacyDeclarations } from '../legacy/index.ts';
import { registerLegacyFacts, registerReadModel, type FactSources, type LegacyTopics } from './read-model.ts';
import { oversightRoutes } from './routes.ts';

export interface OversightDeps {
  app: App;
  db: Db;
  bus: EventBus<CustomsTopics & LegacyTopics>;
  customs: Pick<Customs, 'declarations' | 'reference'>;
  /** The legacy system's records, pulled after each import run. */
  legacy: Pick<LegacyDeclarations, 'facts'>;
}

/**
 * The oversight dashboards: the read model follows the customs moves from the outbox, and the
 * figures are served from it (customs) or from the permits and cases modules' reads (agencies).
 */
export function registerOversight({ app, db, bus, customs, legacy }: OversightDeps): FactSources {
  const sources: FactSources = { declaration: (reference) => customs.declarations.readForSubscriber(reference) };
  registerReadModel(bus, db, sources);
  registerLegacyFacts(bus, db, (runId) => legacy.facts({ runId }));
  oversightRoutes(app, {
    db,
    nationalCurrency: customs.reference.nationalCurrency,
    isKnownOffice: async (code) => (await customs.reference.knownCodes()).offices.has(code),
  });
  return sources;
}
