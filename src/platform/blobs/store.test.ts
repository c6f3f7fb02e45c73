import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/db.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { createBlobStore, type BlobStore } from './store.ts';

// Small but genuine files: what the type sniffer sees first in real ones. The PDF carries the binary
// comment line writers put after the header (ISO 32000-1 §7.5.2), as real PDFs do.
const pdf = (body = 'Certificat de conformité') =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n%'),
    Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
    Buffer.from(`1 0 obj << /Title (${body}) >> endobj\ntrailer << >>\n%%EOF\n`),
  ]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(17)]);
/** A Windows executable: "MZ" and its DOS header. */
const exe = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(254)]);
/** A zip archive holding "invoice.exe" (one stored entry). */
function zip() {
  const name = Buffer.from('invoice.exe');
  const data = exe();
  const header = Buffer.alloc(30);
  header.write('PK\x03\x04', 0, 'latin1');
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MiB = 1024 * 1024;

let handle: DatabaseHandle;
let db: Db;
let root: string;
let store: BlobStore;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await db.deleteFrom('blobs').execute();
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-blobs-'));
  store = createBlobStore({ root });
  return () => fs.rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
const blobRows = () => db.selectFrom('blobs').selectAll().execute();
const refusal = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('expected a refusal'), (error: unknown) => error as AppError);

describe('blob store', () => {
  it('stores a PDF under its SHA-256 and gives the same bytes back', async () => {
    const bytes = pdf();
    const blob = await store.put(db, bytes, 'attachment');
    expect(blob).toEqual({ sha256: sha256(bytes), size: bytes.length, mediaType: 'application/pdf' });
    expect(store.pathOf(blob.sha256)).toBe(path.join(root, blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256));
    expect(Buffer.from(await (await store.open(blob.sha256)).toArray().then((c) => Buffer.concat(c)))).toEqual(bytes);
    expect(await store.stat(db, blob.sha256)).toMatchObject({ ...blob, createdAt: expect.any(Date) });
    expect(await filesUnder(root)).toEqual([path.relative(root, store.pathOf(blob.sha256))]);
  });

  it('hashes a stream arriving in pieces exactly as the whole buffer', async () => {
    const bytes = Buffer.concat([pdf('scan'), Buffer.alloc(300_000, 0x20)]);
    const pieces = Readable.from([bytes.subarray(0, 5), bytes.subarray(5, 70_000), bytes.subarray(70_000)]);
    expect(await store.put(db, pieces, 'scan')).toEqual({ sha256: sha256(bytes), size: bytes.length, mediaType: 'application/pdf' });
  });

  it('keeps one file and one row when the same content is stored twice', async () => {
    const first = await store.put(db, pdf(), 'attachment');
    const again = await store.put(db, Readable.from([pdf()]), 'issued_document');
    expect(again).toEqual(first);
    expect(await blobRows()).toHaveLength(1);
    expect(await filesUnder(root)).toHaveLength(1);
  });

  it('stops reading as soon as a file crosses the limit, leaving no temporary file and no row', async () => {
    let chunksRead = 0;
    let sourceClosed = false;
    async function* endlessUpload() {
      try {
        for (;;) {
          chunksRead += 1;
          yield Buffer.alloc(MiB, 0x25);
        }
      } finally {
        sourceClosed = true;
      }
    }
    const error = await refusal(store.put(db, endlessUpload(), 'attachment'));
    expect(error).toMatchObject({ status: 413, code: 'file_too_large', params: { limit: 10 * MiB } });
    expect(chunksRead).toBeLessThanOrEqual(12);
    expect(sourceClosed).toBe(true);
    expect(await filesUnder(root)).toEqual([]);
    expect(await blobRows()).toEqual([]);
  });

  it('refuses a file one byte over the limit and takes one exactly at it', async () => {
    const atLimit = Buffer.concat([pdf(), Buffer.alloc(10 * MiB - pdf().length, 0x20)]);
    expect((await store.put(db, atLimit, 'issued_document')).size).toBe(10 * MiB);
    const over = Buffer.concat([atLimit, Buffer.from(' ')]);
    expect(await refusal(store.put(db, over, 'issued_document'))).toMatchObject({ status: 413 });
    expect(await blobRows()).toHaveLength(1);
  });

  it('refuses an executable or a zip archive whatever it claims to be, by its bytes', async () => {
    for (const [bytes, detected] of [
      [exe(), 'application/x-msdownload'],
      [zip(), 'application/zip'],
    ] as const) {
      const error = await refusal(store.put(db, bytes, 'attachment'));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        status: 415,
        code: 'file_type_not_allowed',
        params: { detected, allowed: 'application/pdf, image/png, image/jpeg, image/tiff' },
      });
    }
    expect(await filesUnder(root)).toEqual([]);
    expect(await blobRows()).toEqual([]);
  });

  it('refuses a type the use does not take even when another use would', async () => {
    expect((await store.put(db, png(), 'attachment')).mediaType).toBe('image/png');
    expect(await refusal(store.put(db, png(), 'issued_document'))).toMatchObject({
      status: 415,
      params: { detected: 'image/png', allowed: 'application/pdf' },
    });
  });

  it('refuses an empty file', async () => {
    expect(await refusal(store.put(db, Buffer.alloc(0), 'attachment'))).toMatchObject({ status: 400, code: 'file_empty' });
    expect(await refusal(store.put(db, Readable.from([]), 'statement'))).toMatchObject({ status: 400, code: 'file_empty' });
    expect(await filesUnder(root)).toEqual([]);
  });

  it('takes UTF-8 text for a statement, even one starting like an executable, and refuses binary or Latin-1', async () => {
    const csv = Buffer.from('date;libellé;montant\n2025-03-01;رسوم;1500,00\n');
    expect(await store.put(db, csv, 'statement')).toMatchObject({ mediaType: 'text/plain', size: csv.length });
    expect(await store.put(db, Buffer.from('MZ;ref\n1;2\n'), 'statement')).toMatchObject({ mediaType: 'text/plain' });
    expect(await refusal(store.put(db, Buffer.from('a;b\n1;\u0000\n'), 'statement'))).toMatchObject({ status: 415, params: { detected: 'unknown', allowed: 'text/plain' } });
    expect(await refusal(store.put(db, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'statement'))).toMatchObject({ status: 415 });
    expect(await refusal(store.put(db, pdf(), 'statement'))).toMatchObject({ status: 415, params: { detected: 'application/pdf' } });
    expect(await refusal(store.put(db, csv, 'attachment'))).toMatchObject({ status: 415, params: { detected: 'unknown' } });
  });

  it('answers not found for anything but 64 lowercase hex digits, so no name reaches the file system', async () => {
    await fs.writeFile(path.join(root, 'secret.txt'), 'not a blob');
    const attempts = [
      '../secret.txt',
      '../../../../etc/passwd',
      `../${'a'.repeat(61)}`,
      `ab/cd/${'a'.repeat(58)}`,
      'A'.repeat(64),
      `${'a'.repeat(63)}\u0000`,
      `${'a'.repeat(64)}/..`,
      '',
    ];
    for (const attempt of attempts) {
      for (const call of [() => store.open(attempt), () => store.stat(db, attempt), async () => store.pathOf(attempt)]) {
        expect(await refusal(call())).toMatchObject({ status: 404, code: 'not_found', params: { record: 'blob' } });
      }
    }
  });

  it('answers not found for a well-formed hash with nothing stored', async () => {
    const unknown = sha256(Buffer.from('never uploaded'));
    expect(await refusal(store.open(unknown))).toMatchObject({ status: 404, params: { record: 'blob', id: unknown } });
    expect(await refusal(store.stat(db, unknown))).toMatchObject({ status: 404 });
  });

  it('refuses a stream of strings rather than guess their encoding', async () => {
    const error = await store.put(db, Readable.from(['date;montant\n'], { objectMode: true }), 'statement').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('reads back text as stored', async () => {
    const blob = await store.put(db, Buffer.from('ref;montant\nA-1;10\n'), 'statement');
    expect(await text(await store.open(blob.sha256))).toBe('ref;montant\nA-1;10\n');
  });
});
