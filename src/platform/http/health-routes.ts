import { Type } from 'typebox';
import type { App } from './server.ts';

const PING_TIMEOUT_MS = 2000;

/** Liveness (the process answers) and readiness (the database answers too). */
export function healthRoutes(app: App, ping: () => Promise<void>): void {
  const Status = Type.Object({ status: Type.String() });
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['operations'], response: { 200: Status, 503: Status } } }, async (_request, reply) => {
    try {
      await Promise.race([
        ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database ping timed out')), PING_TIMEOUT_MS).unref()),
      ]);
      return { status: 'ready' };
    } catch {
      return reply.status(503).header('retry-after', '5').send({ status: 'database unavailable' });
    }
  });
}
