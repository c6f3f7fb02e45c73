import { integer } from '../../platform/config.ts';

/** The documents module's settings, from the environment. */
export interface DocumentsConfig {
  /** Verification requests (payload or PDF) allowed per client address per minute. */
  verificationsPerMinute: number;
}

/** VERIFY_REQUESTS_PER_MINUTE (120): the public verification API is open to anyone, so it is metered. */
export function documentsConfig(env: NodeJS.ProcessEnv): DocumentsConfig {
  return { verificationsPerMinute: integer(env, 'VERIFY_REQUESTS_PER_MINUTE', 120, 1, 1_000_000) };
}
