import fs from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { systemContext } from '../../../platform/audit/record.ts';
import type { Principal } from '../../../platform/auth/policy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { translate, type Locale } from '../../../platform/i18n/i18n.ts';
import type { AccessLevel } from '../schema.ts';
import { identifyFormat, OCR_LANGUAGES, type OcrLanguage } from '../scanned/index.ts';
import type { BatchInput } from './batches.ts';
import type { ItemProgress } from './processor.ts';
import type { ScannedIngest } from './service.ts';

/**
 * The command line acts as a National Archives archivist: whoever runs it on the server holds the
 * data directory already. Audit entries name it `cli: archive ingest`.
 */
const CLI_ARCHIVIST: Principal = { kind: 'api_client', id: '00000000-0000-4000-8000-00000000a7c2', label: 'cli: archive ingest', grants: [{ role: 'archivist', agencyId: null }], companyId: null, mfaPending: false };
const CONTEXT = systemContext('cli: archive ingest');
/** How often the command looks again at items another process, or a retry, still holds. */
const WAIT_MS = 1000;

export interface ArchiveIngestArguments {
  paths: string[];
  title?: string | undefined;
  titleAr?: string | undefined;
  titleEn?: string | undefined;
  retentionClass?: string | undefined;
  access?: string | undefined;
  languages?: string | undefined;
  creator?: string | undefined;
  subject?: string | undefined;
  /** YYYY[-MM[-DD]], or a range FROM/TO. */
  date?: string | undefined;
  locale: Locale;
}

type Out = Pick<Console, 'log' | 'error'>;

/** The files named, a directory standing for the files directly in it (by name, hidden ones left out). */
async function filesOf(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const stat = await fs.stat(given);
    if (!stat.isDirectory()) {
      files.push(given);
      continue;
    }
    const entries = await fs.readdir(given, { withFileTypes: true });
    files.push(...entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => path.join(given, e.name)).sort());
  }
  return files;
}

/** The batch's description from the options; a usage problem as text. */
function batchInput(args: ArchiveIngestArguments): BatchInput | string {
  const title = { ...(args.title ? { fr: args.title } : {}), ...(args.titleAr ? { ar: args.titleAr } : {}), ...(args.titleEn ? { en: args.titleEn } : {}) };
  if (Object.keys(title).length === 0) return '--title (or --title-ar, --title-en) is required';
  if (!args.retentionClass) return '--class is required (a retention class of the classification scheme)';
  if (!args.date) return '--date is required: the records\' date, YYYY[-MM[-DD]] or FROM/TO';
  const [dateFrom = '', dateTo] = args.date.split('/');
  const languages = (args.languages ?? 'fra').split(',').map((l) => l.trim());
  if (languages.some((l) => !(OCR_LANGUAGES as readonly string[]).includes(l))) return `--languages takes ${OCR_LANGUAGES.join(', ')}, comma-separated`;
  if (args.access && !['public', 'restricted', 'confidential'].includes(args.access)) return '--access is public, restricted or confidential';
  return {
    title,
    creatorAgency: args.creator ?? 'ARCHIVES',
    subject: args.subject ?? translate(args.locale, 'archive.ingest.default_subject'),
    dateFrom,
    dateTo,
    retentionClass: args.retentionClass,
    accessLevel: args.access as AccessLevel | undefined,
    languages: [...new Set(languages)] as OcrLanguage[],
  };
}

/** A bar over the pages of the batch on a terminal; on a pipe, a line each time a file is settled. */
function progressOn(stream: NodeJS.WriteStream, label: string, totalPages: number, pagesOf: Map<string, number>) {
  const done = new Map<string, number>();
  const value = () => Math.round([...done.values()].reduce((sum, v) => sum + v, 0) * 10) / 10;
  if (!stream.isTTY) {
    return {
      update: (p: ItemProgress) => {
        if (p.outcome && p.outcome !== 'retry') stream.write(`${label}: ${p.name} ${p.outcome}\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar({ stream, format: `${label} [{bar}] {percentage}% | {file}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(totalPages, 0, { file: '' });
  return {
    update: (p: ItemProgress) => {
      done.set(p.itemId, (pagesOf.get(p.itemId) ?? 1) * (p.outcome ? 1 : p.fraction));
      bar.update(value(), { file: p.name });
    },
    stop: () => bar.stop(),
  };
}

const message = (locale: Locale, error: AppError) => translate(locale, `errors.${error.code}`, error.params);

export interface PreparedIngest {
  input: BatchInput;
  /** The files whose signature and structure passed, in the order given. */
  accepted: { name: string; bytes: Buffer }[];
  /** Files refused already, each printed with its reason. */
  refused: number;
}

const USAGE = 'usage: guichet archive ingest --title TEXT --class CLASS --date YYYY[-MM[-DD]][/YYYY…] [--access LEVEL] [--languages fra,ara,eng] [--creator AGENCY] [--subject TEXT] FILE|DIR...';

/**
 * The first half of `guichet archive ingest`, before any database is opened: the options, the files
 * read, each identified by its signature and checked whole (refusals printed with their reason). An
 * exit code when there is nothing to ingest: 2 for a usage error, 1 when every file was refused.
 */
export async function prepareArchiveIngest(args: ArchiveIngestArguments, uploadLimitBytes: number, out: Out = console): Promise<PreparedIngest | number> {
  const { locale } = args;
  const input = batchInput(args);
  if (typeof input === 'string') {
    out.error(`${input}\n${USAGE}`);
    return 2;
  }
  let files: string[];
  try {
    files = await filesOf(args.paths);
  } catch (error) {
    out.error(translate(locale, 'archive.ingest.unreadable', { file: (error as { path?: string }).path ?? '', reason: (error as Error).message }));
    return 2;
  }
  if (files.length === 0) {
    out.error(USAGE);
    return 2;
  }
  // Each file is checked before the batch exists: a run whose files are all refused leaves nothing behind.
  const accepted: PreparedIngest['accepted'] = [];
  let refused = 0;
  for (const file of files) {
    const name = path.basename(file);
    const bytes = await fs.readFile(file);
    try {
      if (bytes.length > uploadLimitBytes) throw new AppError(413, 'file_too_large', { limit: uploadLimitBytes });
      await identifyFormat(bytes, { name });
      if (accepted.some((a) => a.name === name)) throw new AppError(409, 'archive_scan_file_exists', { file: name, reference: '' });
      accepted.push({ name, bytes });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused += 1;
      out.error(translate(locale, 'archive.ingest.refused', { file: name, message: message(locale, error) }));
    }
  }
  if (accepted.length === 0) {
    out.error(translate(locale, 'archive.ingest.nothing'));
    return 1;
  }
  return { input, accepted, refused };
}

/**
 * `guichet archive ingest --title … --class … --date … [--access …] [--languages fra,ara] [--creator AGENCY]
 * [--subject …] FILE|DIR…`, once prepared: one batch of the accepted files, read by OCR with a progress
 * bar and stored as packages, in this process. Prints each package identifier or refusal; exit 0 when
 * every file was stored, 1 when one was refused.
 */
export async function archiveIngestCommand(scanned: ScannedIngest, prepared: PreparedIngest, locale: Locale, out: Out = console): Promise<number> {
  const { input, accepted, refused } = prepared;
  let batchId: string;
  const pagesOf = new Map<string, number>();
  try {
    const batch = await scanned.createBatch(CLI_ARCHIVIST, CONTEXT, input, locale);
    batchId = batch.id;
    for (const { name, bytes } of accepted) {
      const { item } = await scanned.addFile(CLI_ARCHIVIST, CONTEXT, batchId, { name, bytes }, locale);
      pagesOf.set(item.id, item.pageCount);
    }
    await scanned.submit(CLI_ARCHIVIST, CONTEXT, batchId, locale);
    out.log(translate(locale, 'archive.ingest.batch', { reference: batch.reference, files: accepted.length, refused }));
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    out.error(message(locale, error));
    return 2;
  }

  const totalPages = [...pagesOf.values()].reduce((sum, n) => sum + n, 0);
  const progress = progressOn(process.stderr, translate(locale, 'archive.ingest.progress_label'), totalPages, pagesOf);
  const unobserve = scanned.processor.observe((p) => {
    if (p.batchId === batchId) progress.update(p);
  });
  let batch = await scanned.batch(CLI_ARCHIVIST, batchId, locale);
  try {
    // Another process (PostgreSQL) may read some of the files, and a failed try waits its turn: until the batch is done.
    while (batch.state !== 'done') {
      await scanned.processor.drain();
      batch = await scanned.batch(CLI_ARCHIVIST, batchId, locale);
      if (batch.state !== 'done') await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
  } finally {
    unobserve();
    progress.stop();
  }
  for (const item of batch.items) {
    if (item.package) out.log(translate(locale, 'archive.ingest.stored', { file: item.name, package: item.package, pages: item.pages ?? 0, confidence: Math.round(item.confidence ?? 0) }));
    else out.error(translate(locale, 'archive.ingest.refused', { file: item.name, message: item.refusal?.message ?? '' }));
  }
  return refused + batch.counts.refused > 0 ? 1 : 0;
}
