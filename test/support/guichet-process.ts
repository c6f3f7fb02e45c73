import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { childProcessSchema } from './db.ts';

const CLI = path.resolve(import.meta.dirname, '../../src/cli.ts');

/** Below Linux's ephemeral range (32768–60999), where the kernel never hands out a port 0 bind. */
const STABLE_PORTS = { from: 20_000, to: 32_000 };

const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A port for a process that keeps it across restarts. Taken below the ephemeral range: while the
 * process is down, any other test binding port 0 could otherwise be given the same one.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = STABLE_PORTS.from + Math.floor(Math.random() * (STABLE_PORTS.to - STABLE_PORTS.from));
    if (await bindable(port)) return port;
  }
}

export interface GuichetProcess {
  url: string;
  output(): string;
  /** SIGTERM, then the exit code; the data directory is removed. */
  stop(): Promise<number | null>;
}

/**
 * One Guichet instance that outlives its processes: a port, a DATA_DIR (PGlite's database, the
 * server key) and, when DATABASE_URL is set, a schema of this run — kept from one process to the
 * next, so a test can stop it, kill it, and start it again on the same data.
 */
export interface GuichetInstance {
  url: string;
  dataDir: string;
  /** The PostgreSQL schema and the URL selecting it; undefined on PGlite. */
  server: { schema: string; databaseUrl: string } | undefined;
  /** Starts `guichet start` with `env` added to the instance's own (by default, what the last start added) and resolves once it is running. */
  start(env?: Record<string, string>): Promise<void>;
  /** SIGTERM (a clean shutdown) or SIGKILL (a crash); resolves once it is gone with its exit code, or the signal that ended it (null if it was not running). Keeps the data. */
  halt(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | NodeJS.Signals | null>;
  running(): boolean;
  /** Everything the current (or last) process printed. */
  output(): string;
  /** Runs another `guichet` command (`exchange verify-log`…) on this instance's database; PGlite's needs the instance halted. */
  command(args: readonly string[]): Promise<{ code: number | null; output: string }>;
  /** Opens the instance's database in this process (PGlite's needs the instance halted). */
  openDatabase(): Promise<DatabaseHandle>;
  /** Halts it and removes its data directory. */
  destroy(): Promise<void>;
}

/** The exit code, or the signal that ended the process. */
const exited = (child: ChildProcess): Promise<number | NodeJS.Signals | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode ?? child.signalCode)
    : new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

/**
 * A Guichet instance on its own port and database: PGlite in a fresh DATA_DIR, or a fresh schema of
 * this run on the PostgreSQL server when DATABASE_URL is set. `env` adds settings (EXCHANGE_INSTANCE…)
 * to every process it starts. Nothing runs until `start()`.
 */
export async function guichetInstance(env: Record<string, string> = {}): Promise<GuichetInstance> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-process-'));
  const url = `http://127.0.0.1:${await freePort()}`;
  const server = await childProcessSchema();
  const processEnv = (extra: Record<string, string>) => ({
    ...process.env,
    DATA_DIR: dataDir,
    PORT: new URL(url).port,
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    DATABASE_URL: server?.databaseUrl ?? '',
    SIMULATOR_PORT: '0',
    MOBILE_MONEY_URL: '',
    // The demo's ministry register (instance KD) on any free port: several KD instances, or one restarted while its last register is still leaving, would fight over 3200.
    MINISTRY_PORT: '0',
    ...env,
    ...extra,
  });
  let child: ChildProcess | undefined;
  let output = '';
  let added: Record<string, string> = {};

  const halt = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const running = child;
    if (!running) return null;
    const code = exited(running);
    running.kill(signal);
    const result = await code;
    child = undefined;
    return result;
  };

  return {
    url,
    dataDir,
    server,
    async start(extra = added) {
      if (child) throw new Error(`${url} is already running`);
      added = extra;
      output = '';
      const started = spawn(process.execPath, [CLI, 'start'], { env: processEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      started.stdout!.on('data', (chunk) => (output += chunk));
      started.stderr!.on('data', (chunk) => (output += chunk));
      const deadline = Date.now() + 90_000;
      while (!output.includes('Guichet is running')) {
        if (started.exitCode !== null || started.signalCode !== null || Date.now() > deadline) {
          await halt('SIGKILL');
          throw new Error(`guichet start failed:\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    halt,
    running: () => child !== undefined,
    output: () => output,
    async command(args) {
      const run = spawn(process.execPath, [CLI, ...args], { env: processEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      run.stdout!.on('data', (chunk) => (text += chunk));
      run.stderr!.on('data', (chunk) => (text += chunk));
      const code = await exited(run);
      return { code: typeof code === 'number' ? code : null, output: text };
    },
    openDatabase() {
      return server ? openDatabase({ databaseUrl: process.env.DATABASE_URL, schema: server.schema, poolSize: 2 }) : openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
    },
    async destroy() {
      await halt();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A `guichet start` of its own instance (see guichetInstance), running; `stop()` ends it and removes its data. */
export async function startGuichet(env: Record<string, string> = {}): Promise<GuichetProcess> {
  const instance = await guichetInstance(env);
  await instance.start();
  return {
    url: instance.url,
    output: instance.output,
    async stop() {
      const code = await instance.halt();
      await instance.destroy();
      return typeof code === 'number' ? code : null;
    },
  };
}
