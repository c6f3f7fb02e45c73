import path from 'node:path';

/** Everything the process reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** When set, a PostgreSQL server through a pool; otherwise embedded PGlite under dataDir/pg. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** Public base URL; decides whether cookies carry the Secure flag. */
  publicUrl: string;
  logLevel: string;
  sessionTtlHours: number;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
  defaultLocale: 'fr' | 'ar' | 'en';
  /** Staff (every role but applicant) must enrol a TOTP second factor before working. */
  staffTotpRequired: boolean;
  /** Sign-in and registration attempts allowed per client address per minute. */
  authAttemptsPerMinute: number;
  /** Trust X-Forwarded-For from this many proxy hops (client address for rate limits, audit, logs). */
  trustProxyHops: number;
  /** Load the demo country and its demo accounts (public passwords!) on start; turn off in production. */
  demo: boolean;
  /** Delivered outbox events are removed after this many days (those still owed or dead stay). */
  outboxRetentionDays: number;
  /** How long an event delivery claimed by a process stays reserved: after a crash, when it runs again. */
  eventLeaseSeconds: number;
}

export class ConfigError extends Error {}

/** An integer setting within [min, max], or `fallback` when unset; modules read their own settings with it too. */
export function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const locale = env.DEFAULT_LOCALE || 'fr';
  if (locale !== 'fr' && locale !== 'ar' && locale !== 'en') {
    throw new ConfigError(`DEFAULT_LOCALE must be fr, ar or en, got "${locale}"`);
  }
  const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 500),
    publicUrl,
    logLevel: env.LOG_LEVEL || 'info',
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    bodyLimit: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    defaultLocale: locale,
    staffTotpRequired: flag(env, 'STAFF_TOTP_REQUIRED', false),
    demo: flag(env, 'DEMO', true),
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    authAttemptsPerMinute: integer(env, 'AUTH_ATTEMPTS_PER_MINUTE', 20, 1, 100_000),
    outboxRetentionDays: integer(env, 'OUTBOX_RETENTION_DAYS', 30, 1, 3650),
    eventLeaseSeconds: integer(env, 'EVENT_LEASE_SECONDS', 300, 5, 86_400),
  };
}
