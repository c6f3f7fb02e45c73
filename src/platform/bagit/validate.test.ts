import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateBag } from './validate.ts';
import { checksum, DECLARATION_0_97, DECLARATION_1_0, handBuiltBag, manifestFor, validBagFiles } from './test-bags.ts';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

async function verdictOf(files: Record<string, string | Buffer>) {
  const root = await handBuiltBag(files);
  made.push(root);
  return validateBag(root);
}

/** The bag is refused with exactly this one problem (code and file). */
async function expectRefused(files: Record<string, string | Buffer>, code: string, file?: string) {
  const verdict = await verdictOf(files);
  expect(verdict.valid).toBe(false);
  expect(verdict.problems.map((p) => [p.code, p.file])).toEqual([[code, file]]);
  return verdict.problems[0];
}

const SHA256_LETTER = checksum('sha256', 'Import licence KD-2026-0001\n');

describe('validateBag: valid bags', () => {
  it('accepts a complete 1.0 bag and measures its payload', async () => {
    const verdict = await verdictOf(validBagFiles());
    expect(verdict).toEqual({ valid: true, version: '1.0', problems: [], payload: { files: 2, bytes: 36 } });
  });

  it('accepts CRLF and CR line endings and tab separators', async () => {
    const verdict = await verdictOf(
      validBagFiles((files) => {
        files['bagit.txt'] = 'BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8\r\n';
        files['manifest-sha256.txt'] = (files['manifest-sha256.txt'] as string).replaceAll('\n', '\r').replace(/ data\//g, '\tdata/');
        files['bag-info.txt'] = 'Bagging-Date: 2026-11-24\r\nPayload-Oxum: 36.2\r\n';
      }),
    );
    expect(verdict.problems).toEqual([]);
  });

  it('decodes %0A, %0D and %25 in manifest paths', async () => {
    const name = 'data/100%\nsure.txt';
    const verdict = await verdictOf({ 'bagit.txt': DECLARATION_1_0, [name]: 'x', 'manifest-sha512.txt': `${checksum('sha512', 'x')} data/100%25%0Asure.txt\n` });
    expect(verdict.problems).toEqual([]);
  });

  it('accepts a 0.97 bag with an md5 manifest, md5sum-style double spaces and a file listed in one manifest only', async () => {
    const payload = { 'data/a.txt': 'a', 'data/b.txt': 'b' };
    const verdict = await verdictOf({ 'bagit.txt': DECLARATION_0_97, ...payload, 'manifest-md5.txt': manifestFor('md5', payload, '  '), 'manifest-sha1.txt': manifestFor('sha1', { 'data/a.txt': 'a' }) });
    expect(verdict).toMatchObject({ valid: true, version: '0.97' });
  });

  it('reads 0.97 tag files in the declared UTF-16 encoding', async () => {
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
    const payload = { 'data/é.txt': 'e' };
    const verdict = await verdictOf({ 'bagit.txt': 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-16BE\n', ...payload, 'manifest-md5.txt': utf16be(manifestFor('md5', payload)) });
    expect(verdict.problems).toEqual([]);
  });
  it('matches names across Unicode normalisation forms (§6.1.1.3)', async () => {
    const decomposed = 'data/Nu\u0301n\u0303ez.txt';
    const verdict = await verdictOf({ 'bagit.txt': DECLARATION_1_0, [decomposed]: 'n', 'manifest-sha256.txt': `${checksum('sha256', 'n')} ${decomposed.normalize('NFC')}\n` });
    expect(verdict.problems).toEqual([]);
  });
});

describe('validateBag: refused bags name the defect and the file', () => {
  it('refuses a directory without bagit.txt', async () => {
    await expectRefused(validBagFiles((files) => delete files['bagit.txt']), 'bagit_missing_bagit_txt', 'bagit.txt');
  });

  it('refuses a declaration with whitespace before the colon', async () => {
    await expectRefused(validBagFiles((files) => (files['bagit.txt'] = 'BagIt-Version : 1.0\nTag-File-Character-Encoding : UTF-8\n')), 'bagit_bad_declaration', 'bagit.txt');
  });

  it('refuses a declaration with a byte-order mark', async () => {
    await expectRefused(validBagFiles((files) => (files['bagit.txt'] = `\uFEFF${files['bagit.txt'] as string}`)), 'bagit_bom', 'bagit.txt');
  });

  it('refuses a 1.0 manifest with a byte-order mark', async () => {
    await expectRefused(validBagFiles((files) => (files['manifest-sha256.txt'] = `\uFEFF${files['manifest-sha256.txt'] as string}`)), 'bagit_bom', 'manifest-sha256.txt');
  });

  it('refuses an unknown BagIt version', async () => {
    await expectRefused(validBagFiles((files) => (files['bagit.txt'] = 'BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n')), 'bagit_unsupported_version', 'bagit.txt');
  });

  it('refuses a manifest that is not valid text in the declared encoding', async () => {
    await expectRefused(validBagFiles((files) => (files['bag-info.txt'] = Buffer.from([0x50, 0xff, 0xfe, 0x0a]))), 'bagit_bad_encoding', 'bag-info.txt');
  });

  it('refuses a bag without a payload manifest', async () => {
    const verdict = await verdictOf(validBagFiles((files) => delete files['manifest-sha256.txt']));
    expect(verdict.problems.map((p) => p.code)).toContain('bagit_missing_manifest');
  });

  it('refuses a manifest of an unsupported algorithm', async () => {
    await expectRefused(validBagFiles((files) => (files['manifest-whirlpool.txt'] = '')), 'bagit_unsupported_algorithm', 'manifest-whirlpool.txt');
  });

  it('refuses a manifest line whose checksum is not of the algorithm', async () => {
    await expectRefused(validBagFiles((files) => (files['manifest-sha256.txt'] += 'abc123 data/letter.txt\n')), 'bagit_bad_manifest_line', 'manifest-sha256.txt');
  });

  it('refuses a path leaving the bag with ".."', async () => {
    const problem = await expectRefused(validBagFiles((files) => (files['manifest-sha256.txt'] += `${SHA256_LETTER} data/../../etc/passwd\n`)), 'bagit_path_escapes', 'data/../../etc/passwd');
    expect(problem?.message).toBe('manifest-sha256.txt line 3: data/../../etc/passwd points outside the bag');
  });

  it('refuses absolute and home-directory paths', async () => {
    const verdict = await verdictOf(validBagFiles((files) => (files['tagmanifest-sha256.txt'] = `${SHA256_LETTER} /etc/passwd\n${SHA256_LETTER} ~root/.profile\n`)));
    expect(verdict.problems.filter((p) => p.code === 'bagit_path_escapes').map((p) => p.file)).toEqual(['/etc/passwd', '~root/.profile']);
  });

  it('refuses a symbolic link leading outside the bag', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-outside-'));
    made.push(outside);
    const root = await handBuiltBag(validBagFiles());
    made.push(root);
    await fs.symlink(outside, path.join(root, 'data', 'elsewhere'));
    const verdict = await validateBag(root);
    expect(verdict.problems.map((p) => [p.code, p.file])).toEqual([['bagit_link_escapes', 'data/elsewhere']]);
  });

  it('refuses a payload manifest listing a tag file', async () => {
    await expectRefused(validBagFiles((files) => (files['manifest-sha256.txt'] += `${checksum('sha256', files['bagit.txt'] as string)} bagit.txt\n`)), 'bagit_manifest_outside_payload', 'bagit.txt');
  });

  it('refuses a tag manifest listing a payload file', async () => {
    await expectRefused(validBagFiles((files) => (files['tagmanifest-sha256.txt'] = `${manifestFor('sha256', { 'manifest-sha256.txt': files['manifest-sha256.txt'] as string })}${SHA256_LETTER} data/letter.txt\n`)), 'bagit_tag_manifest_lists_payload', 'data/letter.txt');
  });

  it('refuses a tag manifest that does not list every payload manifest', async () => {
    await expectRefused(validBagFiles((files) => (files['tagmanifest-sha256.txt'] = manifestFor('sha256', { 'bagit.txt': files['bagit.txt'] as string }))), 'bagit_tag_manifest_incomplete', 'manifest-sha256.txt');
  });

  it('refuses a manifest listing the same file twice', async () => {
    const problem = await expectRefused(validBagFiles((files) => (files['manifest-sha256.txt'] += `${SHA256_LETTER} data/./letter.txt\n`)), 'bagit_duplicate_entry', 'data/letter.txt');
    expect(problem?.params).toMatchObject({ first: 1, line: 3 });
  });

  it('refuses a manifest listing a file that is not there', async () => {
    const problem = await expectRefused(validBagFiles((files) => (files['manifest-sha256.txt'] += `${SHA256_LETTER} data/annex.pdf\n`)), 'bagit_missing_file', 'data/annex.pdf');
    expect(problem?.message).toBe('data/annex.pdf is listed in manifest-sha256.txt (line 3) but is not in the bag');
  });

  it('refuses a tag manifest listing a tag file that is not there', async () => {
    await expectRefused(validBagFiles((files) => (files['tagmanifest-sha256.txt'] = `${manifestFor('sha256', { 'manifest-sha256.txt': files['manifest-sha256.txt'] as string })}${SHA256_LETTER} metadata/premis.xml\n`)), 'bagit_missing_file', 'metadata/premis.xml');
  });

  it('refuses a manifest listing a directory', async () => {
    await expectRefused(validBagFiles((files) => (files['manifest-sha256.txt'] += `${SHA256_LETTER} data/scans\n`)), 'bagit_listed_directory', 'data/scans');
  });

  it('refuses a payload file no manifest lists', async () => {
    await expectRefused(validBagFiles((files) => { files['data/extra.bin'] = ''; files['bag-info.txt'] = 'Payload-Oxum: 36.3\n'; }), 'bagit_unlisted_file', 'data/extra.bin');
  });

  it('refuses, from 1.0, a payload file missing from one of two manifests', async () => {
    const problem = await expectRefused(validBagFiles((files) => (files['manifest-md5.txt'] = manifestFor('md5', { 'data/letter.txt': files['data/letter.txt'] as string }))), 'bagit_unlisted_file', 'data/scans/page 1.txt');
    expect(problem?.params?.manifest).toBe('manifest-md5.txt');
  });

  it('refuses a payload file whose content changed', async () => {
    const problem = await expectRefused(validBagFiles((files) => (files['data/scans/page 1.txt'] = 'page 0ne')), 'bagit_checksum_mismatch', 'data/scans/page 1.txt');
    expect(problem?.params).toMatchObject({ manifest: 'manifest-sha256.txt', algorithm: 'sha256', expected: checksum('sha256', 'page one') });
  });

  it('refuses a tag file whose content changed', async () => {
    const files = validBagFiles();
    files['bag-info.txt'] = 'Bagging-Date: 2026-11-25\nPayload-Oxum: 36.2\n';
    await expectRefused(files, 'bagit_checksum_mismatch', 'bag-info.txt');
  });

  it('refuses a Payload-Oxum that does not add up', async () => {
    const problem = await expectRefused(validBagFiles((files) => (files['bag-info.txt'] = 'Payload-Oxum: 37.2\n')), 'bagit_oxum_mismatch', 'bag-info.txt');
    expect(problem?.params).toMatchObject({ expected: '37.2', actual: '36.2' });
  });

  it('refuses a malformed or repeated Payload-Oxum', async () => {
    await expectRefused(validBagFiles((files) => (files['bag-info.txt'] = 'Payload-Oxum: 36 bytes\n')), 'bagit_bad_oxum', 'bag-info.txt');
    await expectRefused(validBagFiles((files) => (files['bag-info.txt'] = 'Payload-Oxum: 36.2\nPayload-oxum: 36.2\n')), 'bagit_repeated_oxum', 'bag-info.txt');
  });

  it('refuses a bag-info line that is not an element', async () => {
    await expectRefused(validBagFiles((files) => (files['bag-info.txt'] = 'Payload-Oxum: 36.2\nno colon here\n')), 'bagit_bad_bag_info', 'bag-info.txt');
  });

  it('refuses, from 1.0, a raw "%" in a manifest path', async () => {
    await expectRefused(validBagFiles((files) => (files['manifest-sha256.txt'] += `${SHA256_LETTER} data/100%.txt\n`)), 'bagit_bad_percent_encoding', 'data/100%.txt');
  });

  it('reports a bag whose fetch.txt items are not downloaded yet as incomplete', async () => {
    const problem = await expectRefused(
      validBagFiles((files) => {
        files['manifest-sha256.txt'] += `${SHA256_LETTER} data/remote.tif\n`;
        files['fetch.txt'] = 'https://archives.example/remote.tif 216951362 data/remote.tif\n';
      }),
      'bagit_fetch_incomplete',
      'data/remote.tif',
    );
    expect(problem?.params?.url).toBe('https://archives.example/remote.tif');
  });

  it('refuses fetch.txt lines without an absolute URL, and items missing from a manifest', async () => {
    const verdict = await verdictOf(validBagFiles((files) => (files['fetch.txt'] = 'remote.tif - data/remote.tif\nhttps://a.example/x 10 data/letter.txt\nhttps://a.example/y - data/y.txt\n')));
    expect(verdict.problems.map((p) => [p.code, p.file])).toEqual([
      ['bagit_bad_fetch_line', 'fetch.txt'],
      ['bagit_fetch_incomplete', 'data/y.txt'],
      ['bagit_fetch_unlisted', 'data/y.txt'],
    ]);
  });

  it('reports a tag file it cannot read instead of failing', async () => {
    const root = await handBuiltBag(validBagFiles());
    made.push(root);
    await fs.mkdir(path.join(root, 'manifest-md5.txt'));
    const verdict = await validateBag(root);
    expect(verdict.problems.map((p) => [p.code, p.file])).toEqual([['bagit_unreadable', 'manifest-md5.txt']]);
  });

  it('refuses a tag manifest entry that is a symbolic link out of the bag', async () => {
    const secret = path.join(os.tmpdir(), `guichet-secret-${process.pid}.txt`);
    await fs.writeFile(secret, 'secret');
    made.push(secret);
    const root = await handBuiltBag(validBagFiles((files) => (files['tagmanifest-sha256.txt'] = manifestFor('sha256', { 'manifest-sha256.txt': files['manifest-sha256.txt'] as string, 'notes.txt': 'secret' }))));
    made.push(root);
    await fs.symlink(secret, path.join(root, 'notes.txt'));
    const verdict = await validateBag(root);
    expect(verdict.problems.map((p) => [p.code, p.file])).toEqual([['bagit_link_escapes', 'notes.txt']]);
  });

  it('refuses a bag without a data directory', async () => {
    const root = await handBuiltBag({ 'bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'manifest-sha256.txt': '' });
    made.push(root);
    await fs.rm(path.join(root, 'data'), { recursive: true });
    const verdict = await validateBag(root);
    expect(verdict.problems.map((p) => [p.code, p.file])).toEqual([['bagit_missing_payload_dir', 'data/']]);
  });
});
