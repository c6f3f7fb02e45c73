import { ConfigError, integer } from '../../platform/config.ts';

export interface ExchangeConfig {
  /** This instance's code, the first segment of its members' identifiers (`KD`). */
  instance: string;
  /** When set, asynchronous messages travel over NATS JetStream instead of HTTP. */
  natsUrl: string | null;
  replayWindowSeconds: number;
  /** How long a synchronous call waits for its answer. */
  timeoutMs: number;
  /** Delivery attempts of an asynchronous message before it becomes a dead letter. */
  maxAttempts: number;
  /** Retry schedule of asynchronous messages: the first retry within `retryBaseMs`, doubling up to `retryCapMs`. */
  retryBaseMs: number;
  retryCapMs: number;
  /** How long a registry snapshot is trusted by another process's changes (this process invalidates at once). */
  registryCacheMs: number;
  inboxRetentionDays: number;
  /** Over NATS: a message stored but unanswered this long after its last attempt is sent again. */
  replyTimeoutSeconds: number;
}

/**
 * EXCHANGE_INSTANCE (the demo country's code), NATS_URL, EXCHANGE_REPLAY_WINDOW_SECONDS (300),
 * EXCHANGE_TIMEOUT_MS (10000), EXCHANGE_MAX_ATTEMPTS (15: about nine hours of backoff),
 * EXCHANGE_RETRY_BASE_MS (1000), EXCHANGE_RETRY_CAP_MS (3600000),
 * EXCHANGE_REGISTRY_CACHE_MS (1000), EXCHANGE_INBOX_RETENTION_DAYS (30), EXCHANGE_REPLY_TIMEOUT_SECONDS (120).
 */
export function exchangeConfig(env: NodeJS.ProcessEnv, defaultInstance: string): ExchangeConfig {
  const instance = env.EXCHANGE_INSTANCE?.trim() || defaultInstance;
  if (!/^[A-Z]{2}$/.test(instance)) throw new ConfigError(`EXCHANGE_INSTANCE must be two capital letters (a country code), got "${instance}"`);
  const natsUrl = env.NATS_URL?.trim() || null;
  if (natsUrl && !/^(nats|tls):\/\/[^\s]+$/.test(natsUrl)) throw new ConfigError(`NATS_URL must look like nats://host:4222, got "${natsUrl}"`);
  return {
    instance,
    natsUrl,
    replayWindowSeconds: integer(env, 'EXCHANGE_REPLAY_WINDOW_SECONDS', 300, 10, 3600),
    timeoutMs: integer(env, 'EXCHANGE_TIMEOUT_MS', 10_000, 100, 120_000),
    maxAttempts: integer(env, 'EXCHANGE_MAX_ATTEMPTS', 15, 1, 100),
    retryBaseMs: integer(env, 'EXCHANGE_RETRY_BASE_MS', 1000, 10, 3_600_000),
    retryCapMs: integer(env, 'EXCHANGE_RETRY_CAP_MS', 3_600_000, 10, 86_400_000),
    registryCacheMs: integer(env, 'EXCHANGE_REGISTRY_CACHE_MS', 1000, 0, 60_000),
    inboxRetentionDays: integer(env, 'EXCHANGE_INBOX_RETENTION_DAYS', 30, 1, 3650),
    replyTimeoutSeconds: integer(env, 'EXCHANGE_REPLY_TIMEOUT_SECONDS', 120, 5, 86_400),
  };
}
