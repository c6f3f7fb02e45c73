import type { ArchiveSource } from './store.ts';
import type { AccessLevel, FileRole, SourceType } from './schema.ts';

type Localised = { fr: string; ar: string; en: string };

/** One file of a package to be: where it goes inside the package, what it is, how to read it. */
export interface PackageFile {
  /** Inside the package, BagIt-style: `data/…` for content, `metadata/…` for description. */
  path: string;
  role: FileRole;
  /** MIME type, as the source identified it (the blob store by magic bytes) or as the archive wrote it. */
  format: string;
  /**
   * How the format was identified, for the PREMIS `format identification` event: `signature` by its
   * magic bytes (scanned records, imported bags), `record` as the archive that sent it recorded it.
   */
  identifiedBy: 'source' | 'archive' | 'signature' | 'record';
  /** PRONOM unique identifier of the format, when the identification says which version it is. */
  puid?: string;
  /** Digests the source states (an imported bag's manifests): the bytes stored must have them, else the ingest fails. */
  expected?: { sha256?: string; sha512?: string };
  content(): Promise<ArchiveSource>;
}

/** Descriptive metadata, written as Dublin Core (ISO 15836) in `metadata/dublin-core.xml`. */
export interface Description {
  title: Localised;
  /** The agency that produced the record. */
  creator: Localised;
  /** The procedure or customs regime: what the record is about. */
  subject: string;
  /** When the record was closed (decided, released or rejected); a scanned paper record's own date or range (ISO 8601, `1985/1990`). */
  date: string;
  /** DCMI type vocabulary: a case file is a `Collection` of documents, data and decisions; a scanned paper record is `Text` (DCMI: images of text are Text). */
  type: 'Collection' | 'Text';
  language: readonly string[];
}

/** What the ingest needs to build and store one package; source modules' records become this. */
export interface PackageSource {
  sourceType: SourceType;
  sourceId: string;
  /** The record's own reference (application or declaration number). */
  reference: string;
  agencyCode: string;
  retentionClass: string;
  /** The access level the package is stored with; `restricted` (the table's default) when not given. */
  accessLevel?: AccessLevel;
  description: Description;
  files: PackageFile[];
}

export const DUBLIN_CORE_PATH = 'metadata/dublin-core.xml';

/** A JSON file of the package, written by the archive (pretty-printed: it is read by people in decades). */
export function jsonFile(path: string, role: FileRole, value: unknown): PackageFile {
  return { path, role, format: 'application/json', identifiedBy: 'archive', content: async () => Buffer.from(`${JSON.stringify(value, null, 2)}\n`) };
}

export const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);

/**
 * The package's description in the OAI-PMH `oai_dc` container (simple Dublin Core, the fifteen
 * DCMES elements), titles and creators in each language with xml:lang.
 */
export function dublinCoreXml(identifier: string, source: PackageSource, accessLevel: string): string {
  const { description: d } = source;
  const element = (name: string, value: string, lang?: string) => `  <dc:${name}${lang ? ` xml:lang="${lang}"` : ''}>${escapeXml(value)}</dc:${name}>`;
  const localised = (name: string, text: Localised) => (['fr', 'ar', 'en'] as const).map((lang) => element(name, text[lang], lang));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    element('identifier', identifier),
    ...localised('title', d.title),
    ...localised('creator', d.creator),
    element('subject', d.subject),
    element('date', d.date),
    element('type', d.type),
    ...d.language.map((lang) => element('language', lang)),
    element('source', `${source.sourceType}:${source.reference}`),
    element('rights', `access: ${accessLevel}; retention: ${source.retentionClass}`),
    ...[...new Set(source.files.map((f) => f.format))].sort().map((format) => element('format', format)),
    '</oai_dc:dc>',
    '',
  ];
  return lines.join('\n');
}

/** `metadata/dublin-core.xml` for a package whose identifier is now known. */
export function dublinCoreFile(identifier: string, source: PackageSource, accessLevel: string): PackageFile {
  const xml = dublinCoreXml(identifier, source, accessLevel);
  return { path: DUBLIN_CORE_PATH, role: 'metadata', format: 'application/xml', identifiedBy: 'archive', content: async () => Buffer.from(xml) };
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/tiff': 'tif', 'text/plain': 'txt', 'application/json': 'json' };
export const extensionOf = (mediaType: string) => EXTENSIONS[mediaType] ?? 'bin';

/** A name safe inside a package path: letters, digits, dot, dash, underscore. */
export const pathSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80) || 'file';
