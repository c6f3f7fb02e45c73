import { ConfigError } from '../../platform/config.ts';

/** The documents module's settings, from the environment. */
export interface DocumentsConfig {
  /** Verification requests (payload or PDF) allowed per client address per minute. */
  verificationsPerMinute: number;
}

/** VERIFY_REQUESTS_PER_MINUTE (120): the public verification API is open to anyone, so it is metered. */
export function documentsConfig(env: NodeJS.ProcessEnv): DocumentsConfig {
  const raw = env.VERIFY_REQUESTS_PER_MINUTE;
  if (raw === undefined || raw === '') return { verificationsPerMinute: 120 };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000) throw new ConfigError(`VERIFY_REQUESTS_PER_MINUTE must be an integer between 1 and 1000000, got "${raw}"`);
  return { verificationsPerMinute: value };
}
