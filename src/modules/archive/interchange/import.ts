import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ChangeContext } from '../../../platform/audit/record.ts';
import { hashFile, readBagContents, validateBag, type BagContents, type BagProblem } from '../../../platform/bagit/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { ingestPackage, type IngestDeps } from '../ingest.ts';
import { DUBLIN_CORE_PATH, jsonFile, type PackageSource } from '../package.ts';
import { rollBackIngest } from '../resume.ts';
import type { AccessLevel } from '../schema.ts';
import { bagPackageFiles, type RenamedFile } from './bag-files.ts';
import { readDublinCore } from './dublin-core-reading.ts';
import { bagInfoLookup, cleanText, importedDescription } from './imported-description.ts';
import { readPackageRecord, RECORD_PATH, type ImportedRecord } from './package-record.ts';

export interface ImportOptions {
  /** The agency the package is filed under (the importing archivist's, or the National Archives). */
  agencyCode: string;
  /** A class of the classification scheme; without one, the class another Guichet's record.json states. */
  retentionClass?: string | undefined;
  /** Without one: the level another Guichet's record.json states, else `restricted`. */
  accessLevel?: AccessLevel | undefined;
}

export interface ImportedBag {
  identifier: string;
  /** False when the same bag was imported before: nothing was done. */
  created: boolean;
  files: number;
  bytes: number;
  /** Payload and tag files kept under another name than the bag's. */
  renamed: RenamedFile[];
}

/** The package file that says how a bag was taken in: its bag-info, every file's original name, the Dublin Core's fate. */
export const IMPORT_RECORD_PATH = 'metadata/bag-import.json';

/** Refused before anything is written: every problem of the bag, each naming its file. */
export const bagRefused = (problems: readonly BagProblem[]) => new AppError(422, 'archive_bag_invalid', { count: problems.length }, { problems });

/**
 * The identity of a bag without an External-Identifier: the SHA-256 of its strongest payload
 * manifest, which changes with any file's content or name — the same bag imported twice is one package.
 */
async function manifestDigest(root: string, contents: BagContents): Promise<string> {
  const manifests = contents.tagFiles.map((f) => f.path).filter((p) => /^manifest-[^/]+\.txt$/i.test(p));
  const preferred = ['manifest-sha512.txt', 'manifest-sha256.txt'].find((name) => manifests.includes(name)) ?? manifests.sort()[0];
  if (!preferred) throw new Error('a valid bag has a payload manifest');
  return createHash('sha256').update(await fs.readFile(path.join(root, preferred))).digest('hex');
}

/** The bag's payload as digests of one algorithm the archive also keeps, for comparing with a package already stored. */
async function payloadDigests(root: string, contents: BagContents): Promise<{ algorithm: 'sha256' | 'sha512'; digests: string[] }> {
  const algorithm = contents.payload.every((f) => f.checksums.sha256) ? 'sha256' : contents.payload.every((f) => f.checksums.sha512) ? 'sha512' : null;
  if (algorithm) return { algorithm, digests: contents.payload.map((f) => f.checksums[algorithm] as string).sort() };
  // An older bag with MD5 or SHA-1 manifests only: its payload is hashed to compare.
  const hashed = await Promise.all(contents.payload.map((f) => hashFile(path.join(root, f.path))));
  return { algorithm: 'sha256', digests: hashed.map((h) => h.sha256).sort() };
}

/** The package already made from this bag's identity: the same payload is "already archived", another is a conflict. */
async function alreadyImported(db: Db, root: string, contents: BagContents, sourceId: string): Promise<{ identifier: string } | null> {
  const existing = await db.selectFrom('archive_packages').select(['id', 'identifier', 'state']).where('source_type', '=', 'imported_bag').where('source_id', '=', sourceId).executeTakeFirst();
  // An ingest a crash interrupted is carried on by this one.
  if (!existing || existing.state === 'ingesting') return null;
  if (existing.state === 'destroyed') throw new AppError(409, 'archive_import_destroyed', { sourceId, identifier: existing.identifier });
  const { algorithm, digests } = await payloadDigests(root, contents);
  const stored = await db.selectFrom('archive_files').select(['sha256', 'sha512']).where('package_id', '=', existing.id).where('path', 'like', 'data/%').execute();
  const same = JSON.stringify(stored.map((f) => f[algorithm]).sort()) === JSON.stringify(digests);
  if (!same) throw new AppError(409, 'archive_import_identifier_taken', { sourceId, identifier: existing.identifier });
  return { identifier: existing.identifier };
}

/** The agency and class the package is filed under, checked before anything is written. */
async function filing(db: Db, options: ImportOptions, record: ImportedRecord | null): Promise<string> {
  const agency = await db.selectFrom('agencies').select('id').where('code', '=', options.agencyCode).executeTakeFirst();
  if (!agency) throw new AppError(422, 'archive_import_agency_unknown', { agency: options.agencyCode });
  const classes = (await db.selectFrom('archive_retention_classes').select('code').orderBy('code').execute()).map((c) => c.code);
  const retentionClass = options.retentionClass ?? record?.retentionClass;
  if (!retentionClass) throw new AppError(422, 'archive_import_class_required', { classes: classes.join(', ') });
  if (!classes.includes(retentionClass)) throw new AppError(422, 'archive_retention_class_unknown', { retentionClass });
  return retentionClass;
}

async function tagText(root: string, contents: BagContents, bagPath: string): Promise<string | null> {
  return contents.tagFiles.some((f) => f.path === bagPath) ? fs.readFile(path.join(root, bagPath), 'utf8') : null;
}

/**
 * Takes in a bag another system exported (docs/archive/bagit.md): validated first — an invalid bag
 * is refused with every problem and nothing is written — then ingested as a package of source
 * `imported_bag`, every file's digests checked again on the bytes stored. Idempotent: the bag's
 * External-Identifier (or, without one, its manifest's SHA-256) is its identity, and the same bag
 * again is "already archived"; a different bag claiming the same identity is refused. A failure
 * while storing rolls the reservation back: no package is left half-ingested.
 */
export async function importBag(deps: IngestDeps, context: ChangeContext, dir: string, options: ImportOptions): Promise<ImportedBag> {
  const { db } = deps;
  const root = path.resolve(dir);
  const verdict = await validateBag(root);
  if (!verdict.valid) throw bagRefused(verdict.problems);
  const contents = await readBagContents(root);
  if (contents.problems.length > 0) throw bagRefused(contents.problems);
  const info = bagInfoLookup(contents.info);
  const recordText = await tagText(root, contents, RECORD_PATH);
  const record = recordText === null ? null : readPackageRecord(recordText);
  const retentionClass = await filing(db, options, record);
  const sourceId = info('External-Identifier') ?? (await manifestDigest(root, contents));
  const bytes = contents.payload.reduce((sum, f) => sum + f.bytes, 0);
  const summary = { files: contents.payload.length, bytes };
  const before = await alreadyImported(db, root, contents, sourceId);
  if (before) return { ...before, created: false, ...summary, renamed: [] };

  const dcText = await tagText(root, contents, DUBLIN_CORE_PATH);
  const dc = dcText === null ? null : readDublinCore(dcText);
  const reference = cleanText(info('Internal-Sender-Identifier') ?? info('External-Identifier') ?? path.basename(root)) || sourceId;
  const { files, renamed } = await bagPackageFiles(root, contents, record);
  const accessLevel = options.accessLevel ?? record?.accessLevel;
  const importRecord = {
    bag: { name: path.basename(root), version: contents.version, payloadOxum: `${bytes}.${contents.payload.length}`, info: contents.info },
    identity: info('External-Identifier') ? 'External-Identifier' : 'SHA-256 of the payload manifest',
    sourceId,
    dublinCore: dc === null ? 'absent' : dc.ok ? 'read' : `not read: ${dc.reason}`,
    files: renamed,
    importedBy: context.actor.label,
  };
  const source: PackageSource = {
    sourceType: 'imported_bag',
    sourceId,
    reference,
    agencyCode: options.agencyCode,
    retentionClass,
    ...(accessLevel ? { accessLevel } : {}),
    description: importedDescription(info, dc?.ok ? dc.dc : null, reference, new Date()),
    files: [...files, jsonFile(IMPORT_RECORD_PATH, 'metadata', importRecord)],
  };
  try {
    const outcome = await ingestPackage(deps, context, source);
    return { ...outcome, ...summary, renamed };
  } catch (error) {
    const reserved = await db.selectFrom('archive_packages').select(['id', 'identifier', 'source_type', 'source_reference', 'agency_id']).where('source_type', '=', 'imported_bag').where('source_id', '=', sourceId).where('state', '=', 'ingesting').executeTakeFirst();
    if (reserved) await rollBackIngest(db, context, reserved, error instanceof AppError ? error.code : (error as Error).message);
    throw error;
  }
}
