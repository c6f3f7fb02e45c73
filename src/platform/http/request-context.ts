import type { FastifyRequest } from 'fastify';
import type { ChangeContext } from '../audit/record.ts';
import type { Permission, Principal } from '../auth/policy.ts';
import type { Locale } from '../i18n/i18n.ts';
import { notAuthenticated } from './errors.ts';

/** What a route requires: nothing (`public`) or a permission from the policy table. */
export type Access = 'public' | Permission;

export interface RequestAuth {
  principal: Principal;
  /** Set for cookie sessions; API-key requests have none and need no CSRF token. */
  sessionId: string | null;
  csrfToken: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.auth) throw notAuthenticated();
  return request.auth.principal;
}

/** The audit context of a state change made by this request. */
export function changeContext(request: FastifyRequest): ChangeContext {
  const principal = request.auth?.principal;
  return {
    actor: principal
      ? { type: principal.kind, id: principal.id, label: principal.label }
      : { type: 'anonymous', id: null, label: 'anonymous' },
    requestId: request.id,
    ip: request.ip,
  };
}
