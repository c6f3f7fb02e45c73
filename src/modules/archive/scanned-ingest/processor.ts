/**
 * Reads and stores the files of submitted batches in the background, one at a time per process
 * (OCR is CPU-bound): claim an item, read its pages (progress written in tenths), keep the reading,
 * ingest the package, index its pages for search, settle the item. Any step may be cut short by a
 * crash: the item's lease runs out, the next try carries on from what was kept (the reading, the
 * package reserved or stored), and nothing half-done is ever listed (packages `ingesting` are not).
 */
import { systemContext, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { EventLogger } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { IngestOutcome } from '../ingest.ts';
import type { PackageSource } from '../package.ts';
import { createTextRecogniser, type OcrProgress, type TextRecogniser } from '../scanned/index.ts';
import { indexPages } from '../search/text.ts';
import { ContentMissing, type ArchiveStore } from '../store.ts';
import { claimNextItem, releaseItem, renewLease, saveProgress, saveRecognised, settleItem, type ClaimedItem } from './claims.ts';
import { SEARCH_LANGUAGE_OF } from './description.ts';
import { throttledProgress } from './progress.ts';
import { scannedRecordPackage, scanPath, type ScannedRecord } from './record-package.ts';
import type { RecognisedPageRow } from './schema.ts';
import { releaseStaged, stagedBytes } from './staging.ts';

/** The audit and PREMIS agent of the background work. */
export const SCANNED_INGEST: ChangeContext = systemContext('archive: scanned records');
/** Tries of one item before it is refused: a file that kills its reader every time must not loop for ever. */
export const MAX_ATTEMPTS = 3;
/** Wait before a failed try (database, storage unavailable) is tried again. */
const RETRY_AFTER_SECONDS = 30;
/** How long a stopping process lets the item in hand finish before handing it over. */
const STOP_GRACE_MS = 5000;

export interface ProcessorDeps {
  db: Db;
  primary: ArchiveStore;
  ingest(source: PackageSource, context: ChangeContext): Promise<IngestOutcome>;
  languageDir: string;
  leaseSeconds: number;
  logger: EventLogger;
}

/** What the command line's progress bar follows. */
export interface ItemProgress {
  itemId: string;
  batchId: string;
  name: string;
  fraction: number;
  /** Set when the item is settled. */
  outcome?: 'stored' | 'refused' | 'retry';
}

type Outcome = { state: 'stored'; package: string } | { state: 'refused'; code: string; params: Record<string, unknown>; detail: string | null };

/** A refusal of the file itself (unreadable page, damaged PDF): trying again would refuse it again. */
function refusalOf(error: unknown, item: ClaimedItem): Outcome | undefined {
  if (error instanceof AppError && error.status === 422) {
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    return { state: 'refused', code: error.code, params: { file: item.name, ...error.params }, detail: typeof reason === 'string' ? reason : null };
  }
  if (error instanceof ContentMissing) return { state: 'refused', code: 'archive_scan_content_missing', params: { file: item.name }, detail: error.message };
  return undefined;
}

/** The batch's description and agencies, as the package needs them. */
async function recordOf(db: Db, item: ClaimedItem): Promise<Omit<ScannedRecord, 'pages'>> {
  const batch = await db
    .selectFrom('archive_scanned_batches as b')
    .innerJoin('agencies as a', 'a.id', 'b.agency_id')
    .innerJoin('agencies as c', 'c.id', 'b.creator_agency_id')
    .select(['b.reference', 'b.title', 'b.subject', 'b.date_from', 'b.date_to', 'b.retention_class', 'b.access_level', 'b.created_by', 'a.code as agency', 'c.code as creator', 'c.names as creator_names'])
    .where('b.id', '=', item.batch_id)
    .executeTakeFirstOrThrow();
  return {
    batch: {
      reference: batch.reference,
      title: batch.title,
      subject: batch.subject,
      dateFrom: batch.date_from,
      dateTo: batch.date_to,
      retentionClass: batch.retention_class,
      accessLevel: batch.access_level,
      creator: { code: batch.creator, names: batch.creator_names },
      ingestedBy: { agency: batch.agency, archivist: batch.created_by },
    },
    item: { id: item.id, position: item.position, name: item.name, size: Number(item.size), sha256: item.sha256, mediaType: item.media_type, puid: item.puid, languages: item.languages },
  };
}

/** The stored package's ids and its scan's file id; throws while the package is not stored. */
async function storedScan(db: Db, identifier: string, path: string): Promise<{ packageId: string; fileId: string }> {
  const row = await db
    .selectFrom('archive_packages as p')
    .innerJoin('archive_files as f', 'f.package_id', 'p.id')
    .select(['p.id as packageId', 'f.id as fileId'])
    .where('p.identifier', '=', identifier)
    .where('p.state', '=', 'stored')
    .where('f.path', '=', path)
    .executeTakeFirst();
  if (!row) throw new Error(`package ${identifier} is not stored (rolled back meanwhile?)`);
  return row;
}

const storedPackageOf = (db: Db, itemId: string) =>
  db.selectFrom('archive_packages').select('identifier').where('source_type', '=', 'scanned_record').where('source_id', '=', itemId).where('state', '=', 'stored').executeTakeFirst();

export function createScannedProcessor(deps: ProcessorDeps) {
  const { db, primary, logger, leaseSeconds } = deps;
  let recogniser: TextRecogniser | undefined;
  const listeners = new Set<(progress: ItemProgress) => void>();
  const tell = (progress: ItemProgress) => listeners.forEach((listener) => listener(progress));
  let running: Promise<void> | undefined;
  let again = false;
  let stopping = false;
  let inHand: ClaimedItem | undefined;

  async function read(item: ClaimedItem): Promise<RecognisedPageRow[]> {
    const bytes = await stagedBytes(primary, item.sha256);
    const progress = throttledProgress(
      (value) => saveProgress(db, item.id, value),
      (error) => logger.warn({ err: error, item: item.id }, 'could not record OCR progress'),
    );
    recogniser ??= createTextRecogniser({ languageDir: deps.languageDir });
    const { pages } = await recogniser.recogniseText({ bytes, mediaType: item.media_type, name: item.name }, item.languages, (p: OcrProgress) => {
      progress.report(p.fraction);
      tell({ itemId: item.id, batchId: item.batch_id, name: item.name, fraction: p.fraction });
    });
    await progress.flush();
    // PostgreSQL text and jsonb hold no NUL character, which nothing forbids an OCR engine to emit.
    const kept = pages.map((p) => ({ number: p.number, text: p.text.replaceAll('\u0000', ''), confidence: p.confidence }));
    await saveRecognised(db, item.id, kept);
    return kept;
  }

  /** Reads (unless an earlier try did), ingests, indexes: the package's identifier. */
  async function store(item: ClaimedItem): Promise<string> {
    const pages = item.recognised ?? (await read(item));
    const record = await recordOf(db, item);
    const outcome = await deps.ingest(scannedRecordPackage({ ...record, pages }, async () => primary.get(item.sha256)), SCANNED_INGEST);
    const scan = await storedScan(db, outcome.identifier, scanPath(item.name, item.media_type));
    // Indexed in each OCR language's search configuration, so its stemming finds the words.
    for (const language of new Set(item.languages.map((l) => SEARCH_LANGUAGE_OF[l]))) {
      await indexPages(db, scan.packageId, scan.fileId, pages, language, SCANNED_INGEST);
    }
    return outcome.identifier;
  }

  async function settle(item: ClaimedItem, outcome: Outcome): Promise<void> {
    await settleItem(db, SCANNED_INGEST, item, outcome);
    if (outcome.state === 'refused') await releaseStaged(db, primary, item.sha256);
    tell({ itemId: item.id, batchId: item.batch_id, name: item.name, fraction: outcome.state === 'stored' ? 1 : item.progress, outcome: outcome.state });
  }

  async function processItem(item: ClaimedItem): Promise<void> {
    const heartbeat = setInterval(() => void renewLease(db, item.id, leaseSeconds).catch(() => undefined), (leaseSeconds * 1000) / 3);
    heartbeat.unref();
    try {
      if (item.attempts > MAX_ATTEMPTS && !(await storedPackageOf(db, item.id))) {
        await settle(item, { state: 'refused', code: 'archive_scan_failed', params: { file: item.name, attempts: MAX_ATTEMPTS }, detail: `gave up after ${MAX_ATTEMPTS} tries` });
        return;
      }
      let identifier: string;
      try {
        identifier = await store(item);
      } catch (error) {
        // Refused only while no package holds it: once stored, a failure (indexing) is tried again.
        const refusal = refusalOf(error, item);
        if (refusal && !(await storedPackageOf(db, item.id))) {
          await settle(item, refusal);
          return;
        }
        throw error;
      }
      await settle(item, { state: 'stored', package: identifier });
    } catch (error) {
      logger.warn({ err: error, item: item.id, attempt: item.attempts }, 'a scanned record could not be stored; it is tried again');
      await releaseItem(db, item.id, RETRY_AFTER_SECONDS).catch(() => undefined);
      tell({ itemId: item.id, batchId: item.batch_id, name: item.name, fraction: item.progress, outcome: 'retry' });
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      while (!stopping) {
        const item = await claimNextItem(db, leaseSeconds).catch((error: unknown) => {
          logger.error({ err: error }, 'could not claim a scanned record to read');
          return undefined;
        });
        if (!item) break;
        inHand = item;
        await processItem(item);
        inHand = undefined;
      }
    } while (again && !stopping);
  }

  /** Starts working through what is waiting, unless already doing so (then it looks again once done). */
  function wake(): void {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = undefined;
    });
  }

  return {
    wake,
    /** Works until nothing is left to claim (the command line, tests). */
    async drain(): Promise<void> {
      wake();
      while (running) await running;
    },
    /** Follows every item's progress and outcome; returns the unsubscription. */
    observe(listener: (progress: ItemProgress) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /**
     * Stops taking items; the one in hand gets a few seconds to finish, else its lease is ended so
     * the next process to start takes it up at once. Then the OCR workers end.
     */
    async stop(): Promise<void> {
      stopping = true;
      if (running) {
        const finished = await Promise.race([running.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, STOP_GRACE_MS, false).unref())]);
        if (!finished && inHand) await releaseItem(db, inHand.id, 0).catch(() => undefined);
      }
      await recogniser?.close();
      recogniser = undefined;
    },
  };
}

export type ScannedProcessor = ReturnType<typeof createScannedProcessor>;
