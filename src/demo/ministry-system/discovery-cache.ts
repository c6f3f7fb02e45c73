import { trustOf, type DiscoveryDocument, type Trust } from './trust.ts';

export interface TrustSource {
  /** Discovery as last fetched, fetched again once older than the TTL. */
  current(): Promise<Trust>;
  /** For a key id nobody knew: fetched again (a key added since), at most once per `unknownKeyRefetchMs`. */
  afterUnknownKey(): Promise<Trust>;
}

export interface DiscoveryOptions {
  guichetUrl: string;
  /** Guichet lets discovery be cached 60 s: a revocation reaches the register within that. */
  ttlMs: number;
  unknownKeyRefetchMs?: number;
  /** How long a copy is used while Guichet cannot be reached, as an X-Road security server's global configuration expires (600 s). */
  maxStaleMs?: number;
  log?: (message: string) => void;
}

/**
 * Guichet's public discovery, cached. Unknown key ids may make the register ask again, but no more
 * than every few seconds, so a stranger's made-up key ids cannot turn it into a flood of requests.
 * While Guichet is unreachable the last copy serves for `maxStaleMs`; past that, nothing is trusted.
 */
export function discoveryTrust(options: DiscoveryOptions): TrustSource {
  const url = `${options.guichetUrl.replace(/\/+$/, '')}/api/exchange/discovery`;
  const unknownKeyRefetchMs = options.unknownKeyRefetchMs ?? 5000;
  const maxStaleMs = options.maxStaleMs ?? 600_000;
  let held: { trust: Trust; fetchedAt: number } | undefined;
  let attemptedAt = -Infinity;
  let inFlight: Promise<Trust> | undefined;

  async function fetchTrust(): Promise<Trust> {
    attemptedAt = Date.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      const trust = trustOf((await response.json()) as DiscoveryDocument);
      held = { trust, fetchedAt: Date.now() };
      return trust;
    } catch (error) {
      options.log?.(`discovery not fetched from ${url}: ${String(error)}`);
      if (held && Date.now() - held.fetchedAt <= maxStaleMs) return held.trust;
      held = undefined;
      throw new Error(`Guichet's discovery is unavailable (${String(error)})`, { cause: error });
    }
  }

  const refetch = () => {
    inFlight ??= fetchTrust().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    current: () => (held && Date.now() - attemptedAt <= options.ttlMs ? Promise.resolve(held.trust) : refetch()),
    afterUnknownKey: () => (held && Date.now() - attemptedAt < unknownKeyRefetchMs ? Promise.resolve(held.trust) : refetch()),
  };
}
