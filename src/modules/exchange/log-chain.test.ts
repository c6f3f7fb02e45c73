import { describe, expect, it } from 'vitest';
import { linkHash } from '../../platform/audit/chain.ts';
import { LOG_GENESIS, logChainVerifier, logContentHash, logEntryHash, type LogContent, type LogEntry } from './log-chain.ts';

function chain(count: number): LogEntry[] {
  const entries: LogEntry[] = [];
  let prevHash = LOG_GENESIS.hash;
  for (let seq = 1; seq <= count; seq += 1) {
    const content: LogContent = {
      loggedAt: new Date(Date.UTC(2026, 10, 23, 20, 0, seq)).toISOString(),
      messageId: `m-${seq}`,
      direction: seq % 2 ? 'out' : 'in',
      kind: seq % 2 ? 'request' : 'response',
      peer: 'KD/GOV/COMMERCE/licences',
      service: 'KD/GOV/COMMERCE/licences/check-licence/v1',
      signature: `sig-${seq}`,
      bodyDigest: 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
      status: seq % 2 ? 'accepted' : '200',
    };
    const hash = linkHash(prevHash, seq, logContentHash(content));
    entries.push({ ...content, seq, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

/** Walks `entries` in one go, as the log's verifier does page after page. */
function verifyLogChain(entries: readonly LogEntry[], head: { seq: number; hash: string } | undefined) {
  const verifier = logChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish(head);
}

const headOf = (entries: LogEntry[]) => ({ seq: entries.at(-1)?.seq ?? 0, hash: entries.at(-1)?.hash ?? LOG_GENESIS.hash });

describe('verifyLogChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const entries = chain(5);
    expect(verifyLogChain(entries, headOf(entries))).toEqual({ ok: true, checked: 5, lastSeq: 5, lastHash: headOf(entries).hash });
    expect(verifyLogChain([], LOG_GENESIS)).toMatchObject({ ok: true, checked: 0 });
  });

  it('names an entry whose content was changed', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, status: 'bad_signature' };
    expect(verifyLogChain(entries, headOf(chain(5))).problem).toEqual({ kind: 'altered', seq: 3, message: 'message log entry #3 altered: its content does not match its hash' });
  });

  it('names an entry rewritten with a recomputed hash, through the next link', () => {
    const entries = chain(5);
    const forged = { ...entries[1]!, peer: 'KD/GOV/TAX/returns' };
    entries[1] = { ...forged, hash: logEntryHash(forged) };
    expect(verifyLogChain(entries, headOf(entries)).problem).toMatchObject({ kind: 'altered', seq: 2 });
  });

  it('names missing entries in the middle and at the end', () => {
    const entries = chain(6);
    expect(verifyLogChain([...entries.slice(0, 2), ...entries.slice(4)], headOf(entries)).problem?.message).toBe('message log entry #3–4 missing (next present is #5)');
    expect(verifyLogChain(entries.slice(0, 4), headOf(entries)).problem?.message).toBe('message log entry #5–6 missing (the log head records #6)');
  });

  it('verifies page by page, carrying on from where the previous page ended', () => {
    const entries = chain(7);
    const verifier = logChainVerifier();
    for (const entry of entries.slice(0, 3)) verifier.push(entry);
    for (const entry of entries.slice(3)) verifier.push(entry);
    expect(verifier.finish(headOf(entries))).toMatchObject({ ok: true, checked: 7 });
  });
});
