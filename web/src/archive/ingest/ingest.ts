/**
 * The scanned-records ingest as the page sees it: the API's shapes and paths, and pure helpers —
 * the batch's description from the form, each chosen file's row, and what the server says of it.
 */
import type { Language } from '../../api/types';

export type OcrLanguage = 'fra' | 'ara' | 'eng';
export type AccessLevel = 'public' | 'restricted' | 'confidential';
export const OCR_LANGUAGES: readonly OcrLanguage[] = ['fra', 'ara', 'eng'];
export const ACCESS_LEVELS: readonly AccessLevel[] = ['restricted', 'public', 'confidential'];

export interface Choices {
  agencies: { code: string; names: Record<Language, string> }[];
  retentionClasses: { code: string; title: Record<Language, string>; periodYears: number | null; action: string }[];
  languages: OcrLanguage[];
  uploadLimitBytes: number;
}

export interface BatchItem {
  id: string;
  name: string;
  state: 'queued' | 'recognising' | 'stored' | 'refused';
  progress: number;
  pages: number | null;
  confidence: number | null;
  package: string | null;
  refusal: { code: string; message: string } | null;
}

export interface Batch {
  id: string;
  reference: string;
  state: 'open' | 'submitted' | 'done';
  counts: { files: number; queued: number; recognising: number; stored: number; refused: number };
  items: BatchItem[];
}

export const ingestApi = {
  choices: '/api/archive/scanned-batches/choices',
  batches: '/api/archive/scanned-batches',
  batch: (id: string) => `/api/archive/scanned-batches/${encodeURIComponent(id)}`,
  submit: (id: string) => `/api/archive/scanned-batches/${encodeURIComponent(id)}/submit`,
  file: (id: string, name: string) => `/api/archive/scanned-batches/${encodeURIComponent(id)}/files/${encodeURIComponent(name)}`,
};

/** The form as typed. */
export interface BatchForm {
  titleFr: string;
  titleAr: string;
  titleEn: string;
  creatorAgency: string;
  subject: string;
  dateFrom: string;
  dateTo: string;
  retentionClass: string;
  accessLevel: AccessLevel;
  languages: OcrLanguage[];
}

export const emptyForm = (language: Language): BatchForm => ({
  titleFr: '',
  titleAr: '',
  titleEn: '',
  creatorAgency: '',
  subject: '',
  dateFrom: '',
  dateTo: '',
  retentionClass: '',
  accessLevel: 'restricted',
  // The interface's language is the likeliest language of the records; French otherwise.
  languages: [language === 'ar' ? 'ara' : language === 'en' ? 'eng' : 'fra'],
});

/** The body of POST /api/archive/scanned-batches: empty fields are left out, for the server to say what is missing. */
export function batchBody(form: BatchForm) {
  const title = Object.fromEntries(
    (
      [
        ['fr', form.titleFr],
        ['ar', form.titleAr],
        ['en', form.titleEn],
      ] as const
    )
      .map(([language, text]) => [language, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
  return {
    title,
    creatorAgency: form.creatorAgency,
    subject: form.subject.trim(),
    dateFrom: form.dateFrom.trim(),
    ...(form.dateTo.trim() ? { dateTo: form.dateTo.trim() } : {}),
    retentionClass: form.retentionClass,
    accessLevel: form.accessLevel,
    languages: OCR_LANGUAGES.filter((language) => form.languages.includes(language)),
  };
}

/** One chosen file, from the moment it is chosen to its package or its refusal. */
export interface FileRow {
  key: string;
  name: string;
  phase: 'waiting' | 'uploading' | 'queued' | 'recognising' | 'stored' | 'refused';
  /** Of the upload, then of the OCR, 0 to 1. */
  progress: number;
  package: string | null;
  pages: number | null;
  /** Why it was refused, in the language the server wrote it in. */
  refusal: { message: string; language: string } | null;
}

export const waitingRow = (name: string, index: number): FileRow => ({ key: `${index}:${name}`, name, phase: 'waiting', progress: 0, package: null, pages: null, refusal: null });

/** The rows once the server has news of the batch: each accepted file takes its item's state; refused uploads keep their refusal. */
export function rowsWithBatch(rows: readonly FileRow[], batch: Batch, language: string): FileRow[] {
  const items = new Map(batch.items.map((item) => [item.name, item]));
  return rows.map((row) => {
    const item = items.get(row.name);
    if (!item || row.phase === 'refused') return row;
    return {
      ...row,
      phase: item.state,
      progress: item.state === 'stored' ? 1 : item.progress,
      package: item.package,
      pages: item.pages,
      refusal: item.refusal ? { message: item.refusal.message, language } : null,
    };
  });
}

/** Whether the page should keep asking the server: files are still being read. */
export const stillReading = (batch: Batch | null) => batch !== null && batch.state === 'submitted';

/** A whole percentage, for the text beside a bar. */
export const percent = (fraction: number) => Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
