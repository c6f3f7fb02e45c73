import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { AppError } from './platform/http/errors.ts';
import type { App } from './platform/http/server.ts';

export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/**
 * Serves the built React app; any other GET outside the API returns index.html so client-side
 * routes survive a reload. Unknown API paths keep the API's 404 error shape.
 */
export async function serveWebApp(app: App): Promise<void> {
  const built = fs.existsSync(`${WEB_DIST}index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
      // Vite names assets by content hash: cache them for good; everything else revalidates.
      setHeaders: (res, filePath) => {
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (isPage && built) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    throw new AppError(404, 'route_not_found', { method: request.method, url: request.url.split('?')[0] });
  });
}
