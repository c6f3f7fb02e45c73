import { parseArgs } from 'node:util';
import { ConfigError, integer } from '../../platform/config.ts';
import { DEFAULT_REPLAY_WINDOW_SECONDS } from '../../modules/exchange/signing.ts';
import { failedToStart, serveUntilParentLeaves } from '../demo-process.ts';
import { verifyMessageLogFile } from './message-log-file.ts';
import { startMinistrySystem } from './server.ts';

/**
 * The Ministry of Agriculture's certificate register as its own process, as `guichet start` runs it
 * beside the demo platform. Environment: GUICHET_URL, MINISTRY_DATA_DIR, MINISTRY_KEY_FILE,
 * MINISTRY_PORT (3200; 0 for any free port), MINISTRY_HOST (127.0.0.1), MINISTRY_PUBLIC_URL,
 * MINISTRY_DISCOVERY_TTL_MS (60000), EXCHANGE_REPLAY_WINDOW_SECONDS (300). It reports its address
 * and public key to the parent over IPC and ends when the parent goes away.
 * `--verify-log` recomputes its message log's chain instead: exit 0 intact, 1 naming the first break.
 */

const NAME = 'ministry system';

function verifyLog(dataDir: string): number {
  const verdict = verifyMessageLogFile(dataDir);
  if (verdict.ok) {
    console.log(`ministry message log intact: ${verdict.checked} entries, head #${verdict.lastSeq} ${verdict.lastHash}`);
    return 0;
  }
  console.error(`MINISTRY MESSAGE LOG BROKEN: ${verdict.problem?.message} (${verdict.checked} entries verified before it)`);
  return 1;
}

async function serve(env: NodeJS.ProcessEnv, dataDir: string): Promise<void> {
  const guichetUrl = env.GUICHET_URL;
  const keyFile = env.MINISTRY_KEY_FILE;
  if (!guichetUrl || !keyFile) throw new ConfigError('the ministry system needs GUICHET_URL and MINISTRY_KEY_FILE');
  const system = await startMinistrySystem({
    guichetUrl,
    dataDir,
    keyFile,
    port: integer(env, 'MINISTRY_PORT', 3200, 0, 65535),
    host: env.MINISTRY_HOST || '127.0.0.1',
    publicUrl: env.MINISTRY_PUBLIC_URL || undefined,
    // Guichet allows discovery to be cached 60 s, no longer.
    discoveryTtlMs: integer(env, 'MINISTRY_DISCOVERY_TTL_MS', 60_000, 0, 60_000),
    replayWindowSeconds: integer(env, 'EXCHANGE_REPLAY_WINDOW_SECONDS', DEFAULT_REPLAY_WINDOW_SECONDS, 1, 3600),
    log: (message) => console.error(`[${NAME}] ${message}`),
  });
  serveUntilParentLeaves(system, { listening: system.url, publicJwk: system.publicJwk }, NAME);
}

const { values } = parseArgs({ options: { 'verify-log': { type: 'boolean' } } });
const dataDir = process.env.MINISTRY_DATA_DIR;
if (!dataDir) {
  console.error('the ministry system needs MINISTRY_DATA_DIR');
  process.exit(2);
}
if (values['verify-log']) process.exit(verifyLog(dataDir));
try {
  await serve(process.env, dataDir);
} catch (error) {
  failedToStart(NAME, error);
}
