import { ConfigError, integer } from '../../platform/config.ts';
import type { MobileMoneySettings } from './providers/mobile-money.ts';

export interface PaymentsConfig {
  /** Null when no operator is configured: payments by mobile money are then refused (503). */
  mobileMoney:
    | (MobileMoneySettings & {
        /** A pending intent older than this is asked about (status query) on read and by the job. */
        statusAfterSeconds: number;
        /** Demo only: the simulator's phone pages, linked from each intent. */
        phonePagesUrl: string | null;
      })
    | null;
}

/**
 * MOBILE_MONEY_URL and MOBILE_MONEY_SECRET (both or neither), MOBILE_MONEY_TIMEOUT_MS (10000),
 * MOBILE_MONEY_STATUS_AFTER_SECONDS (60). `guichet start` sets the first two for the demo's simulator.
 */
export function paymentsConfig(env: NodeJS.ProcessEnv, options: { demo: boolean }): PaymentsConfig {
  const url = env.MOBILE_MONEY_URL?.trim() || null;
  const secret = env.MOBILE_MONEY_SECRET?.trim() || null;
  if (!url) return { mobileMoney: null };
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) throw new Error('protocol');
  } catch {
    throw new ConfigError(`MOBILE_MONEY_URL must be an http(s) URL, got "${url}"`);
  }
  if (!secret || secret.length < 16) throw new ConfigError('MOBILE_MONEY_SECRET must be set (16 characters or more) with MOBILE_MONEY_URL');
  return {
    mobileMoney: {
      url,
      secret,
      timeoutMs: integer(env, 'MOBILE_MONEY_TIMEOUT_MS', 10_000, 100, 120_000),
      statusAfterSeconds: integer(env, 'MOBILE_MONEY_STATUS_AFTER_SECONDS', 60, 0, 86_400),
      phonePagesUrl: options.demo ? url.replace(/\/$/, '') : null,
    },
  };
}
