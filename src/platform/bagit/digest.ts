import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Bag checksum algorithms by their normalised manifest name (RFC 8493 §2.4: the common name
 * lowercased with every non-alphanumeric character removed) and Node's name for them. 1.0 requires
 * SHA-256 and SHA-512; MD5 and SHA-1 stay for older bags (§2.4, and the 0.97 draft's md5 default).
 */
const NODE_ALGORITHMS: Readonly<Record<string, string>> = {
  md5: 'md5',
  sha1: 'sha1',
  sha224: 'sha224',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  sha3224: 'sha3-224',
  sha3256: 'sha3-256',
  sha3384: 'sha3-384',
  sha3512: 'sha3-512',
  blake2b512: 'blake2b512',
};

export const isSupportedAlgorithm = (name: string): boolean => Object.hasOwn(NODE_ALGORITHMS, name);

/** Length in hex characters of a checksum made with `algorithm` (a supported one). */
export function checksumLength(algorithm: string): number {
  return createHash(NODE_ALGORITHMS[algorithm] as string).digest('hex').length;
}

/** Several digests fed from the same chunks: a file is read once whatever the number of manifests. */
export class MultiDigest {
  bytes = 0;
  private readonly hashes: [string, Hash][];

  constructor(algorithms: readonly string[]) {
    this.hashes = algorithms.map((name) => {
      const node = NODE_ALGORITHMS[name];
      if (!node) throw new Error(`unsupported bag checksum algorithm "${name}"`);
      return [name, createHash(node)];
    });
  }

  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    for (const [, hash] of this.hashes) hash.update(chunk);
  }

  digests(): Record<string, string> {
    return Object.fromEntries(this.hashes.map(([name, hash]) => [name, hash.digest('hex')]));
  }
}

/** Large reads: fewer round trips through the event loop for multi-gigabyte scans. */
export const READ_CHUNK_BYTES = 1 << 20;

/** One streaming pass over a file, every requested digest at once; never the whole file in memory. */
export async function digestFile(path: string, algorithms: readonly string[]): Promise<{ bytes: number; digests: Record<string, string> }> {
  const digest = new MultiDigest(algorithms);
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) digest.update(chunk as Buffer);
  return { bytes: digest.bytes, digests: digest.digests() };
}

/** The two digests Guichet's bags carry (SHA-512 by default as §2.4 recommends, SHA-256 beside it), in one read. */
export async function hashFile(path: string): Promise<{ bytes: number; sha256: string; sha512: string }> {
  const { bytes, digests } = await digestFile(path, ['sha256', 'sha512']);
  return { bytes, sha256: digests.sha256 as string, sha512: digests.sha512 as string };
}
