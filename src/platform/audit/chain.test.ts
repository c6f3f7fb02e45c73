import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditChainVerifier, entryHash, GENESIS_HASH, type ChainedEntry } from './chain.ts';

type Stored = ChainedEntry & { hash: string };

function buildChain(count: number): Stored[] {
  const entries: Stored[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const entry: ChainedEntry = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 10, 23, 9, 0, seq)).toISOString(),
      actorType: 'user',
      actorId: `user-${seq % 3}`,
      actorLabel: `Fatou Sow <fatou.sow@demo.guichet.test>`,
      agencyId: null,
      action: seq % 2 ? 'application.approved' : 'application.claimed',
      recordType: 'application',
      recordId: `APP-${seq}`,
      beforeDigest: null,
      afterDigest: 'ab'.repeat(32),
      requestId: `req-${seq}`,
      ip: '127.0.0.1',
      details: { step: seq },
      prevHash,
    };
    const hash = entryHash(entry);
    entries.push({ ...entry, hash });
    prevHash = hash;
  }
  return entries;
}

function verify(entries: Stored[], head?: { seq: number; hash: string }) {
  const verifier = auditChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish(head);
}

const headOf = (entries: Stored[]) => ({ seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash });

describe('audit hash chain', () => {
  it('accepts an untouched chain and reports its head', () => {
    const chain = buildChain(20);
    const verdict = verify(chain, headOf(chain));
    expect(verdict).toMatchObject({ ok: true, checked: 20, lastSeq: 20, lastHash: chain[19]!.hash });
  });

  it('hashes the same entry identically whatever the key order', () => {
    const [entry] = buildChain(1);
    const { hash, ...fields } = entry!;
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as unknown as ChainedEntry;
    expect(entryHash(reordered)).toBe(hash);
  });

  const tamperable: (keyof ChainedEntry)[] = ['occurredAt', 'actorId', 'actorLabel', 'action', 'recordId', 'afterDigest', 'requestId', 'ip', 'details'];

  it('names the altered entry when any field of any entry is changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.constantFrom(...tamperable), (seq, field) => {
        const chain = buildChain(12);
        const target = chain[seq - 1]!;
        (target as unknown as Record<string, unknown>)[field] = field === 'details' ? { step: -1 } : `${String(target[field])}x`;
        const verdict = verify(chain, headOf(chain));
        expect(verdict.ok).toBe(false);
        expect(verdict.problem).toMatchObject({ kind: 'altered', seq });
      }),
    );
  });

  it('names the altered entry even when the forger recomputed its hash', () => {
    const chain = buildChain(10);
    const forged = { ...chain[4]!, action: 'application.rejected' };
    chain[4] = { ...forged, hash: entryHash(forged) };
    const verdict = verify(chain, headOf(buildChain(10)));
    expect(verdict.problem).toMatchObject({ kind: 'altered', seq: 5 });
    expect(verdict.problem?.message).toContain('#5');
  });

  it('names a deleted entry in the middle of the chain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), (seq) => {
        const chain = buildChain(12);
        const head = headOf(chain);
        chain.splice(seq - 1, 1);
        const verdict = verify(chain, head);
        expect(verdict.problem).toMatchObject({ kind: 'missing', seq });
      }),
    );
  });

  it('notices entries deleted from the end through the chain head', () => {
    const chain = buildChain(10);
    const head = headOf(chain);
    const verdict = verify(chain.slice(0, 8), head);
    expect(verdict.problem).toMatchObject({ kind: 'missing', seq: 9 });
    expect(verdict.problem?.message).toContain('#9–10');
  });

  it('notices a rewritten last entry through the chain head', () => {
    const chain = buildChain(5);
    const head = headOf(chain);
    const forged = { ...chain[4]!, recordId: 'APP-999' };
    chain[4] = { ...forged, hash: entryHash(forged) };
    expect(verify(chain, head).problem).toMatchObject({ kind: 'altered', seq: 5 });
  });
});
