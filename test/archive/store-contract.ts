import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/modules/archive/fixity-check.ts';
import { ContentMissing, DigestMismatch, type ArchiveStore } from '../../src/modules/archive/store.ts';

const digest = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');
const readAll = async (stream: Readable) => Buffer.concat(await stream.toArray());
const HOUR = 60 * 60 * 1000;

/**
 * Two roots of one kind, and the medium under them reached behind the stores' back, as a failing
 * disk or a stray write would: what every ArchiveStore is tested against.
 */
export interface RootsUnderTest {
  primary: ArchiveStore;
  replica: ArchiveStore;
  /** The bytes the medium holds under a digest in that root, or undefined. */
  stored(root: ArchiveStore, sha256: string): Promise<Buffer | undefined>;
  /** Puts other bytes under a digest in that root. */
  damage(root: ArchiveStore, sha256: string, bytes: Buffer): Promise<void>;
  /** Everything the root holds: contents and writes in progress. */
  held(root: ArchiveStore): Promise<number>;
  /** The local directory of the root's writes in progress. */
  incoming(root: ArchiveStore): string;
  dispose(): Promise<void>;
}

/** The ArchiveStore contract (store.ts), run against each implementation with fresh roots per test. */
export function describeArchiveStore(kind: string, open: () => Promise<RootsUnderTest>): void {
  let roots: RootsUnderTest;
  beforeEach(async () => {
    roots = await open();
  });
  afterEach(() => roots.dispose());

  describe(`a content-addressed storage root (${kind})`, () => {
    it('stores a stream under its SHA-256, with both digests computed on the way', async () => {
      const { primary } = roots;
      const bytes = randomBytes(3 * 1024 * 1024 + 17);
      const pieces = Readable.from([bytes.subarray(0, 100), bytes.subarray(100, 2_000_000), bytes.subarray(2_000_000)]);
      const sha256 = digest('sha256', bytes);
      expect(await primary.add(pieces)).toEqual({ sha256, sha512: digest('sha512', bytes), size: bytes.length });
      expect(await roots.stored(primary, sha256)).toEqual(bytes);
      expect(await primary.has(sha256)).toBe(true);
      expect(await readAll(await primary.get(sha256))).toEqual(bytes);
      expect(await roots.held(primary)).toBe(1);
    });

    it('stores content held in memory the same way', async () => {
      const bytes = Buffer.from('{"reference":"KD-COM-2026-000001"}');
      expect(await roots.primary.add(bytes)).toEqual({ sha256: digest('sha256', bytes), sha512: digest('sha512', bytes), size: bytes.length });
      expect(await roots.stored(roots.primary, digest('sha256', bytes))).toEqual(bytes);
    });

    it('takes a copy of known content, verified as it is written', async () => {
      const bytes = randomBytes(200_000);
      const sha256 = digest('sha256', bytes);
      await roots.replica.put(sha256, Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
      expect(await roots.stored(roots.replica, sha256)).toEqual(bytes);
    });

    it('refuses content that does not hash to the digest asked for, leaving nothing behind', async () => {
      const expected = digest('sha256', Buffer.from('the original'));
      await expect(roots.primary.put(expected, Buffer.from('something else'))).rejects.toBeInstanceOf(DigestMismatch);
      await expect(roots.primary.put(expected, Readable.from([Buffer.from('something else')]))).rejects.toBeInstanceOf(DigestMismatch);
      expect(await roots.held(roots.primary)).toBe(0);
      expect(await roots.primary.has(expected)).toBe(false);
    });

    it('answers ContentMissing for content it does not hold, and for content it removed', async () => {
      const bytes = Buffer.from('removed at the end of its retention');
      const sha256 = digest('sha256', bytes);
      await expect(roots.primary.get(sha256)).rejects.toBeInstanceOf(ContentMissing);
      await roots.primary.add(bytes);
      await roots.primary.remove(sha256);
      await roots.primary.remove(sha256);
      expect(await roots.primary.has(sha256)).toBe(false);
      await expect(roots.primary.get(sha256)).rejects.toBeInstanceOf(ContentMissing);
    });

    it('turns only a digest into a name', async () => {
      await expect(roots.primary.get('../../etc/passwd')).rejects.toThrow(/not a SHA-256/);
      await expect(roots.primary.put('../escape', Buffer.from('x'))).rejects.toThrow(/not a SHA-256/);
    });

    it('sweeps the writes a crash interrupted once they are old, and leaves young ones (a write still going on)', async () => {
      const incoming = roots.incoming(roots.primary);
      await fs.mkdir(incoming, { recursive: true });
      const [old, young] = [path.join(incoming, 'interrupted.part'), path.join(incoming, 'going-on.part')];
      await fs.writeFile(old, 'half a scan');
      await fs.writeFile(young, 'half another');
      const twoHoursAgo = new Date(Date.now() - 2 * HOUR);
      await fs.utimes(old, twoHoursAgo, twoHoursAgo);
      expect(await roots.primary.sweepIncomplete(HOUR)).toBe(1);
      expect(await fs.readdir(incoming)).toEqual(['going-on.part']);
    });
  });

  describe(`checking a content in both roots (${kind})`, () => {
    const bytes = Buffer.from('%PDF-1.7 certificate of origin\n');
    const sha256 = digest('sha256', bytes);

    it('repairs a corrupt primary from the replica, and a missing replica from the primary', async () => {
      const { primary, replica } = roots;
      await replica.add(bytes);
      await roots.damage(primary, sha256, Buffer.from('%PDF-1.7 certificate of origjn\n')); // a flipped bit
      const verdict = await verifyContent([primary, replica], sha256);
      expect(verdict.findings.get('primary')).toEqual({ state: 'corrupt', actual: digest('sha256', Buffer.from('%PDF-1.7 certificate of origjn\n')) });
      expect(verdict).toMatchObject({ repaired: ['primary'], lost: false });
      expect(await roots.stored(primary, sha256)).toEqual(bytes);

      await replica.remove(sha256);
      expect(await verifyContent([primary, replica], sha256)).toMatchObject({ repaired: ['replica'], lost: false });
      expect(await roots.stored(replica, sha256)).toEqual(bytes);
    });

    it('reports a content lost when no root holds an intact copy', async () => {
      const verdict = await verifyContent([roots.primary, roots.replica], sha256);
      expect([...verdict.findings.values()]).toEqual([{ state: 'missing', reason: 'not found' }, { state: 'missing', reason: 'not found' }]);
      expect(verdict).toMatchObject({ lost: true, repaired: [] });
    });
  });
}
