import type { Db } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { App } from '../../../platform/http/server.ts';
import type { Archive } from '../service.ts';
import { scannedIngestConfig } from './config.ts';
import { scannedIngestRoutes } from './routes.ts';
import { createScannedIngest, type ScannedIngest } from './service.ts';

/** How often every process looks for work another process queued, or a crashed one left (its lease run out). */
const LOOK_EVERY_SECONDS = 5;

export interface ScannedIngestModuleDeps {
  app: App;
  db: Db;
  // Any topics: the job below emits nothing.
  bus: Pick<EventBus, 'schedule'>;
  archive: Archive;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  country: string;
}

/**
 * Scanned records in the platform: routes, and the background reader — started with the server,
 * woken by each submission and by a job every few seconds, stopped (its OCR workers ended) on close.
 */
export function registerScannedIngest(deps: ScannedIngestModuleDeps): ScannedIngest {
  const scanned = createScannedIngest({ db: deps.db, archive: deps.archive, config: scannedIngestConfig(deps.env, deps.dataDir), country: deps.country, logger: deps.app.log });
  scannedIngestRoutes(deps.app, scanned);
  // The job only wakes the reader: the reading runs beside the bus, which must not wait minutes for OCR.
  deps.bus.schedule('archive.scanned_ingest', LOOK_EVERY_SECONDS, async () => scanned.processor.wake());
  deps.app.addHook('onReady', async () => scanned.processor.wake());
  deps.app.addHook('onClose', async () => scanned.processor.stop());
  return scanned;
}
