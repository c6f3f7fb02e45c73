import path from 'node:path';
import { integer } from '../../../platform/config.ts';

export interface ScannedIngestConfig {
  /** Largest file one upload may carry: it is held in memory while its signature and structure are checked. */
  uploadLimitBytes: number;
  /** How long a process holds an item it is reading; renewed while it works, so a crashed process's items are taken up once it runs out. */
  leaseSeconds: number;
  /** Where tesseract's language data is linked (DATA_DIR/ocr). */
  languageDir: string;
}

/** ARCHIVE_SCAN_UPLOAD_LIMIT_BYTES (100 MiB), ARCHIVE_SCAN_LEASE_SECONDS (120). */
export function scannedIngestConfig(env: NodeJS.ProcessEnv, dataDir: string): ScannedIngestConfig {
  return {
    uploadLimitBytes: integer(env, 'ARCHIVE_SCAN_UPLOAD_LIMIT_BYTES', 100 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    leaseSeconds: integer(env, 'ARCHIVE_SCAN_LEASE_SECONDS', 120, 2, 3600),
    languageDir: path.join(dataDir, 'ocr'),
  };
}
