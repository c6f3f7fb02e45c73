import type { App } from '../../platform/http/server.ts';
import type { RequestDescription, ResponseDescription } from './signing-base.ts';

/**
 * The HTTP face of the exchange: `POST /exchange/{provider}/{service}/{version}`. The body is kept
 * as the bytes sent (the signature covers their digest) and everything else is the receiver's job.
 * Not under /api: members authenticate by signature, not by session.
 */
export function exchangeEndpointRoutes(app: App, receive: (request: RequestDescription) => Promise<ResponseDescription>, bodyLimit: number): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
    // Browser security headers (helmet) mean nothing to a member's system, and cost on every message.
    scope.post('/exchange/*', { config: { access: 'public' }, helmet: false, schema: { hide: true } }, async (request, reply) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
      const response = await receive({
        method: request.method,
        targetUri: `${request.protocol}://${request.host}${request.url}`,
        headers,
        body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      });
      return reply.status(response.status).headers(response.headers).send(response.body);
    });
  });
}
