import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient, demoEmail } from '../support/client.ts';

/**
 * A TCP relay between the platform and PostgreSQL that can be cut and restored, to play a database
 * outage for real. PGlite is embedded in the process and cannot go away on its own, so this test
 * needs a server (DATABASE_URL, as in CI's second pass).
 */
class CuttableLink {
  readonly target: URL;
  server: net.Server | undefined;
  sockets = new Set<net.Socket>();
  port = 0;

  constructor(target: string) {
    this.target = new URL(target);
  }

  async open(): Promise<void> {
    if (this.server?.listening) return;
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port || 5432), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  url(): string {
    const url = new URL(this.target);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }
}

describe.skipIf(!process.env.DATABASE_URL)('when the database goes away', () => {
  let link: CuttableLink;
  let platform: TestApp;
  beforeAll(async () => {
    link = new CuttableLink(process.env.DATABASE_URL!);
    await link.open();
    platform = await startTestApp({}, link.url());
  });
  afterAll(async () => {
    await link.open();
    await platform?.close();
    await link.cut();
  });

  it('answers 503 on /readyz and on requests, stays up, and recovers when it returns', async () => {
    const applicant = new ApiClient(platform.url);
    expect((await applicant.login(demoEmail('awa.ndiaye'))).status).toBe(200);

    await link.cut();
    const ready = await fetch(`${platform.url}/readyz`);
    expect(ready.status).toBe(503);
    const session = await applicant.request('GET', '/api/session');
    expect(session.status).toBe(503);
    expect(session.body.error.code).toBe('database_unavailable');
    const change = await applicant.request('PATCH', '/api/me', { locale: 'ar' });
    expect(change.status).toBe(503);
    expect((await fetch(`${platform.url}/healthz`)).status).toBe(200);

    await link.open();
    await expect.poll(async () => (await fetch(`${platform.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
    const again = await applicant.request('GET', '/api/session');
    expect(again.status).toBe(200);
    expect(again.body.user.locale).toBe('fr');
  });
});
