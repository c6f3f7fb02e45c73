import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** What an entry says happened: hashed on its own, then linked into the chain. */
export interface AuditContent {
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  agencyId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** An entry in the chain: its content, its position and the hash of the entry before it. */
export interface ChainedEntry extends AuditContent {
  seq: number;
  prevHash: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON Canonicalization Scheme (RFC 8785) so the same entry always hashes the same on any engine. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

/** Digest of a record's state before or after a change; null when there is no such state. */
export function stateDigest(state: unknown): string | null {
  return state === undefined || state === null ? null : sha256Hex(canonicalJson(state));
}

export function contentHash(content: AuditContent): string {
  return sha256Hex(canonicalJson(content));
}

/**
 * An entry's hash binds its content to its position and to the entry before it. The writer computes
 * it inside PostgreSQL (see record.ts) with the same formula, so appending is one statement.
 */
export function linkHash(prevHash: string, seq: number, content: string): string {
  return sha256Hex(`${prevHash}:${seq}:${content}`);
}

export function entryHash(entry: ChainedEntry): string {
  const { seq, prevHash, ...content } = entry;
  return linkHash(prevHash, seq, contentHash(content));
}

export type ChainProblem =
  | { kind: 'missing'; seq: number; message: string }
  | { kind: 'altered'; seq: number; message: string };

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  lastSeq: number;
  lastHash: string;
  problem?: ChainProblem;
}

/** What a hash chain's walk needs of an entry: its position, its link and its stored hash. */
export interface LinkedEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainNames {
  /** How a problem names an entry: `audit entry`, `message log entry`. */
  entry: string;
  /** How it names the head row: `chain head`, `log head`. */
  head: string;
}


/**
 * Walks entries in sequence order and stops at the first break. Each entry must follow the previous
 * one without a gap, link to its hash, and hash to what it stores; the head row must name the last
 * entry, so deleting entries at the end is caught too. The audit trail and the exchange message log
 * are both such chains; each says how to hash its entries and what to call them.
 */
export class ChainVerifier<E extends LinkedEntry> {
  #expectedSeq = 1;
  #previousHash = GENESIS_HASH;
  #checked = 0;
  #problem: ChainProblem | undefined;
  readonly #names: ChainNames;
  readonly #hashOf: (entry: E) => string;

  constructor(names: ChainNames, hashOf: (entry: E) => string) {
    this.#names = names;
    this.#hashOf = hashOf;
  }

  /** Returns false once a problem is found; later entries are then ignored. */
  push(entry: E): boolean {
    if (this.#problem) return false;
    const name = this.#names.entry;
    if (entry.seq !== this.#expectedSeq) {
      const range = entry.seq - 1 > this.#expectedSeq ? `${this.#expectedSeq}–${entry.seq - 1}` : `${this.#expectedSeq}`;
      return this.#fail({ kind: 'missing', seq: this.#expectedSeq, message: `${name} #${range} missing (next present is #${entry.seq})` });
    }
    if (entry.prevHash !== this.#previousHash) {
      // This entry's link no longer matches: the previous entry was rewritten (hash recomputed) or replaced.
      const seq = entry.seq - 1;
      return this.#fail({ kind: 'altered', seq, message: `${name} #${seq} altered: entry #${entry.seq} no longer links to it` });
    }
    if (this.#hashOf(entry) !== entry.hash) {
      return this.#fail({ kind: 'altered', seq: entry.seq, message: `${name} #${entry.seq} altered: its content does not match its hash` });
    }
    this.#previousHash = entry.hash;
    this.#expectedSeq += 1;
    this.#checked += 1;
    return true;
  }

  finish(head: { seq: number; hash: string } | undefined): ChainVerdict {
    const { entry: name, head: headName } = this.#names;
    if (!this.#problem && head) {
      const lastSeq = this.#expectedSeq - 1;
      if (head.seq > lastSeq) {
        const range = head.seq > lastSeq + 1 ? `${lastSeq + 1}–${head.seq}` : `${head.seq}`;
        this.#fail({ kind: 'missing', seq: lastSeq + 1, message: `${name} #${range} missing (the ${headName} records #${head.seq})` });
      } else if (head.seq < lastSeq || head.hash !== this.#previousHash) {
        this.#fail({ kind: 'altered', seq: lastSeq, message: `${name} #${lastSeq} altered: it does not match the ${headName}` });
      }
    }
    return {
      ok: !this.#problem,
      checked: this.#checked,
      lastSeq: this.#expectedSeq - 1,
      lastHash: this.#previousHash,
      ...(this.#problem ? { problem: this.#problem } : {}),
    };
  }

  #fail(problem: ChainProblem): false {
    this.#problem = problem;
    return false;
  }
}

/** The audit trail's walk. */
export const auditChainVerifier = () =>
  new ChainVerifier<ChainedEntry & { hash: string }>({ entry: 'audit entry', head: 'chain head' }, ({ hash: _hash, ...entry }) => entryHash(entry));

/**
 * Walks a stored chain page by page (keyset on seq): `pageAfter(seq)` returns the next entries in
 * order, empty at the end; the walk stops at the first break and finishes against the head row.
 */
export async function walkChain<E extends LinkedEntry>(
  verifier: ChainVerifier<E>,
  head: { seq: number; hash: string } | undefined,
  pageAfter: (seq: number) => Promise<E[]>,
  onProgress?: (checked: number, total: number) => void,
): Promise<ChainVerdict> {
  let after = 0;
  for (;;) {
    const entries = await pageAfter(after);
    for (const entry of entries) if (!verifier.push(entry)) return verifier.finish(undefined);
    const last = entries.at(-1);
    if (!last) return verifier.finish(head);
    after = last.seq;
    onProgress?.(after, head?.seq ?? after);
  }
}
