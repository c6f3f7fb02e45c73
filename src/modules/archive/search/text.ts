import { recordAudit, systemContext, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { PackageSource } from '../package.ts';
import type { TextLanguage } from './schema.ts';

/** The text search configuration of each language: the snowball stemmers both engines ship. */
export const SEARCH_CONFIGS: Record<TextLanguage, string> = { fr: 'french', ar: 'arabic', en: 'english' };
export const TEXT_LANGUAGES = Object.keys(SEARCH_CONFIGS) as TextLanguage[];

/** One page of recognised text, as the OCR gives it (RecognisedPage carries more; only these are kept). */
export interface IndexedPage {
  number: number;
  text: string;
}

/**
 * Text as stored for search: NFC (OCR output and typed queries may differ in composition), no
 * tatweel nor Arabic harakat (the arabic configuration keeps them), one kind of space.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0640|\u0670|[\u064b-\u065f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What each text copies of its package, so a search reads the texts alone (migration 0035). */
const packageColumns = (trx: Trx, packageId: string) =>
  trx.selectFrom('archive_packages').select(['agency_id', 'access_level', 'source_type', 'retention_class', 'stored_at']).where('id', '=', packageId).executeTakeFirstOrThrow(() => notFound('archive_package', packageId));

/** A destroyed package keeps no searchable text: its metadata residue is read, not searched. */
export async function forgetPackageText(trx: Trx, packageIds: readonly string[]): Promise<void> {
  if (packageIds.length > 0) await trx.deleteFrom('archive_texts').where('package_id', 'in', packageIds).execute();
}

/**
 * Indexes a package's description at ingest, inside its transaction: one row per language (title,
 * producing agency, subject, reference), so a search in any of the three finds it.
 */
export async function indexPackageMetadata(trx: Trx, packageId: string, source: PackageSource): Promise<void> {
  const { title, creator, subject } = source.description;
  const copied = await packageColumns(trx, packageId);
  await trx
    .insertInto('archive_texts')
    .values(TEXT_LANGUAGES.map((language) => ({
      package_id: packageId,
      file_id: null,
      page: null,
      language,
      body: normaliseForSearch([title[language], creator[language], subject, source.reference, source.agencyCode].join(' \n ')),
      ...copied,
    })))
    .onConflict((oc) => oc.columns(['package_id', 'file_id', 'page', 'language']).doNothing())
    .execute();
}

/**
 * Indexes the OCR'd pages of one file of a package (replacing an earlier reading of it): one row
 * per page, so a hit names its page and no row grows with the length of a register.
 */
export async function indexPages(
  db: Db,
  packageId: string,
  fileId: string,
  pages: readonly IndexedPage[],
  language: TextLanguage,
  context: ChangeContext = systemContext('archive: text recognition'),
): Promise<number> {
  const file = await db
    .selectFrom('archive_files as f')
    .innerJoin('archive_packages as p', 'p.id', 'f.package_id')
    .select(['f.path', 'p.agency_id', 'p.access_level', 'p.source_type', 'p.retention_class', 'p.stored_at'])
    .where('f.id', '=', fileId)
    .where('f.package_id', '=', packageId)
    .executeTakeFirst();
  if (!file) throw notFound('archive_file', fileId);
  const { path: _path, ...copied } = file;
  const rows = pages.map((p) => ({ package_id: packageId, file_id: fileId, page: p.number, language, body: normaliseForSearch(p.text), ...copied })).filter((r) => r.body !== '');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('archive_texts').where('package_id', '=', packageId).where('file_id', '=', fileId).where('language', '=', language).execute();
    if (rows.length > 0) await trx.insertInto('archive_texts').values(rows).execute();
    await recordAudit(trx, context, {
      action: 'archive.pages_indexed',
      recordType: 'archive_package',
      recordId: packageId,
      agencyId: file.agency_id,
      details: { path: file.path, language, pages: rows.length },
    });
  });
  return rows.length;
}
