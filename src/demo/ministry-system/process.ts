import { fileURLToPath } from 'node:url';
import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import { forkDemoProcess } from '../demo-process.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export interface MinistryProcess {
  url: string;
  /** The register's public key, for Guichet's registry (its private key never leaves the process). */
  publicJwk: OkpPublicJwk;
  stop(): Promise<void>;
}

export interface MinistryProcessOptions {
  /** Where Guichet answers (its discovery). */
  guichetUrl: string;
  dataDir: string;
  keyFile: string;
  /** MINISTRY_PORT: 3200 by default, 0 for any free port. */
  port: number;
  /** More settings (MINISTRY_DISCOVERY_TTL_MS…), passed as its environment. */
  env?: Record<string, string>;
}

/**
 * Runs the Ministry of Agriculture's certificate register as a process of its own, as a ministry's
 * system would be: Guichet reaches it only over HTTP, and it knows Guichet only by its public
 * discovery. Resolves once it listens, with its address and public key.
 */
export async function startMinistryProcess(options: MinistryProcessOptions): Promise<MinistryProcess> {
  const { ready, stop } = await forkDemoProcess<{ listening: string; publicJwk: OkpPublicJwk }>(
    MAIN,
    { ...options.env, GUICHET_URL: options.guichetUrl, MINISTRY_DATA_DIR: options.dataDir, MINISTRY_KEY_FILE: options.keyFile, MINISTRY_PORT: String(options.port) },
    'ministry system',
  );
  return { url: ready.listening, publicJwk: ready.publicJwk, stop };
}
