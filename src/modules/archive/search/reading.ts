import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { ArchiveRoots } from '../config.ts';
import { recordEvents } from '../events.ts';
import type { RecordSummary } from './query.ts';
import { visibleTo, type Viewer } from './visibility.ts';

/** Who read, as the PREMIS `access` event names them (an id, never a name: the log outlives accounts). */
export type Reader = { kind: 'user' | 'api_client'; id: string } | { kind: 'anonymous'; ip: string | null };

const agentOf = (reader: Reader) => (reader.kind === 'anonymous' ? `anonymous${reader.ip ? ` from ${reader.ip}` : ''}` : `${reader.kind}:${reader.id}`);

export interface ReadablePackage extends RecordSummary {
  files: { path: string; size: number; format: string; role: string }[];
}

async function visiblePackage(db: Db, viewer: Viewer, identifier: string) {
  const pkg = await db
    .selectFrom('archive_packages as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.identifier', 'p.title', 'a.code as agency', 'p.source_type', 'p.retention_class', 'p.access_level', 'p.stored_at'])
    .where('p.identifier', '=', identifier)
    .where(visibleTo(viewer))
    .executeTakeFirst();
  // Not visible and not there answer alike: a refusal would tell that the record exists.
  if (!pkg) throw notFound('archive_package', identifier);
  return pkg;
}

/** A package's description and file list, for a reader allowed to see it; the read is logged as a PREMIS `access` event. */
export async function readPackage(db: Db, viewer: Viewer, reader: Reader, identifier: string): Promise<ReadablePackage> {
  const pkg = await visiblePackage(db, viewer, identifier);
  const files = await db.selectFrom('archive_files').select(['path', 'size', 'format', 'role']).where('package_id', '=', pkg.id).orderBy(sql`path collate "C"`).execute();
  await db.transaction().execute((trx) => recordEvents(trx, agentOf(reader), [{ type: 'access', outcome: 'success', detail: 'description and file list read', packageId: pkg.id, fileId: null }]));
  return {
    identifier: pkg.identifier,
    title: pkg.title,
    agency: pkg.agency,
    recordType: pkg.source_type,
    class: pkg.retention_class,
    accessLevel: pkg.access_level,
    storedAt: pkg.stored_at?.toISOString() ?? null,
    files,
  };
}

/** One file's bytes from the primary root, for a reader allowed to see its package; logged as an `access` event on the file. */
export async function readFile(db: Db, roots: ArchiveRoots, viewer: Viewer, reader: Reader, identifier: string, path: string): Promise<{ format: string; size: number; content: Readable }> {
  const pkg = await visiblePackage(db, viewer, identifier);
  const file = await db.selectFrom('archive_files').select(['id', 'sha256', 'format', 'size']).where('package_id', '=', pkg.id).where('path', '=', path).executeTakeFirst();
  if (!file) throw notFound('archive_file', path);
  const content = await roots.primary.get(file.sha256);
  await db.transaction().execute((trx) => recordEvents(trx, agentOf(reader), [{ type: 'access', outcome: 'success', detail: `${path} downloaded`, packageId: pkg.id, fileId: file.id }]));
  return { format: file.format, size: file.size, content };
}
