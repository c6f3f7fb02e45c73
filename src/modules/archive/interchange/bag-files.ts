import { createReadStream } from 'node:fs';
import path from 'node:path';
import { MultiDigest, type BagContentFile, type BagContents } from '../../../platform/bagit/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PackageFile } from '../package.ts';
import type { FileRole } from '../schema.ts';
import { archivedPaths } from './archived-paths.ts';
import type { ImportedRecord } from './package-record.ts';
import { formatBySignature } from './payload-format.ts';

/** Where the bag's own tag files are kept in the package: bagit.txt, bag-info.txt, manifests, its metadata. */
export const ORIGINAL_BAG = 'metadata/original-bag/';

export interface RenamedFile {
  /** As the bag names it, relative to its base directory. */
  original: string;
  /** As the package keeps it. */
  archived: string;
}

const READ_CHUNK = 1024 * 1024;
/** The formats a signature cannot tell apart from any other text or bytes: the sending archive's record says better. */
const GENERIC = ['text/plain', 'application/octet-stream'];

/**
 * The bytes of a bag file as they are stored, checked against the manifests' digests other than
 * SHA-256 and SHA-512 (an older bag's MD5 or SHA-1): those two the ingest checks on what it stored.
 */
async function* checkedRead(file: string, checksums: Record<string, string>, archived: string): AsyncGenerator<Buffer> {
  const digest = new MultiDigest(Object.keys(checksums));
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK })) {
    digest.update(chunk as Buffer);
    yield chunk as Buffer;
  }
  const actual = digest.digests();
  for (const [algorithm, expected] of Object.entries(checksums)) {
    if (actual[algorithm] !== expected) throw new AppError(422, 'archive_file_changed', { file: archived, algorithm, expected, actual: actual[algorithm] });
  }
}

async function packageFile(root: string, file: BagContentFile, archived: string, role: FileRole, recorded: ImportedRecord['files'][number] | undefined): Promise<PackageFile> {
  const absolute = path.join(root, file.path);
  const { sha256, sha512, ...others } = file.checksums;
  const signature = await formatBySignature(absolute);
  const fromRecord = recorded && GENERIC.includes(signature.format) && !GENERIC.includes(recorded.format);
  return {
    path: archived,
    role: recorded?.role ?? role,
    format: fromRecord ? recorded.format : signature.format,
    identifiedBy: fromRecord ? 'record' : 'signature',
    ...(signature.puid && !fromRecord ? { puid: signature.puid } : {}),
    expected: { ...(sha256 ? { sha256 } : {}), ...(sha512 ? { sha512 } : {}) },
    content: async () => (Object.keys(others).length > 0 ? checkedRead(absolute, others, archived) : createReadStream(absolute, { highWaterMark: READ_CHUNK })),
  };
}

/**
 * The package files of a valid bag: each payload file under data/ (renamed where its name is not
 * one the archive keeps), each tag file under metadata/original-bag/, formats by signature (or as
 * another Guichet's record.json states them, for text its signature cannot name), roles from that
 * record or `document`.
 */
export async function bagPackageFiles(root: string, contents: BagContents, record: ImportedRecord | null): Promise<{ files: PackageFile[]; renamed: RenamedFile[] }> {
  const payloadPaths = archivedPaths(contents.payload.map((f) => f.path.slice('data/'.length)), 'data/');
  const tagPaths = archivedPaths(contents.tagFiles.map((f) => f.path), ORIGINAL_BAG);
  const recorded = new Map((record?.files ?? []).map((f) => [`${f.path} ${f.sha256}`, f]));
  const files: PackageFile[] = [];
  const renamed: RenamedFile[] = [];
  for (const file of contents.payload) {
    const archived = payloadPaths.get(file.path.slice('data/'.length)) as string;
    if (archived !== file.path) renamed.push({ original: file.path, archived });
    files.push(await packageFile(root, file, archived, 'document', recorded.get(`${file.path} ${file.checksums.sha256}`)));
  }
  for (const file of contents.tagFiles) {
    const archived = tagPaths.get(file.path) as string;
    if (archived !== `${ORIGINAL_BAG}${file.path}`) renamed.push({ original: file.path, archived });
    files.push(await packageFile(root, file, archived, 'metadata', undefined));
  }
  return { files, renamed };
}
