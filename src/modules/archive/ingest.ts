import { sql } from 'kysely';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ArchiveRoots } from './config.ts';
import type { Digests } from './digest.ts';
import { fanOut } from './fan-out.ts';
import { ARCHIVE_AGENT, recordEvents, type PremisEvent } from './events.ts';
import { inParallel } from './parallel.ts';
import { dublinCoreFile, type PackageFile, type PackageSource } from './package.ts';
import type { ArchiveSource } from './store.ts';
import { indexPackageMetadata } from './search/text.ts';

export interface IngestDeps {
  db: Db;
  roots: ArchiveRoots;
  /** The country's code, first part of package identifiers (KD-ARC-2026-000001). */
  country: string;
}

export interface IngestOutcome {
  identifier: string;
  /** False when the source record was archived already (a redelivered event). */
  created: boolean;
}

interface Reserved {
  id: string;
  identifier: string;
  state: 'ingesting' | 'stored' | 'destroyed';
  accessLevel: string;
  agencyId: string;
}

interface StoredFile extends Digests {
  file: PackageFile;
  /** Why the replica root did not take it, or null when it did. */
  replicaFailure: string | null;
}

const reservedColumns = ['id', 'identifier', 'state', 'access_level as accessLevel', 'agency_id as agencyId'] as const;

/**
 * Reserves the package row for a source record, `ingesting`: never listed, and found again by a
 * later ingest of the same record (a redelivered event, the resume job), which carries on with it.
 * Identifiers come from a sequence: a reservation lost to a concurrent one leaves a gap, never a duplicate.
 */
async function reserve(deps: IngestDeps, source: PackageSource): Promise<Reserved> {
  const { db } = deps;
  const agency = await db.selectFrom('agencies').select('id').where('code', '=', source.agencyCode).executeTakeFirstOrThrow(() => new Error(`agency ${source.agencyCode} is unknown`));
  const prefix = `${deps.country}-ARC-${new Date().getUTCFullYear()}-`;
  const inserted = await db
    .insertInto('archive_packages')
    .values({
      identifier: sql<string>`${prefix} || lpad(nextval('archive_package_number')::text, 6, '0')`,
      source_type: source.sourceType,
      source_id: source.sourceId,
      source_reference: source.reference,
      agency_id: agency.id,
      title: `${source.description.title.fr} — ${source.reference}`,
      retention_class: source.retentionClass,
      ...(source.accessLevel ? { access_level: source.accessLevel } : {}),
      state: 'ingesting',
    })
    .onConflict((oc) => oc.columns(['source_type', 'source_id']).doNothing())
    .returning(reservedColumns)
    .executeTakeFirst();
  if (inserted) return inserted;
  return db.selectFrom('archive_packages').select(reservedColumns).where('source_type', '=', source.sourceType).where('source_id', '=', source.sourceId).executeTakeFirstOrThrow();
}

/** What a failed write says of itself in the replication event. */
const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Writes one file to both roots at once from one read of its source: the primary hashes it (SHA-256
 * and SHA-512) as it writes; the replica, fed the same bytes, checks them against the primary's
 * SHA-256 before its copy takes the digest's name, and the two disk flushes overlap. The primary
 * must take it; a replica that does not is recorded and caught up by the next fixity audit.
 */
async function storeFile(roots: ArchiveRoots, file: PackageFile): Promise<StoredFile> {
  const content = await file.content();
  const [forPrimary, forReplica] = Buffer.isBuffer(content) ? [content, content] : fanOut(content, 2);
  const written = roots.primary.add(forPrimary as ArchiveSource);
  const digest = written.then((d) => d.sha256);
  // Observed by the replica's write once its bytes are in; a failure before then is the primary's to report.
  digest.catch(() => undefined);
  const replicated = roots.replica.put(digest, forReplica as ArchiveSource).then(() => null, reasonOf);
  // Both settle before anything is reported: nothing keeps writing after the caller was told it failed.
  const [primary, replicaFailure] = await Promise.all([written.then((digests) => ({ digests }), (error: unknown) => ({ error })), replicated]);
  if ('error' in primary) throw primary.error;
  const { digests } = primary;
  // A source that states its digests (an imported bag's manifests) has them checked on the bytes as stored.
  for (const algorithm of ['sha256', 'sha512'] as const) {
    const expected = file.expected?.[algorithm];
    if (expected !== undefined && expected !== digests[algorithm]) throw new AppError(422, 'archive_file_changed', { file: file.path, algorithm, expected, actual: digests[algorithm] });
  }
  return { ...digests, file, replicaFailure };
}

function eventsOf(packageId: string, fileId: string, stored: StoredFile): PremisEvent[] {
  const on = { packageId, fileId };
  const identified = {
    source: 'identified from its bytes by the platform blob store',
    archive: 'written by the archive',
    signature: `identified from its signature by the archive${stored.file.puid ? `; PRONOM ${stored.file.puid}` : ''}`,
    record: 'as the sending archive recorded it; its signature says nothing against it',
  }[stored.file.identifiedBy];
  return [
    { ...on, type: 'message digest calculation', outcome: 'success', detail: `SHA-256 ${stored.sha256}; SHA-512 ${stored.sha512}; ${stored.size} bytes` },
    { ...on, type: 'format identification', outcome: 'success', detail: `${stored.file.format} (${identified})` },
    stored.replicaFailure === null
      ? { ...on, type: 'replication', outcome: 'success', detail: 'copied to the replica root' }
      : { ...on, type: 'replication', outcome: 'failure', detail: `replica root unavailable (${stored.replicaFailure}); the fixity audit copies it later` },
  ];
}

/**
 * Archives one closed record: reserve its package, write every file to both roots, then in one
 * transaction record files, copies and PREMIS events, mark it `stored`, and audit it. Idempotent
 * by source record; an ingest killed part-way leaves an `ingesting` row the next try resumes
 * (content already written is simply written again under the same digest).
 */
export async function ingestPackage(deps: IngestDeps, context: ChangeContext, source: PackageSource): Promise<IngestOutcome> {
  const { db, roots } = deps;
  const reserved = await reserve(deps, source);
  if (reserved.state !== 'ingesting') return { identifier: reserved.identifier, created: false };
  const files = [...source.files, dublinCoreFile(reserved.identifier, source, reserved.accessLevel)];
  // Two files at a time: one file's hashing overlaps the other's disk flush.
  const stored = await inParallel(files, 2, (file) => storeFile(roots, file));

  const created = await db.transaction().execute(async (trx) => {
    // The state is moved first: its row lock makes a concurrent ingest of the same record wait,
    // then find nothing to move and roll its own rows back.
    const moved = await trx.updateTable('archive_packages').set({ state: 'stored', stored_at: new Date() }).where('id', '=', reserved.id).where('state', '=', 'ingesting').returning('id').executeTakeFirst();
    if (!moved) return false;
    const rows = await trx
      .insertInto('archive_files')
      .values(stored.map((s) => ({ package_id: reserved.id, path: s.file.path, size: s.size, sha256: s.sha256, sha512: s.sha512, format: s.file.format, role: s.file.role })))
      .returning(['id', 'path'])
      .execute();
    const idOf = new Map(rows.map((r) => [r.path, r.id]));
    await markCopies(trx, roots, stored);
    const bytes = stored.reduce((sum, s) => sum + s.size, 0);
    const replicaFailures = stored.filter((s) => s.replicaFailure !== null).length;
    await recordEvents(trx, ARCHIVE_AGENT, [
      ...stored.flatMap((s) => eventsOf(reserved.id, idOf.get(s.file.path) as string, s)),
      { type: 'ingestion', outcome: 'success', detail: `${stored.length} files, ${bytes} bytes, from ${source.sourceType} ${source.reference}; retention class ${source.retentionClass}`, packageId: reserved.id, fileId: null },
    ]);
    await indexPackageMetadata(trx, reserved.id, source);
    await recordAudit(trx, context, {
      action: 'archive.package_stored',
      recordType: 'archive_package',
      recordId: reserved.id,
      agencyId: reserved.agencyId,
      after: { state: 'stored', files: stored.map((s) => ({ path: s.file.path, sha256: s.sha256 })) },
      details: { identifier: reserved.identifier, source: `${source.sourceType}:${source.reference}`, retentionClass: source.retentionClass, files: stored.length, bytes, replicaFailures },
    });
    return true;
  });
  return { identifier: reserved.identifier, created };
}

/** The copies as the ingest left them: the primary holds every file, the replica those it took. */
async function markCopies(trx: Trx, roots: ArchiveRoots, stored: readonly StoredFile[]): Promise<void> {
  const copies = new Map<string, { sha256: string; root: string; state: 'present' | 'missing' }>();
  for (const s of stored) {
    copies.set(`${s.sha256}:${roots.primary.name}`, { sha256: s.sha256, root: roots.primary.name, state: 'present' });
    copies.set(`${s.sha256}:${roots.replica.name}`, { sha256: s.sha256, root: roots.replica.name, state: s.replicaFailure === null ? 'present' : 'missing' });
  }
  await trx
    .insertInto('archive_copies')
    .values([...copies.values()])
    .onConflict((oc) => oc.columns(['sha256', 'root']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), checked_at: sql<Date>`now()` })))
    .execute();
}
