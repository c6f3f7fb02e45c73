import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MultiDigest, READ_CHUNK_BYTES } from './digest.ts';
import { encodeBagPath, manifestKind } from './manifest-lines.ts';
import { bagInfoElement, CURRENT_VERSION } from './tag-text.ts';

export interface BagPayloadFile {
  /** Relative to data/, '/' separators. */
  path: string;
  /**
   * The bytes, an absolute path to a file that is stream-copied (never read whole), or a function
   * opening a stream of the bytes (content kept elsewhere than in a plain file: an archive root).
   * An error the stream throws fails the whole bag, which is then not written.
   */
  source: Buffer | string | PayloadOpener;
  /**
   * Digests the bytes must have (an archive copying what it recorded): checked on the pass that
   * copies them, and the bag is not written when one differs (PayloadDigestMismatch).
   */
  expected?: { sha256?: string; sha512?: string };
}

/** A payload file's bytes did not hash to the digest the caller expected: no bag was written. */
export class PayloadDigestMismatch extends Error {
  readonly path: string;
  readonly algorithm: string;
  readonly expected: string;
  readonly actual: string;
  constructor(path: string, algorithm: string, expected: string, actual: string) {
    super(`payload file "${path}" hashes to ${algorithm} ${actual}, expected ${expected}`);
    this.name = 'PayloadDigestMismatch';
    this.path = path;
    this.algorithm = algorithm;
    this.expected = expected;
    this.actual = actual;
  }
}

/** Opens the bytes of one payload file, as they are to be copied into the bag. */
export type PayloadOpener = () => Promise<AsyncIterable<Uint8Array>>;

export interface BagTagFile {
  /** Relative to the bag's base directory, e.g. 'metadata/dublin-core.xml'. */
  path: string;
  content: Buffer | string;
}

export interface WrittenBag {
  /** "OctetCount.StreamCount" as written in bag-info.txt (RFC 8493 §2.2.2). */
  payloadOxum: string;
  /** Each payload file, `path` relative to data/ as given, sorted by path. */
  files: { path: string; bytes: number; sha256: string; sha512: string }[];
}

/** The algorithms every bag Guichet writes carries: SHA-512 (RFC 8493 §2.4's default) and SHA-256. */
const ALGORITHMS = ['sha512', 'sha256'] as const;

/** Names the writer makes itself (§2.1, §2.2) and a caller's tag file must not take. */
function isReservedTagName(bagPath: string): boolean {
  return ['bagit.txt', 'bag-info.txt', 'fetch.txt'].includes(bagPath.toLowerCase()) || manifestKind(bagPath) !== null;
}

/** A plain relative path: no empty, "." or ".." segment, no backslash, nothing absolute. */
function checkRelativePath(relative: string, what: string): void {
  const segments = relative.split('/');
  if (!relative || relative.includes('\0') || relative.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`${what} path "${relative}" must be relative, '/'-separated, without empty, "." or ".." segments`);
  }
}

function checkLayout(payload: readonly BagPayloadFile[], tagFiles: readonly BagTagFile[]): void {
  const seen = new Set<string>();
  for (const file of payload) {
    checkRelativePath(file.path, 'payload');
    if (typeof file.source === 'string' && !path.isAbsolute(file.source)) throw new Error(`payload source "${file.source}" must be an absolute file path (bytes are given as a Buffer)`);
    const key = file.path.normalize('NFC');
    if (seen.has(key)) throw new Error(`payload path "${file.path}" is given twice`);
    seen.add(key);
  }
  for (const file of tagFiles) {
    checkRelativePath(file.path, 'tag file');
    if (file.path.startsWith('data/') || isReservedTagName(file.path)) throw new Error(`tag file path "${file.path}" is inside data/ or a name the bag writer reserves`);
  }
}

function bagInfo(info: Record<string, string | readonly string[]>, payloadOxum: string, now: Date): string {
  const labels = Object.keys(info).map((label) => label.toLowerCase());
  if (labels.includes('payload-oxum')) throw new Error('Payload-Oxum is computed by the bag writer, not given');
  const elements: string[] = [];
  if (!labels.includes('bagging-date')) elements.push(bagInfoElement('Bagging-Date', now.toISOString().slice(0, 10)));
  elements.push(bagInfoElement('Payload-Oxum', payloadOxum));
  for (const [label, value] of Object.entries(info)) {
    for (const one of typeof value === 'string' ? [value] : value) elements.push(bagInfoElement(label, one));
  }
  return elements.join('');
}

/** Written and flushed to disk before the bag is renamed into place, so the bag there is whole. */
async function writePayloadFile(target: string, source: BagPayloadFile['source']): Promise<{ bytes: number; digests: Record<string, string> }> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const digest = new MultiDigest(ALGORITHMS);
  if (!Buffer.isBuffer(source)) {
    // One pass: each chunk read is hashed and written, the file never held whole in memory.
    await pipeline(
      typeof source === 'string' ? createReadStream(source, { highWaterMark: READ_CHUNK_BYTES }) : await source(),
      async function* hashing(chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          digest.update(bytes);
          yield bytes;
        }
      },
      createWriteStream(target, { flags: 'wx', flush: true }),
    );
  } else {
    digest.update(source);
    await fs.writeFile(target, source, { flag: 'wx', flush: true });
  }
  return { bytes: digest.bytes, digests: digest.digests() };
}

async function writeTagFile(root: string, bagPath: string, content: Buffer | string): Promise<Buffer> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await fs.mkdir(path.dirname(path.join(root, bagPath)), { recursive: true });
  await fs.writeFile(path.join(root, bagPath), bytes, { flag: 'wx', flush: true });
  return bytes;
}

const manifestText = (lines: { path: string; digest: string }[]) =>
  lines.map((line) => `${line.digest} ${encodeBagPath(line.path)}\n`).join('');

/** Directory entries are durable only once each directory itself is synced. */
async function syncDirectories(root: string): Promise<void> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const directories = [root, ...entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name))];
  for (const directory of directories.sort().reverse()) await syncDirectory(directory);
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, 'r');
  await handle.sync().finally(() => handle.close());
}

/**
 * Writes a BagIt 1.0 bag (RFC 8493) at `dir`: the payload under data/, SHA-512 and SHA-256 payload
 * and tag manifests, bagit.txt, and bag-info.txt with Bagging-Date, Payload-Oxum and `info`.
 * Everything is written and synced in a temporary directory beside `dir`, then renamed: a crash
 * leaves either no bag at `dir` or a whole one. `dir` must not exist yet.
 */
export async function writeBag(
  dir: string,
  payload: readonly BagPayloadFile[],
  info: Record<string, string | readonly string[]>,
  tagFiles: readonly BagTagFile[] = [],
): Promise<WrittenBag> {
  checkLayout(payload, tagFiles);
  const target = path.resolve(dir);
  if (await fs.stat(target).then(() => true, () => false)) throw new Error(`${dir} already exists: a bag is never written over another`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.partial-${randomUUID()}`);
  await fs.mkdir(path.join(temporary, 'data'), { recursive: true });
  try {
    const files: WrittenBag['files'] = [];
    for (const file of payload) {
      const { bytes, digests } = await writePayloadFile(path.join(temporary, 'data', file.path), file.source);
      for (const [algorithm, expected] of Object.entries(file.expected ?? {})) {
        if (digests[algorithm] !== expected) throw new PayloadDigestMismatch(file.path, algorithm, expected, digests[algorithm] as string);
      }
      files.push({ path: file.path, bytes, sha256: digests.sha256 as string, sha512: digests.sha512 as string });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : 1));
    const payloadOxum = `${files.reduce((sum, f) => sum + f.bytes, 0)}.${files.length}`;
    const tags: [string, Buffer | string][] = [
      ['bagit.txt', `BagIt-Version: ${CURRENT_VERSION}\nTag-File-Character-Encoding: UTF-8\n`],
      ['bag-info.txt', bagInfo(info, payloadOxum, new Date())],
      ...ALGORITHMS.map((algorithm): [string, string] => [`manifest-${algorithm}.txt`, manifestText(files.map((f) => ({ path: `data/${f.path}`, digest: f[algorithm] })))]),
      ...tagFiles.map((file): [string, Buffer | string] => [file.path, file.content]),
    ];
    const listed: { path: string; digests: Record<string, string> }[] = [];
    for (const [bagPath, content] of tags) {
      const digest = new MultiDigest(ALGORITHMS);
      digest.update(await writeTagFile(temporary, bagPath, content));
      listed.push({ path: bagPath, digests: digest.digests() });
    }
    for (const algorithm of ALGORITHMS) {
      await writeTagFile(temporary, `tagmanifest-${algorithm}.txt`, manifestText(listed.map((t) => ({ path: t.path, digest: t.digests[algorithm] as string }))));
    }
    await syncDirectories(temporary);
    await fs.rename(temporary, target);
    await syncDirectory(path.dirname(target));
    return { payloadOxum, files };
  } catch (error) {
    await fs.rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
