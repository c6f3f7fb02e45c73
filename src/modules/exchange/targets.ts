import { parseIdentifier } from './identifiers.ts';

/**
 * Where a service answers: `/exchange/{provider}/{service}/{version}`, e.g.
 * `/exchange/KD/GOV/COMMERCE/licences/check-licence/v1`. The provider has three or four segments,
 * so the last two are always the service and its version.
 */
export const EXCHANGE_PREFIX = '/exchange/';

export interface ServiceTarget {
  provider: string;
  service: string;
  version: string;
}

/** How the log and the inbox name a service: `KD/GOV/COMMERCE/licences/check-licence/v1`. */
export const serviceName = (target: ServiceTarget) => `${target.provider}/${target.service}/${target.version}`;

export const servicePath = (target: ServiceTarget) => EXCHANGE_PREFIX + serviceName(target);

export function serviceUrl(endpoint: string, target: ServiceTarget): string {
  return endpoint.replace(/\/+$/, '') + servicePath(target);
}

const SEGMENT = /^[A-Za-z0-9_.-]{1,64}$/;

/** The target named by a path (query ignored), or null when the path names none. */
export function parseServicePath(path: string): ServiceTarget | null {
  const pathname = path.split('?')[0]!;
  if (!pathname.startsWith(EXCHANGE_PREFIX)) return null;
  const segments = pathname.slice(EXCHANGE_PREFIX.length).split('/');
  if (segments.length < 5 || segments.length > 6 || !segments.every((s) => SEGMENT.test(s))) return null;
  const version = segments.pop()!;
  const service = segments.pop()!;
  const provider = segments.join('/');
  return parseIdentifier(provider).ok ? { provider, service, version } : null;
}
