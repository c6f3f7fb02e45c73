import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import { PayloadDigestMismatch, writeBag, type BagPayloadFile, type BagTagFile, type WrittenBag } from '../../../platform/bagit/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import type { ArchiveRoots } from '../config.ts';
import { recordEvents, type PremisEvent } from '../events.ts';
import { packageRecordJson, RECORD_PATH, type RecordedFile } from './package-record.ts';
import { premisEventsXml } from './premis-xml.ts';
import { copyFrom, readVerified, UnusableCopy } from './verified-copies.ts';

export interface InterchangeDeps {
  db: Db;
  roots: ArchiveRoots;
}

export interface ExportOptions {
  /**
   * How the bag's place is named in the PREMIS event and the audit trail: the directory as the
   * operator typed it on the command line; never an absolute server path shown over HTTP.
   */
  destination: string;
  /** The language of the producing agency's name in bag-info.txt (Source-Organization). */
  locale: Locale;
}

export interface ExportedBag {
  identifier: string;
  payloadOxum: string;
  files: number;
  bytes: number;
  /** Files whose primary copy could not serve (missing or corrupt): read from the replica. */
  fromReplica: string[];
}

export const PREMIS_PATH = 'metadata/premis-events.xml';

/** The package as exported: every column record.json states, its agency's code and names. */
async function packageToExport(db: Db, identifier: string) {
  const row = await db
    .selectFrom('archive_packages as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.identifier', 'p.title', 'p.source_type', 'p.source_id', 'p.source_reference', 'p.agency_id', 'a.code as agency', 'a.names as agencyNames', 'p.retention_class', 'p.access_level', 'p.state', 'p.created_at', 'p.stored_at'])
    .where('p.identifier', '=', identifier)
    // An ingest in progress is not a package yet.
    .where('p.state', '<>', 'ingesting')
    .executeTakeFirst();
  if (!row) throw notFound('archive_package', identifier);
  if (row.state === 'destroyed') throw new AppError(409, 'archive_package_destroyed', { identifier });
  const files = await db.selectFrom('archive_files').select(['id', 'path', 'size', 'sha256', 'sha512', 'format', 'role']).where('package_id', '=', row.id).orderBy(sql`path collate "C"`).execute();
  // Every event: the bag carries the whole preservation history, not the latest page of it.
  const events = await db.selectFrom('archive_events').select(['id', 'event_type', 'outcome', 'detail', 'agent', 'at', 'file_id']).where('package_id', '=', row.id).orderBy('id').execute();
  return { row, files, events };
}

type Exported = Awaited<ReturnType<typeof packageToExport>>;

/**
 * The payload, each file streamed from the primary root, or from the replica for those in
 * `fromReplica`, and expected to have the digests recorded at ingest: the bag writer hashes what it
 * copies anyway, so checking costs no second pass, and a bag whose bytes differ is never written.
 */
function payloadOf(files: Exported['files'], roots: ArchiveRoots, fromReplica: ReadonlySet<string>): BagPayloadFile[] {
  return files
    .filter((f) => f.path.startsWith('data/'))
    .map((f) => ({
      path: f.path.slice('data/'.length),
      source: async () => copyFrom(fromReplica.has(f.sha256) ? roots.replica : roots.primary, f.sha256, false),
      expected: { sha256: f.sha256, sha512: f.sha512 },
    }));
}

/** The copy that failed an attempt: absent or unreadable (UnusableCopy), or not the bytes recorded. */
function failedCopy(error: unknown, exported: Exported, roots: ArchiveRoots, fromReplica: ReadonlyMap<string, UnusableCopy>): UnusableCopy | null {
  if (error instanceof UnusableCopy) return error;
  if (!(error instanceof PayloadDigestMismatch)) return null;
  const file = exported.files.find((f) => f.path === `data/${error.path}`);
  if (!file) return null;
  const root = fromReplica.has(file.sha256) ? roots.replica : roots.primary;
  return new UnusableCopy(root.name, file.sha256, 'corrupt', `its ${error.algorithm} is ${error.actual}`);
}

/**
 * Writes the bag, reading each content from its primary copy; a copy that cannot serve (absent,
 * unreadable, or not the bytes recorded) fails the attempt — the bag writer leaves nothing — and
 * the bag is written again with that content read from the replica. A content neither root can
 * serve ends the export: no bag is left.
 */
async function writeWithFallback(dir: string, exported: Exported, roots: ArchiveRoots, info: Record<string, string>, tags: BagTagFile[], fromReplica: Map<string, UnusableCopy>): Promise<WrittenBag> {
  for (;;) {
    try {
      return await writeBag(dir, payloadOf(exported.files, roots, new Set(fromReplica.keys())), info, tags);
    } catch (error) {
      const copy = failedCopy(error, exported, roots, fromReplica);
      if (!copy) throw error;
      if (copy.root !== roots.primary.name || fromReplica.has(copy.sha256)) {
        const file = exported.files.find((f) => f.sha256 === copy.sha256);
        throw new AppError(500, 'archive_export_no_intact_copy', { identifier: exported.row.identifier, file: file?.path ?? copy.sha256 });
      }
      fromReplica.set(copy.sha256, copy);
    }
  }
}

function bagInfo(exported: Exported, locale: Locale): Record<string, string> {
  const { row } = exported;
  return {
    'Source-Organization': row.agencyNames[locale],
    'External-Identifier': row.identifier,
    'External-Description': row.title,
    'Internal-Sender-Identifier': row.source_reference,
    'Internal-Sender-Description': `${row.source_type} ${row.source_reference}; retention class ${row.retention_class}; access ${row.access_level}`,
    'Bag-Software-Agent': 'Guichet national archive',
  };
}

/** Tag files: the package's own metadata files as stored, the domain record, the PREMIS history. */
async function tagFilesOf(exported: Exported, roots: ArchiveRoots, fromReplica: Map<string, UnusableCopy>): Promise<BagTagFile[]> {
  const { row, files, events } = exported;
  const stored: BagTagFile[] = [];
  for (const file of files.filter((f) => f.path.startsWith('metadata/'))) {
    const { bytes, unusable } = await readVerified(roots, file.sha256).catch((error: unknown) => {
      if (error instanceof UnusableCopy) throw new AppError(500, 'archive_export_no_intact_copy', { identifier: row.identifier, file: file.path });
      throw error;
    });
    if (unusable) fromReplica.set(file.sha256, unusable);
    stored.push({ path: file.path, content: bytes });
  }
  const recorded: RecordedFile[] = files.map((f) => ({ path: f.path, size: Number(f.size), sha256: f.sha256, sha512: f.sha512, format: f.format, role: f.role }));
  const record = packageRecordJson({
    identifier: row.identifier,
    title: row.title,
    source: { type: row.source_type, id: row.source_id, reference: row.source_reference },
    agency: { code: row.agency, names: row.agencyNames },
    retentionClass: row.retention_class,
    accessLevel: row.access_level,
    state: row.state,
    createdAt: row.created_at.toISOString(),
    storedAt: row.stored_at?.toISOString() ?? null,
    files: recorded,
  });
  const premis = premisEventsXml(
    { identifier: row.identifier, source: { type: row.source_type, reference: row.source_reference } },
    files.map((f) => ({ id: f.id, path: f.path, size: Number(f.size), sha256: f.sha256, sha512: f.sha512, format: f.format })),
    events.map((e) => ({ id: Number(e.id), type: e.event_type, outcome: e.outcome, detail: e.detail, agent: e.agent, at: e.at, fileId: e.file_id })),
  );
  return [...stored, { path: RECORD_PATH, content: record }, { path: PREMIS_PATH, content: premis }];
}

/**
 * Writes an archived package as a BagIt 1.0 bag at `dir` (docs/archive/bagit.md): the package's
 * data files as payload, streamed from the primary root and checked against their recorded SHA-256
 * on the way (the replica serves where the primary copy is missing or corrupt), its Dublin Core,
 * metadata/record.json and metadata/premis-events.xml as tag files. Then one transaction records the
 * PREMIS `access` event (and a `fixity check` failure for each primary copy found bad, marked so)
 * and the audit entry. `dir` must not exist; a destroyed package has nothing left to export.
 */
export async function exportPackage(deps: InterchangeDeps, context: ChangeContext, identifier: string, dir: string, options: ExportOptions): Promise<ExportedBag> {
  const { db, roots } = deps;
  const exported = await packageToExport(db, identifier);
  if (await fs.lstat(dir).then(() => true, () => false)) throw new AppError(409, 'archive_export_target_exists', { dir: options.destination });
  const fromReplica = new Map<string, UnusableCopy>();
  const tags = await tagFilesOf(exported, roots, fromReplica);
  const written = await writeWithFallback(dir, exported, roots, bagInfo(exported, options.locale), tags, fromReplica);
  const bytes = written.files.reduce((sum, f) => sum + f.bytes, 0);
  const replicaPaths = exported.files.filter((f) => fromReplica.has(f.sha256)).map((f) => f.path);
  try {
    await db.transaction().execute(async (trx) => {
      const { row } = exported;
      const badCopies: PremisEvent[] = exported.files
        .filter((f) => fromReplica.has(f.sha256))
        .map((f) => {
          const copy = fromReplica.get(f.sha256) as UnusableCopy;
          return { type: 'fixity check', outcome: 'failure', detail: `${copy.root}: ${copy.state} (${copy.message}), found while exporting; the replica served`, packageId: row.id, fileId: f.id };
        });
      for (const copy of fromReplica.values()) {
        await trx.updateTable('archive_copies').set({ state: copy.state, checked_at: new Date() }).where('sha256', '=', copy.sha256).where('root', '=', copy.root).execute();
      }
      const replicaNote = replicaPaths.length > 0 ? `; read from the replica: ${replicaPaths.join(', ')}` : '';
      await recordEvents(trx, context.actor.label, [
        ...badCopies,
        { type: 'access', outcome: 'success', detail: `exported as a BagIt 1.0 bag to ${options.destination}: ${written.files.length} payload files, ${bytes} bytes, Payload-Oxum ${written.payloadOxum}${replicaNote}`, packageId: row.id, fileId: null },
      ]);
      await recordAudit(trx, context, {
        action: 'archive.package_exported',
        recordType: 'archive_package',
        recordId: row.id,
        agencyId: row.agency_id,
        details: { identifier: row.identifier, destination: options.destination, payloadOxum: written.payloadOxum, fromReplica: replicaPaths },
      });
    });
  } catch (error) {
    // An export the archive did not record is not left behind.
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { identifier: exported.row.identifier, payloadOxum: written.payloadOxum, files: written.files.length, bytes, fromReplica: replicaPaths };
}
