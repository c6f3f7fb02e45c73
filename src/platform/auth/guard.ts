import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { AppError, notAuthenticated } from '../http/errors.ts';
import type { RequestAuth } from '../http/request-context.ts';
import { assertAllowed } from './policy.ts';
import { principalFromApiKey, principalFromSession } from './principal.ts';
import { sameSecret } from './tokens.ts';

export const SESSION_COOKIE = 'guichet_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function authenticate(db: Db, request: FastifyRequest, staffTotpRequired: boolean): Promise<RequestAuth | null> {
  const header = request.headers.authorization;
  const apiKey = header?.startsWith('Bearer ') ? header.slice(7).trim() : request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey !== '') {
    const principal = await principalFromApiKey(db, apiKey);
    if (!principal) throw new AppError(401, 'api_key_invalid');
    return { principal, sessionId: null, csrfToken: null };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const found = await principalFromSession(db, token, staffTotpRequired);
  return found ? { principal: found.principal, sessionId: found.sessionId, csrfToken: found.csrfToken } : null;
}

/**
 * The single gate every API route passes: who is calling, whether a cookie-borne change carries the
 * session's CSRF token (synchronizer-token pattern), and whether the route's declared permission is
 * held. A route under /api that declares no access rule cannot even be registered.
 */
export function installAccessGuard(app: FastifyInstance, db: Db, options: { staffTotpRequired: boolean }): void {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
  });
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    // Public routes act on no one's behalf: no session lookup on their path.
    if (!access || access === 'public') return;
    request.auth = await authenticate(db, request, options.staffTotpRequired);
    if (!request.auth) throw notAuthenticated();
    if (request.auth.sessionId && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.auth.csrfToken || !sameSecret(sent, request.auth.csrfToken)) {
        throw new AppError(403, 'csrf_invalid');
      }
    }
    assertAllowed(request.auth.principal, access);
  });
}
