import { MultiDigest } from '../../platform/bagit/index.ts';

/** What the archive records of a content: both digests (BagIt 1.0 manifests use SHA-256 and SHA-512) and its length. */
export interface Digests {
  sha256: string;
  sha512: string;
  size: number;
}

export const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Where every root keeps a content: `ab/cd/<sha256>` (a file path, an object key). Only a digest
 * becomes a name: nothing a package says ever reaches a filesystem or a bucket.
 */
export function contentPath(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/**
 * Digests of the bytes passing through, fed by the one streaming pass that also writes them (the
 * BagIt library's MultiDigest), so a content is read once: SHA-256 and SHA-512 for new content,
 * SHA-256 alone to verify a copy (`sha512` is then empty).
 */
export class ContentDigest {
  readonly #digest: MultiDigest;

  constructor(withSha512: boolean) {
    this.#digest = new MultiDigest(withSha512 ? ['sha256', 'sha512'] : ['sha256']);
  }

  update(chunk: Uint8Array): void {
    this.#digest.update(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  digest(): Digests {
    const { sha256 = '', sha512 = '' } = this.#digest.digests();
    return { sha256, sha512, size: this.#digest.bytes };
  }
}

/** The SHA-256 alone of everything `source` yields: fixity checks compare it only (half the work of both). */
export async function sha256Of(source: AsyncIterable<Buffer>): Promise<{ sha256: string; size: number }> {
  const digest = new MultiDigest(['sha256']);
  for await (const chunk of source) digest.update(chunk);
  return { sha256: digest.digests().sha256 ?? '', size: digest.bytes };
}
