import type { ChangeContext } from '../../../platform/audit/record.ts';
import type { Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { EventLogger } from '../../../platform/events/index.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { OCR_LANGUAGES } from '../scanned/index.ts';
import { retentionClasses } from '../retention/scheme.ts';
import type { Archive } from '../service.ts';
import { createBatch, listBatches, readBatch, submitBatch, type BatchInput } from './batches.ts';
import type { ScannedIngestConfig } from './config.ts';
import { createScannedProcessor } from './processor.ts';
import type { BatchState } from './schema.ts';
import { ingestScope } from './scope.ts';
import { addFile, type Upload } from './uploads.ts';
import { itemViewOf } from './views.ts';

export interface ScannedIngestDeps {
  db: Db;
  archive: Pick<Archive, 'ingest' | 'roots' | 'resumeWith'>;
  config: ScannedIngestConfig;
  /** The country's code, first part of batch references (KD-SCAN-2026-000001). */
  country: string;
  logger: EventLogger;
}

/**
 * Scanned paper records ingested by archivists (docs/archive/scanned-records.md): batches with a
 * shared description, files identified by their signature and refused whole when wrong, then read
 * by OCR and stored as packages in the background.
 */
export function createScannedIngest(deps: ScannedIngestDeps) {
  const { db, archive, config } = deps;
  const primary = archive.roots.primary;
  const processor = createScannedProcessor({ db, primary, ingest: archive.ingest, languageDir: config.languageDir, leaseSeconds: config.leaseSeconds, logger: deps.logger });

  // An `ingesting` package of a scanned record is finished by its item's processing (the item's
  // lease brings it back after a crash); the archive's resume job rolls back only those whose item
  // will never finish them (refused, or gone).
  archive.resumeWith('scanned_record', async (itemId) => {
    const item = await db.selectFrom('archive_scanned_items').select('state').where('id', '=', itemId).executeTakeFirst();
    if (!item || item.state === 'refused' || item.state === 'stored') return null;
    throw new Error(`scanned record ${itemId} is still ${item.state}: its own processing finishes the package`);
  });

  return {
    config,
    processor,
    async createBatch(principal: Principal, context: ChangeContext, input: BatchInput, locale: Locale) {
      const id = await createBatch(db, principal, context, input, deps.country);
      return readBatch(db, principal, id, locale);
    },
    async addFile(principal: Principal, context: ChangeContext, batchId: string, upload: Upload, locale: Locale) {
      const added = await addFile(db, primary, principal, context, batchId, upload);
      return { item: itemViewOf(added.item, locale), created: added.created };
    },
    async submit(principal: Principal, context: ChangeContext, batchId: string, locale: Locale) {
      await submitBatch(db, principal, context, batchId);
      processor.wake();
      return readBatch(db, principal, batchId, locale);
    },
    batch: (principal: Principal, batchId: string, locale: Locale) => readBatch(db, principal, batchId, locale),
    list: (principal: Principal, query: { state?: BatchState | undefined; limit: number; offset: number }) => listBatches(db, principal, query),
    /** What the batch form offers the archivist: the agencies whose records they may ingest, the classes, the languages. */
    async choices(principal: Principal) {
      const scope = await ingestScope(db, principal);
      let agencies = db.selectFrom('agencies').select(['code', 'names']).orderBy('code');
      // Never empty: a principal allowed archive.ingest holds an archivist grant for some agency, or a national one (null).
      if (scope) agencies = agencies.where('id', 'in', scope);
      const classes = await retentionClasses(db);
      return {
        agencies: await agencies.execute(),
        retentionClasses: [...classes.values()].map((c) => ({ code: c.code, title: c.title, periodYears: c.periodYears, action: c.action })),
        languages: [...OCR_LANGUAGES],
        uploadLimitBytes: config.uploadLimitBytes,
      };
    },
  };
}

export type ScannedIngest = ReturnType<typeof createScannedIngest>;
