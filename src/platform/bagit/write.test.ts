import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from './digest.ts';
import { checksum } from './test-bags.ts';
import { validateBag } from './validate.ts';
import { PayloadDigestMismatch, writeBag } from './write.ts';

let workspace: string;
beforeAll(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-bag-writer-'));
});
afterAll(() => fs.rm(workspace, { recursive: true, force: true }));

let bags = 0;
const nextBagDir = () => path.join(workspace, 'bags', `bag-${++bags}`);

describe('writeBag', () => {
  it('writes a BagIt 1.0 bag that validates, with both digests of each file', async () => {
    const scan = path.join(workspace, 'scan.tif');
    await fs.writeFile(scan, Buffer.alloc(3 * 1024 * 1024 + 5, 7));
    const dir = nextBagDir();
    const written = await writeBag(
      dir,
      [
        { path: 'record.json', source: Buffer.from('{"file":"KD-2026-0001"}') },
        { path: 'scans/page 1.tif', source: scan },
      ],
      { 'External-Identifier': 'KD-2026-0001', 'Internal-Sender-Description': ['Import licence', 'closed\nand archived'] },
      [{ path: 'metadata/dublin-core.xml', content: '<dc/>' }],
    );
    expect(written.payloadOxum).toBe(`${23 + 3 * 1024 * 1024 + 5}.2`);
    expect(written.files.map((f) => f.path)).toEqual(['record.json', 'scans/page 1.tif']);
    expect(written.files[1]).toEqual({ path: 'scans/page 1.tif', ...(await hashFile(scan)) });
    expect(written.files[0]?.sha512).toBe(checksum('sha512', '{"file":"KD-2026-0001"}'));
    expect(await validateBag(dir)).toEqual({ valid: true, version: '1.0', problems: [], payload: { files: 2, bytes: 23 + 3 * 1024 * 1024 + 5 } });
    const info = await fs.readFile(path.join(dir, 'bag-info.txt'), 'utf8');
    expect(info).toMatch(/^Bagging-Date: \d{4}-\d{2}-\d{2}\nPayload-Oxum: \d+\.2\nExternal-Identifier: KD-2026-0001\nInternal-Sender-Description: Import licence\nInternal-Sender-Description: closed\n {2}and archived\n$/);
    expect((await fs.readdir(dir)).sort()).toEqual(['bag-info.txt', 'bagit.txt', 'data', 'manifest-sha256.txt', 'manifest-sha512.txt', 'metadata', 'tagmanifest-sha256.txt', 'tagmanifest-sha512.txt']);
    const tagManifest = await fs.readFile(path.join(dir, 'tagmanifest-sha256.txt'), 'utf8');
    expect(tagManifest).toContain(`${checksum('sha256', '<dc/>')} metadata/dublin-core.xml\n`);
  });

  it('percent-encodes "%", CR and LF in manifest paths', async () => {
    const dir = nextBagDir();
    await writeBag(dir, [{ path: '50%\r\noff.txt', source: Buffer.from('x') }], {});
    expect(await fs.readFile(path.join(dir, 'manifest-sha256.txt'), 'utf8')).toBe(`${checksum('sha256', 'x')} data/50%25%0D%0Aoff.txt\n`);
    expect((await validateBag(dir)).valid).toBe(true);
  });

  it('leaves nothing behind when a source cannot be read', async () => {
    const dir = nextBagDir();
    await expect(writeBag(dir, [{ path: 'a.txt', source: Buffer.from('x') }, { path: 'b.txt', source: path.join(workspace, 'no-such-file') }], {})).rejects.toThrow(/ENOENT/);
    expect(await fs.readdir(path.dirname(dir))).not.toContain(path.basename(dir));
    expect((await fs.readdir(path.dirname(dir))).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('copies a payload file from a stream it opens, and writes no bag when that stream fails', async () => {
    const chunks = [Buffer.from('scan page '), new Uint8Array([49, 10])];
    const dir = nextBagDir();
    const written = await writeBag(dir, [{ path: 'scan.txt', source: async () => (async function* () { yield* chunks; })() }], {});
    expect(written.files).toEqual([{ path: 'scan.txt', bytes: 12, sha256: checksum('sha256', 'scan page 1\n'), sha512: checksum('sha512', 'scan page 1\n') }]);
    expect(await fs.readFile(path.join(dir, 'data/scan.txt'), 'utf8')).toBe('scan page 1\n');
    expect((await validateBag(dir)).valid).toBe(true);

    const failing = nextBagDir();
    const rotten = async () => (async function* () { yield Buffer.from('half a page'); throw new Error('the copy is corrupt'); })();
    await expect(writeBag(failing, [{ path: 'a.txt', source: Buffer.from('x') }, { path: 'b.txt', source: rotten }], {})).rejects.toThrow('the copy is corrupt');
    expect((await fs.readdir(path.dirname(failing))).filter((name) => name.includes(path.basename(failing)))).toEqual([]);
  });

  it('writes no bag when a payload file does not have the digest the caller expects', async () => {
    const dir = nextBagDir();
    const expected = checksum('sha512', 'scan page 1\n');
    const refused = await writeBag(dir, [{ path: 'scan.txt', source: Buffer.from('scan page 2\n'), expected: { sha512: expected } }], {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PayloadDigestMismatch);
    expect(refused).toMatchObject({ path: 'scan.txt', algorithm: 'sha512', expected, actual: checksum('sha512', 'scan page 2\n') });
    expect((await fs.readdir(path.dirname(dir))).filter((name) => name.includes(path.basename(dir)))).toEqual([]);
    await writeBag(dir, [{ path: 'scan.txt', source: Buffer.from('scan page 1\n'), expected: { sha512: expected } }], {});
    expect((await validateBag(dir)).valid).toBe(true);
  });

  it('refuses to write over an existing directory', async () => {
    const dir = nextBagDir();
    await fs.mkdir(dir, { recursive: true });
    await expect(writeBag(dir, [], {})).rejects.toThrow(/already exists/);
  });

  it('refuses payload paths that would leave data/, repeated paths and reserved tag names', async () => {
    await expect(writeBag(nextBagDir(), [{ path: '../bagit.txt', source: Buffer.from('x') }], {})).rejects.toThrow(/must be relative/);
    await expect(writeBag(nextBagDir(), [{ path: '/etc/passwd', source: Buffer.from('x') }], {})).rejects.toThrow(/must be relative/);
    await expect(writeBag(nextBagDir(), [{ path: 'a', source: Buffer.from('x') }, { path: 'a', source: Buffer.from('y') }], {})).rejects.toThrow(/twice/);
    await expect(writeBag(nextBagDir(), [], {}, [{ path: 'manifest-md5.txt', content: '' }])).rejects.toThrow(/reserves/);
    await expect(writeBag(nextBagDir(), [], { 'Payload-Oxum': '1.1' })).rejects.toThrow(/computed/);
    await expect(writeBag(nextBagDir(), [{ path: 'a', source: 'relative/file.pdf' }], {})).rejects.toThrow(/absolute/);
  });
});

/** File names a payload may hold: spaces, "%", a line feed and non-ASCII letters included. */
const segment = fc.stringMatching(/^[a-zA-Z0-9 _%é\n-]{1,8}$/).filter((s) => s !== '.' && s !== '..');
/** A payload tree: relative paths (no file also used as a directory) with their bytes. */
const payloadTree = fc
  .uniqueArray(fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join('/')), { minLength: 1, maxLength: 6 })
  .filter((paths) => !paths.some((a) => paths.some((b) => b.startsWith(`${a}/`))))
  .chain((paths) => fc.tuple(...paths.map((p) => fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => ({ path: p, source: Buffer.from(bytes) })))));

describe('writeBag → validateBag (property)', () => {
  it('round-trips any payload tree as valid, and a flipped byte in any file is refused naming it', async () => {
    await fc.assert(
      fc.asyncProperty(payloadTree, fc.nat(), fc.nat(), async (files, whichFile, whichByte) => {
        const dir = nextBagDir();
        await writeBag(dir, files, { 'External-Identifier': 'property' });
        expect((await validateBag(dir)).problems).toEqual([]);
        const victim = files[whichFile % files.length] as { path: string; source: Buffer };
        const target = path.join(dir, 'data', victim.path);
        const bytes = await fs.readFile(target);
        const at = whichByte % bytes.length;
        bytes[at] = (bytes[at] as number) ^ 0xff;
        await fs.writeFile(target, bytes);
        const verdict = await validateBag(dir);
        expect(verdict.valid).toBe(false);
        expect(verdict.problems.map((p) => [p.code, p.file])).toEqual([
          ['bagit_checksum_mismatch', `data/${victim.path}`],
          ['bagit_checksum_mismatch', `data/${victim.path}`],
        ]);
      }),
      { numRuns: 30 },
    );
  });
});
