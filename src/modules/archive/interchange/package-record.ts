import type { AccessLevel, ArchiveFilesTable } from '../schema.ts';

/**
 * `metadata/record.json` of an exported bag: the package as the archive's database holds it — its
 * summary, source, retention class and access level, and every file with both digests and its
 * role — so another archive can take it in without this one, and another Guichet keeps the class,
 * access level, roles and formats when it imports the bag.
 */
export const RECORD_PATH = 'metadata/record.json';
/** Names the kind of document, for a reader that finds the file alone. */
const RECORD_FORMAT = 'guichet-archive-package';

/** A file as archive_files records it. */
export type RecordedFile = Omit<ArchiveFilesTable, 'id' | 'package_id'>;

export interface PackageRecord {
  identifier: string;
  title: string;
  source: { type: string; id: string; reference: string };
  agency: { code: string; names: { fr: string; ar: string; en: string } };
  retentionClass: string;
  accessLevel: AccessLevel;
  state: string;
  createdAt: string;
  storedAt: string | null;
  files: RecordedFile[];
}

export const packageRecordJson = (record: PackageRecord): string => `${JSON.stringify({ format: RECORD_FORMAT, version: 1, ...record }, null, 2)}\n`;

/** What an import uses of a record.json from another Guichet; the parts it cannot trust are dropped. */
export interface ImportedRecord {
  retentionClass?: string;
  accessLevel?: AccessLevel;
  files: Pick<RecordedFile, 'path' | 'sha256' | 'format' | 'role'>[];
}

const ACCESS_LEVELS: readonly string[] = ['public', 'restricted', 'confidential'];
const ROLES: readonly string[] = ['form', 'attachment', 'document', 'decision', 'audit', 'metadata'];
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

/** The record.json of another Guichet's bag, or null when the text is not one. */
export function readPackageRecord(text: string): ImportedRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value) || value.format !== RECORD_FORMAT || !Array.isArray(value.files)) return null;
  const files = value.files.filter(
    (f): f is ImportedRecord['files'][number] => isObject(f) && isString(f.path) && isString(f.sha256) && isString(f.format) && isString(f.role) && ROLES.includes(f.role),
  );
  return {
    ...(isString(value.retentionClass) ? { retentionClass: value.retentionClass } : {}),
    ...(isString(value.accessLevel) && ACCESS_LEVELS.includes(value.accessLevel) ? { accessLevel: value.accessLevel as AccessLevel } : {}),
    files: files.map((f) => ({ path: f.path, sha256: f.sha256, format: f.format, role: f.role })),
  };
}
