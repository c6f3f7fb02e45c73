import { cryptoRandom, DEMO_SELECTIVITY_SETTINGS, type RandomSource, type SelectivitySettings } from './risk/index.ts';

export interface CustomsConfig {
  settings: SelectivitySettings;
  random: RandomSource;
  /** How often declarations waiting for an issuer's answer are asked about again. */
  documentRetrySeconds: number;
}

/** mulberry32: a small seeded generator, so a demo or a test run draws the same channels every time. */
function seeded(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * CUSTOMS_RED_THRESHOLD, CUSTOMS_YELLOW_THRESHOLD, CUSTOMS_BLUE_SHARE tune selectivity;
 * CUSTOMS_RANDOM_SEED replaces the unpredictable draw by a reproducible one — for tests and
 * demonstrations only, since a predictable draw can be gamed. CUSTOMS_DOCUMENT_RETRY_SECONDS (30)
 * is how often documents an issuer has not confirmed yet are asked about again.
 */
export function customsConfig(env: NodeJS.ProcessEnv): CustomsConfig {
  const number = (name: string, fallback: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > max) throw new Error(`${name} must be a number from 0 to ${max}`);
    return value;
  };
  const settings: SelectivitySettings = {
    thresholds: { yellow: number('CUSTOMS_YELLOW_THRESHOLD', DEMO_SELECTIVITY_SETTINGS.thresholds.yellow, 1000), red: number('CUSTOMS_RED_THRESHOLD', DEMO_SELECTIVITY_SETTINGS.thresholds.red, 1000) },
    blueShareOfGreen: number('CUSTOMS_BLUE_SHARE', DEMO_SELECTIVITY_SETTINGS.blueShareOfGreen, 1),
  };
  if (settings.thresholds.yellow > settings.thresholds.red) throw new Error('CUSTOMS_YELLOW_THRESHOLD must not be above CUSTOMS_RED_THRESHOLD');
  const seed = env.CUSTOMS_RANDOM_SEED;
  if (seed !== undefined && !/^[0-9]{1,10}$/.test(seed)) throw new Error('CUSTOMS_RANDOM_SEED must be a whole number');
  return { settings, random: seed === undefined ? cryptoRandom : seeded(Number(seed)), documentRetrySeconds: number('CUSTOMS_DOCUMENT_RETRY_SECONDS', 30, 86_400) || 30 };
}
