import { ContentMissing, type ArchiveStore } from './store.ts';

/** What re-hashing one copy found. */
export type CopyFinding = { state: 'present' } | { state: 'corrupt'; actual: string } | { state: 'missing'; reason: string };

/** Re-hashes the copy of `sha256` in `store` and compares. A root that cannot be read counts as missing. */
export async function checkCopy(store: ArchiveStore, sha256: string): Promise<CopyFinding> {
  try {
    const actual = await store.rehash(sha256);
    return actual === sha256 ? { state: 'present' } : { state: 'corrupt', actual };
  } catch (error) {
    if (error instanceof ContentMissing) return { state: 'missing', reason: 'not found' };
    return { state: 'missing', reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}

/** The outcome for one content over every root: repaired copies, and copies that stayed bad. */
export interface ContentVerdict {
  sha256: string;
  findings: Map<string, CopyFinding>;
  /** Roots whose bad copy was replaced from a good one. */
  repaired: string[];
  /** Roots whose bad copy could not be replaced, with why. */
  unrepaired: Map<string, string>;
  /** No root held an intact copy. */
  lost: boolean;
}

/**
 * Checks a content in every root and repairs each bad copy from an intact one. The repair is
 * verified as it is written (the store refuses bytes that do not hash to the digest), so a good
 * copy that rots during the repair is caught rather than spread.
 */
export async function verifyContent(stores: readonly ArchiveStore[], sha256: string): Promise<ContentVerdict> {
  const findings = new Map<string, CopyFinding>();
  await Promise.all(stores.map(async (store) => findings.set(store.name, await checkCopy(store, sha256))));
  const intact = stores.find((s) => findings.get(s.name)?.state === 'present');
  const verdict: ContentVerdict = { sha256, findings, repaired: [], unrepaired: new Map(), lost: intact === undefined };
  if (!intact) return verdict;
  for (const store of stores.filter((s) => findings.get(s.name)?.state !== 'present')) {
    try {
      await store.put(sha256, await intact.get(sha256));
      verdict.repaired.push(store.name);
    } catch (error) {
      verdict.unrepaired.set(store.name, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
  }
  return verdict;
}
