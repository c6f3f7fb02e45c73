import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { ArchiveRoots } from '../config.ts';
import { recordAccess, type Reader } from '../events.ts';
import type { RecordSummary } from './query.ts';
import { grantUsed, visibleTo, type Viewer } from './visibility.ts';

export interface ReadablePackage extends RecordSummary {
  files: { path: string; size: number; format: string; role: string }[];
}

async function visiblePackage(db: Db, viewer: Viewer, identifier: string) {
  const pkg = await db
    .selectFrom('archive_packages as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.identifier', 'p.title', 'a.code as agency', 'p.agency_id', 'p.source_type', 'p.retention_class', 'p.access_level', 'p.stored_at'])
    .where('p.identifier', '=', identifier)
    .where(visibleTo(viewer))
    .executeTakeFirst();
  // Not visible and not there answer alike: a refusal would tell that the record exists.
  if (!pkg) throw notFound('archive_package', identifier);
  return pkg;
}

/** Says in the log when only an access request let the reader in: the grant is the read's authority. */
const through = (viewer: Viewer, pkg: { id: string; agency_id: string; access_level: string }) => (grantUsed(viewer, pkg) ? ' under a granted access request' : '');

/** A package's description and file list, for a reader allowed to see it; the read is logged as a PREMIS `access` event. */
export async function readPackage(db: Db, viewer: Viewer, reader: Reader, identifier: string): Promise<ReadablePackage> {
  const pkg = await visiblePackage(db, viewer, identifier);
  const files = await db.selectFrom('archive_files').select(['path', 'size', 'format', 'role']).where('package_id', '=', pkg.id).orderBy(sql`path collate "C"`).execute();
  await recordAccess(db, reader, { packageId: pkg.id, fileId: null, detail: `description and file list read${through(viewer, pkg)}` });
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
  await recordAccess(db, reader, { packageId: pkg.id, fileId: file.id, detail: `${path} downloaded${through(viewer, pkg)}` });
  return { format: file.format, size: file.size, content };
}
