import { systemContext, type ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { applicationPackage } from './application-package.ts';
import type { ArchiveRoots } from './config.ts';
import { declarationPackage } from './declaration-package.ts';
import { auditFixity, type FixityOptions, type FixityReport } from './fixity.ts';
import { ingestPackage, type IngestOutcome } from './ingest.ts';
import type { PackageSource } from './package.ts';
import { latestFixityReport, listPackages, packageDetail } from './read.ts';
import { resumeInterrupted, type ResumeSummary } from './resume.ts';
import type { SourceType } from './schema.ts';
import type { ArchiveReads } from './sources.ts';

export interface ArchiveDeps {
  db: Db;
  roots: ArchiveRoots;
  reads: ArchiveReads;
  /** The country's code, first part of package identifiers. */
  country: string;
}

const INGEST = systemContext('archive: ingest');

/** Ingests a source record again from scratch; null when it can no longer be archived. */
export type Resumer = (sourceId: string, reference: string, context: ChangeContext) => Promise<IngestOutcome | null>;
/** An interrupted ingest younger than this may still be running in another process. */
const RESUME_AFTER_MS = 15 * 60_000;
/** A write to a root unfinished for this long was interrupted by a crash. */
const INCOMPLETE_AFTER_MS = 60 * 60_000;

/** The archive module's service: ingest (from the outbox), fixity audit (job and CLI), reads (HTTP). */
export function createArchive(deps: ArchiveDeps) {
  const { db, roots, reads } = deps;
  const ingestDeps = { db, roots, country: deps.country };

  const ingest = (source: PackageSource, context: ChangeContext = INGEST): Promise<IngestOutcome> => ingestPackage(ingestDeps, context, source);

  /** Archives a closed application; null (nothing done) while it is open. Idempotent. */
  async function archiveApplication(applicationId: string, context: ChangeContext = INGEST): Promise<IngestOutcome | null> {
    const source = await applicationPackage(reads, applicationId);
    return source ? ingest(source, context) : null;
  }

  /** Archives a released or rejected declaration; null while it is being worked. Idempotent. */
  async function archiveDeclaration(declarationId: string, reference: string, context: ChangeContext = INGEST): Promise<IngestOutcome | null> {
    const source = await declarationPackage(reads, declarationId, reference);
    return source ? ingest(source, context) : null;
  }

  /** How an interrupted ingest of each kind of source is finished; a kind without one is rolled back. */
  const resumers = new Map<SourceType, Resumer>([
    ['application', (id, _reference, context) => archiveApplication(id, context)],
    ['customs_declaration', (id, reference, context) => archiveDeclaration(id, reference, context)],
  ]);

  function resume(context: ChangeContext = INGEST, olderThanMs = RESUME_AFTER_MS): Promise<ResumeSummary> {
    return resumeInterrupted(db, async (type, id, reference) => (await resumers.get(type)?.(id, reference, context)) ?? null, context, olderThanMs);
  }

  /**
   * The whole fixity round, as the daily job and `guichet archive audit` run it: interrupted
   * ingests finished or rolled back first (so their files are audited too), crashed writes swept,
   * then every copy re-hashed and repaired.
   */
  async function audit(options: FixityOptions & { resumeOlderThanMs?: number }): Promise<FixityReport & { resumed: ResumeSummary }> {
    const resumed = await resume(options.context, options.resumeOlderThanMs);
    await Promise.all([roots.primary.sweepIncomplete(INCOMPLETE_AFTER_MS), roots.replica.sweepIncomplete(INCOMPLETE_AFTER_MS)]).catch(() => undefined);
    return { ...(await auditFixity(db, roots, options)), resumed };
  }

  return {
    roots,
    ingest,
    archiveApplication,
    archiveDeclaration,
    resumeInterrupted: resume,
    /** Lets another way into the archive (scanned records, imported bags) finish its interrupted ingests. */
    resumeWith: (sourceType: SourceType, resumer: Resumer) => void resumers.set(sourceType, resumer),
    auditFixity: audit,
    listPackages: (principal: Principal, query: Parameters<typeof listPackages>[2]) => listPackages(db, principal, query),
    packageDetail: (principal: Principal, identifier: string) => packageDetail(db, principal, identifier),
    latestFixityReport: (principal: Principal) => latestFixityReport(db, principal),
  };
}

export type Archive = ReturnType<typeof createArchive>;
