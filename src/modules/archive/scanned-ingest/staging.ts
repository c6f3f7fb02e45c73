/**
 * An upload's bytes wait for their reading in the archive's primary root, under their SHA-256
 * like any stored content: written once, atomically and durably, shared by every process that
 * uses that root, and — once the record is stored — already where its package keeps them.
 */
import type { Db } from '../../../platform/db/database.ts';
import type { ArchiveStore } from '../store.ts';

/** Stages an upload; its SHA-256. */
export async function stageUpload(primary: ArchiveStore, bytes: Buffer): Promise<string> {
  return (await primary.add(bytes)).sha256;
}

/** The staged bytes of an item, whole, for the OCR. */
export async function stagedBytes(primary: ArchiveStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await primary.get(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Removes staged bytes nothing needs any more: no stored file holds that content and no other
 * item waits to be read from it (the same scan uploaded twice). Called once the item no longer waits.
 */
export async function releaseStaged(db: Db, primary: ArchiveStore, sha256: string): Promise<void> {
  const [filed, waiting] = await Promise.all([
    db.selectFrom('archive_files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst(),
    db.selectFrom('archive_scanned_items').select('id').where('sha256', '=', sha256).where('state', 'in', ['queued', 'recognising']).limit(1).executeTakeFirst(),
  ]);
  if (!filed && !waiting) await primary.remove(sha256);
}
