import { createHash } from 'node:crypto';
import { AppError } from '../../platform/http/errors.ts';

/**
 * Passes a file's bytes through while hashing them (SHA-256, the run report's digest) and
 * refusing a file past `limitBytes` (413) without buffering it.
 */
export function digesting(source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, limitBytes = Number.POSITIVE_INFINITY) {
  const hash = createHash('sha256');
  let bytes = 0;
  let digest: string | null = null;
  async function* chunks(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buffer.length;
      if (bytes > limitBytes) throw new AppError(413, 'legacy_file_too_large', { limit: limitBytes });
      hash.update(buffer);
      yield buffer;
    }
    digest = hash.digest('hex');
  }
  return {
    chunks: chunks(),
    digest(): string {
      if (digest === null) throw new Error('the digest is known once the whole file is read');
      return digest;
    },
  };
}
