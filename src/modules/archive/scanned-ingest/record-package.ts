/**
 * A scanned paper record as a package: the scan itself as received, its description, and the text
 * the OCR read on each page, one plain-text file per page so a reader in decades needs no software
 * of ours to read it.
 */
import { extensionOf, jsonFile, pathSafe, type PackageFile, type PackageSource } from '../package.ts';
import type { AccessLevel } from '../schema.ts';
import type { OcrLanguage } from '../scanned/index.ts';
import type { ArchiveSource } from '../store.ts';
import { dublinCoreDate, itemReference, localisedTitle, SEARCH_LANGUAGE_OF } from './description.ts';
import type { BatchTitle, RecognisedPageRow } from './schema.ts';

type Localised = { fr: string; ar: string; en: string };

export interface ScannedRecord {
  batch: {
    reference: string;
    title: BatchTitle;
    subject: string;
    dateFrom: string;
    dateTo: string | null;
    retentionClass: string;
    accessLevel: AccessLevel;
    /** The agency that produced the records, with its names for Dublin Core's creator. */
    creator: { code: string; names: Localised };
    /** The ingesting agency's code and the archivist who opened the batch. */
    ingestedBy: { agency: string; archivist: string };
  };
  item: { id: string; position: number; name: string; size: number; sha256: string; mediaType: string; puid: string | null; languages: OcrLanguage[] };
  pages: readonly RecognisedPageRow[];
}

/** Where the scan goes inside its package: its name made path-safe, with its format's own extension. */
export const scanPath = (name: string, mediaType: string) => `data/${pathSafe(name.replace(/\.[^.]*$/, ''))}.${extensionOf(mediaType)}`;
export const ocrPagePath = (page: number) => `data/ocr/page-${page}.txt`;

/** The package of one scanned file; `content` reads the scan's staged bytes. */
export function scannedRecordPackage(record: ScannedRecord, content: () => Promise<ArchiveSource>): PackageSource {
  const { batch, item, pages } = record;
  const reference = itemReference(batch.reference, item.position);
  const scan: PackageFile = { path: scanPath(item.name, item.mediaType), role: 'attachment', format: item.mediaType, identifiedBy: 'signature', ...(item.puid ? { puid: item.puid } : {}), content };
  const date = dublinCoreDate(batch.dateFrom, batch.dateTo);
  const description = {
    reference,
    batch: batch.reference,
    title: batch.title,
    creator: batch.creator.code,
    subject: batch.subject,
    date,
    ingestedBy: batch.ingestedBy,
    original: { name: item.name, size: item.size, sha256: item.sha256, format: item.mediaType, puid: item.puid, file: scan.path },
    ocr: {
      engine: 'tesseract.js, LSTM engine, language data @tesseract.js-data 4.0.0_best_int',
      languages: item.languages,
      pages: pages.map((p) => ({ number: p.number, confidence: Math.round(p.confidence * 10) / 10, file: ocrPagePath(p.number) })),
    },
  };
  const ocrFiles = pages.map((p): PackageFile => ({ path: ocrPagePath(p.number), role: 'metadata', format: 'text/plain', identifiedBy: 'archive', content: async () => Buffer.from(p.text, 'utf8') }));
  return {
    sourceType: 'scanned_record',
    sourceId: item.id,
    reference,
    agencyCode: batch.creator.code,
    retentionClass: batch.retentionClass,
    accessLevel: batch.accessLevel,
    description: {
      title: localisedTitle(batch.title),
      creator: batch.creator.names,
      subject: batch.subject,
      date,
      type: 'Text',
      language: [...new Set(item.languages.map((l) => SEARCH_LANGUAGE_OF[l]))],
    },
    files: [scan, jsonFile('data/record.json', 'metadata', description), ...ocrFiles],
  };
}
