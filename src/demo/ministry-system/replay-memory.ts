import type { InboxRow } from '../../modules/exchange/inbox.ts';
import type { LogEntry } from '../../modules/exchange/log-chain.ts';

/** What is kept of an accepted request: what tells a retry from a replay (see Guichet's inbox.ts). */
export type SeenRequest = Pick<InboxRow, 'client' | 'signature' | 'body_digest' | 'response_status' | 'response_body'>;

export interface ReplayMemory {
  /** The earlier accepted request with this message id, while it could still be replayed. */
  earlier(messageId: string, nowSeconds: number): SeenRequest | undefined;
  /** Remembers an accepted request until `until` (Unix seconds): past it, its timestamp alone refuses it. */
  remember(messageId: string, seen: SeenRequest, until: number): void;
}

/**
 * The message ids accepted within the replay window, as Guichet's inbox keeps them, but in memory:
 * a message signed at `created` is refused as expired once `created + window` is past, so it need
 * be remembered no longer. Entries are dropped oldest first as time passes.
 */
export function replayMemory(): ReplayMemory {
  const seen = new Map<string, { request: SeenRequest; until: number }>();
  const forget = (nowSeconds: number) => {
    for (const [id, entry] of seen) {
      if (entry.until >= nowSeconds) break;
      seen.delete(id);
    }
  };
  return {
    earlier(messageId, nowSeconds) {
      forget(nowSeconds);
      const entry = seen.get(messageId);
      return entry && entry.until >= nowSeconds ? entry.request : undefined;
    },
    remember(messageId, request, until) {
      seen.set(messageId, { request, until });
    },
  };
}

/**
 * After a restart: the requests the log shows accepted that could still come back. The log keeps
 * when a request arrived, not when it was signed (up to one window either side), so each is kept
 * two windows from its arrival; its answer was not kept.
 */
export function rememberLoggedRequests(memory: ReplayMemory, entries: readonly LogEntry[], windowSeconds: number, now = new Date()): void {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  for (const entry of entries) {
    const until = Math.floor(Date.parse(entry.loggedAt) / 1000) + 2 * windowSeconds;
    if (entry.direction !== 'in' || entry.status !== 'accepted' || until < nowSeconds) continue;
    memory.remember(entry.messageId, { client: entry.peer, signature: entry.signature, body_digest: entry.bodyDigest, response_status: 200, response_body: null }, until);
  }
}
