import { MultiDigest } from '../../../platform/bagit/index.ts';
import type { ArchiveRoots } from '../config.ts';
import { ContentMissing, type ArchiveStore } from '../store.ts';

/** A root's copy that cannot serve: absent, unreadable, or not hashing to the SHA-256 it is stored under. */
export class UnusableCopy extends Error {
  readonly root: string;
  readonly sha256: string;
  readonly state: 'missing' | 'corrupt';
  constructor(root: string, sha256: string, state: 'missing' | 'corrupt', reason: string) {
    super(`the ${root} copy of ${sha256} is ${state}: ${reason}`);
    this.name = 'UnusableCopy';
    this.root = root;
    this.sha256 = sha256;
    this.state = state;
  }
}

/**
 * One root's copy of a content, chunk by chunk as it is read. A copy that is absent or cannot be
 * read throws UnusableCopy; with `verify`, so does one whose SHA-256 is not the one it is stored
 * under, once the last chunk is read (without, the reader checks the digests itself, as writeBag
 * does with `expected`: the copy is then hashed once, not twice).
 */
export async function* copyFrom(root: ArchiveStore, sha256: string, verify: boolean): AsyncGenerator<Buffer> {
  const digest = verify ? new MultiDigest(['sha256']) : null;
  let stream;
  try {
    stream = await root.get(sha256);
  } catch (error) {
    throw new UnusableCopy(root.name, sha256, 'missing', error instanceof ContentMissing ? 'absent' : (error as Error).message);
  }
  try {
    for await (const chunk of stream) {
      digest?.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  } catch (error) {
    throw new UnusableCopy(root.name, sha256, 'missing', (error as Error).message);
  } finally {
    stream.destroy();
  }
  const actual = digest?.digests().sha256;
  if (actual !== undefined && actual !== sha256) throw new UnusableCopy(root.name, sha256, 'corrupt', `it hashes to ${actual}`);
}

/** A small content whole (a metadata file), from the primary copy, else the replica when the primary cannot serve. */
export async function readVerified(roots: ArchiveRoots, sha256: string): Promise<{ bytes: Buffer; unusable: UnusableCopy | null }> {
  const collect = async (root: ArchiveStore) => {
    const chunks: Buffer[] = [];
    for await (const chunk of copyFrom(root, sha256, true)) chunks.push(chunk);
    return Buffer.concat(chunks);
  };
  try {
    return { bytes: await collect(roots.primary), unusable: null };
  } catch (error) {
    if (!(error instanceof UnusableCopy)) throw error;
    return { bytes: await collect(roots.replica), unusable: error };
  }
}
