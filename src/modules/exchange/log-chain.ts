import { canonicalJson, ChainVerifier, GENESIS_HASH, linkHash, sha256Hex } from '../../platform/audit/chain.ts';

/**
 * The exchange message log is a hash chain like the audit trail (src/platform/audit/chain.ts, whose
 * helpers it reuses): each entry's hash is `sha256(prev_hash ":" seq ":" sha256(JCS(content)))`
 * (RFC 8785 canonical JSON), and a one-row head names the last entry. Keeping each message's
 * signature in the chain is what makes the log evidence (non-repudiation): the signer cannot deny a
 * message whose Ed25519 signature is logged, and the logger cannot drop or rewrite one unnoticed.
 */

export type Direction = 'in' | 'out';
export type MessageKind = 'request' | 'response';

/** What the log says about one message: hashed on its own, then linked into the chain. */
export interface LogContent {
  loggedAt: string;
  messageId: string;
  direction: Direction;
  kind: MessageKind;
  /** The other party: the caller for messages in, the provider for messages out (subsystem identifier). */
  peer: string;
  /** The service called, e.g. `KD/GOV/COMMERCE/licences/check-licence/v1`. */
  service: string;
  /** The message's Ed25519 signature (RFC 9421 `Signature` member, base64). */
  signature: string;
  /** The message's `Content-Digest` header (RFC 9530). */
  bodyDigest: string;
  /** `accepted`, a refusal code (`bad_signature`, …) or a response's HTTP status. */
  status: string;
}

export interface LogEntry extends LogContent {
  seq: number;
  prevHash: string;
  hash: string;
}

export const LOG_GENESIS = { seq: 0, hash: GENESIS_HASH };

export function logContentHash(content: LogContent): string {
  return sha256Hex(canonicalJson(content));
}

export function logEntryHash({ seq, prevHash, hash: _hash, ...content }: LogEntry): string {
  return linkHash(prevHash, seq, logContentHash(content));
}

/**
 * The message log's walk: the audit trail's chain verifier, hashing log entries and naming them as
 * such. Push the entries in sequence order (page by page), then finish with the head row.
 */
export const logChainVerifier = () => new ChainVerifier<LogEntry>({ entry: 'message log entry', head: 'log head' }, logEntryHash);
