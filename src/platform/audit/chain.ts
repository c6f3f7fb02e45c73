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

/**
 * Walks entries in sequence order and stops at the first break. Each entry must follow the previous
 * one without a gap, link to its hash, and hash to what it stores; the head row must name the last
 * entry, so deleting entries at the end is caught too.
 */
export class ChainVerifier {
  #expectedSeq = 1;
  #previousHash = GENESIS_HASH;
  #checked = 0;
  #problem: ChainProblem | undefined;

  /** Returns false once a problem is found; later entries are then ignored. */
  push(entry: ChainedEntry & { hash: string }): boolean {
    if (this.#problem) return false;
    if (entry.seq !== this.#expectedSeq) {
      const range = entry.seq - 1 > this.#expectedSeq ? `${this.#expectedSeq}–${entry.seq - 1}` : `${this.#expectedSeq}`;
      return this.#fail({ kind: 'missing', seq: this.#expectedSeq, message: `audit entry #${range} missing (next present is #${entry.seq})` });
    }
    if (entry.prevHash !== this.#previousHash) {
      // This entry's link no longer matches: the previous entry was rewritten (hash recomputed) or replaced.
      const seq = entry.seq - 1;
      return this.#fail({ kind: 'altered', seq, message: `audit entry #${seq} altered: entry #${entry.seq} no longer links to it` });
    }
    const { hash, ...fields } = entry;
    if (entryHash(fields) !== hash) {
      return this.#fail({ kind: 'altered', seq: entry.seq, message: `audit entry #${entry.seq} altered: its content does not match its hash` });
    }
    this.#previousHash = hash;
    this.#expectedSeq += 1;
    this.#checked += 1;
    return true;
  }

  finish(head: { seq: number; hash: string } | undefined): ChainVerdict {
    if (!this.#problem && head) {
      const lastSeq = this.#expectedSeq - 1;
      if (head.seq > lastSeq) {
        const range = head.seq > lastSeq + 1 ? `${lastSeq + 1}–${head.seq}` : `${head.seq}`;
        this.#fail({ kind: 'missing', seq: lastSeq + 1, message: `audit entry #${range} missing (the chain head records #${head.seq})` });
      } else if (head.seq < lastSeq || head.hash !== this.#previousHash) {
        this.#fail({ kind: 'altered', seq: lastSeq, message: `audit entry #${lastSeq} altered: it does not match the chain head` });
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
