import { searchAudit } from '../../platform/audit/search.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { App } from '../../platform/http/server.ts';
import type { CaseService } from '../cases/index.ts';
import type { Customs } from '../customs/index.ts';
import type { DocumentService } from '../documents/index.ts';
import { archiveRoots } from './config.ts';
import { resumeImportedBag } from './interchange/index.ts';
import { archiveRoutes } from './routes.ts';
import { createRetention, ensureClassificationScheme, loadClassificationScheme, retentionRoutes } from './retention/index.ts';
import { archiveSearchRoutes, createArchiveSearch } from './search/index.ts';
import { createArchive, type Archive } from './service.ts';
import type { ArchiveReads } from './sources.ts';
import { registerArchiveIngest, scheduleArchiveJobs, type ArchiveTopics } from './subscribers.ts';

/** Entries of an excerpt: a file's whole trail is a few dozen; the cap guards against a runaway record. */
const AUDIT_EXCERPT_LIMIT = 2000;

export interface ArchiveSourceServices {
  db: Db;
  cases: CaseService;
  documents: DocumentService;
  customs: Customs;
}

/** The archive's reads of other modules, through their services. */
export function archiveReadsOf({ db, cases, documents, customs }: ArchiveSourceServices): ArchiveReads {
  return {
    cases,
    documents,
    customs: { declaration: (reference) => customs.declarations.readForSubscriber(reference) },
    auditTrail: async (recordType, recordId) => (await searchAudit(db, { recordType, recordId, limit: AUDIT_EXCERPT_LIMIT })).reverse(),
    agencyNames: async (code) => (await db.selectFrom('agencies').select('names').where('code', '=', code).executeTakeFirstOrThrow()).names,
  };
}

export interface ArchiveModuleDeps extends ArchiveSourceServices {
  app: App;
  bus: EventBus<ArchiveTopics>;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  country: string;
}

/** The archive module in the platform: service, automatic ingest from the outbox, daily fixity audit, read API. */
export function registerArchive(deps: ArchiveModuleDeps): Archive {
  const archive = createArchive({ db: deps.db, roots: archiveRoots(deps.env, deps.dataDir), reads: archiveReadsOf(deps), country: deps.country });
  // Bags imported from other systems (docs/archive/bagit.md): an interrupted import is rolled back.
  archive.resumeWith('imported_bag', resumeImportedBag);
  registerArchiveIngest(deps.bus, archive);
  scheduleArchiveJobs(deps.bus, archive);
  archiveRoutes(deps.app, archive);
  // Retention and disposition (docs/archive/retention.md): the shipped classification scheme is brought into the table at start.
  deps.app.addHook('onReady', async () => {
    await ensureClassificationScheme(deps.db, loadClassificationScheme());
  });
  retentionRoutes(deps.app, createRetention({ db: deps.db, roots: archive.roots, documents: deps.documents }));
  archiveSearchRoutes(deps.app, createArchiveSearch({ db: deps.db, roots: archive.roots }), deps.env);
  return archive;
}
