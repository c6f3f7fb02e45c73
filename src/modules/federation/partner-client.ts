import { AppError } from '../../platform/http/errors.ts';

/** How long a partner instance may take to answer for its anchor or its configuration. */
const PARTNER_TIMEOUT_MS = 10_000;
/** A configuration lists members, keys and service schemas: generous, but bounded. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * GETs a JSON document a partner instance publishes (`/api/federation/anchor`, `…/configuration`).
 * Nothing it answers is trusted here: the anchor is compared with the kid agreed out of band and
 * the configuration verified with the anchor, by the callers.
 */
export async function fetchFromPartner(baseUrl: string, path: string): Promise<unknown> {
  const url = baseUrl.replace(/\/+$/, '') + path;
  const unreachable = (reason: string) => new AppError(502, 'partner_unreachable', { baseUrl, reason });
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(PARTNER_TIMEOUT_MS) });
  } catch (error) {
    throw unreachable(error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
  }
  if (!response.ok) throw unreachable(`${path} answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_BYTES) throw unreachable(`${path} answered more than ${MAX_BYTES} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unreachable(`${path} did not answer JSON`);
  }
}
