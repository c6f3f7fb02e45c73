import { fork } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The demo's outside systems (the mobile-money operator, a ministry's register) run as processes of
 * their own, as the real ones would: `guichet start` forks them, they say over IPC where they
 * listen (or why they could not), and they end with the parent, even one killed without notice.
 */

export interface DemoProcess<M> {
  /** What the child reported once listening. */
  ready: M;
  stop(): Promise<void>;
}

/** Forks `main` with `env` added; resolves with its report once it listens, rejects with its reason. */
export function forkDemoProcess<M extends { listening: string }>(main: string, env: Record<string, string>, name: string): Promise<DemoProcess<M>> {
  const child = fork(main, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${name} exited with code ${code}`)));
    child.once('message', (message: Partial<M> & { failed?: string }) => {
      if (!message.listening) return reject(new Error(message.failed ?? `the ${name} did not start`));
      resolve({
        ready: message as M,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** In the child, once listening: report to the parent (or print, when run by hand) and close on a signal or when the parent goes. */
export function serveUntilParentLeaves<R extends { listening: string }>(system: { close(): Promise<void> }, report: R, name: string): void {
  const stop = () => {
    system.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
  if (process.send) process.send(report);
  else console.log(`${name} listening at ${report.listening}`);
}

/** In the child, when it cannot start: the reason to the parent (or the console), then exit 1. */
export function failedToStart(name: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  if (process.send) process.send({ failed: reason });
  else console.error(`${name} could not start: ${reason}`);
  process.exit(1);
}

/** Starts `server` listening (port 0: any free one) and returns its base URL. */
export async function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { address, port: bound } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${bound}`;
}

/** Closes `server`, dropping kept-alive connections rather than waiting for them. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
