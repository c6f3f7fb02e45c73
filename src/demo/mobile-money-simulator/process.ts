import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../platform/config.ts';
import { forkDemoProcess } from '../demo-process.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export interface SimulatorProcess {
  url: string;
  /** What the platform needs to talk to it: MOBILE_MONEY_URL and MOBILE_MONEY_SECRET. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** SIMULATOR_PORT (3100; 0 for any free port). */
export function simulatorPort(env: NodeJS.ProcessEnv): number {
  const raw = env.SIMULATOR_PORT;
  if (raw === undefined || raw === '') return 3100;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`SIMULATOR_PORT must be an integer between 0 and 65535, got "${raw}"`);
  return port;
}

/**
 * Runs the demo's mobile-money operator as a process of its own, as a real operator would be:
 * the platform reaches it only over HTTP. Resolves once it listens; rejects with its reason
 * (a port in use, say). It ends with the parent, even a parent killed without notice.
 */
export async function startSimulatorProcess(options: { port: number; callbackUrl: string; secret?: string }): Promise<SimulatorProcess> {
  const secret = options.secret || randomBytes(24).toString('base64url');
  const { ready, stop } = await forkDemoProcess<{ listening: string }>(
    MAIN,
    { SIMULATOR_PORT: String(options.port), MOBILE_MONEY_SECRET: secret, MOBILE_MONEY_CALLBACK_URL: options.callbackUrl },
    'simulator',
  );
  return { url: ready.listening, env: { MOBILE_MONEY_URL: ready.listening, MOBILE_MONEY_SECRET: secret }, stop };
}
