import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBagPath, encodeBagPath, manifestKind, parseFetch, parseManifest, resolveBagPath } from './manifest-lines.ts';
import { bagInfoElement, decodeTagFile, infoValues, parseBagInfo, parseDeclaration } from './tag-text.ts';

describe('bag declaration (RFC 8493 §2.1.1)', () => {
  it('reads the version and the encoding, whatever the line endings', () => {
    expect(parseDeclaration(Buffer.from('BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8'))).toEqual({ version: '1.0', encoding: 'UTF-8' });
    expect(parseDeclaration(Buffer.from('BagIt-version: 0.97\rTag-File-Character-Encoding: UTF-16\r'))).toEqual({ version: '0.97', encoding: 'UTF-16' });
  });

  it('refuses a third line, a line out of order and a missing space', () => {
    expect(parseDeclaration(Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nExtra: 1\n'))).toEqual({ problem: 'bad_declaration', line: 3 });
    expect(parseDeclaration(Buffer.from('Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n'))).toEqual({ problem: 'bad_declaration', line: 1 });
    expect(parseDeclaration(Buffer.from('BagIt-Version:1.0\nTag-File-Character-Encoding: UTF-8\n'))).toEqual({ problem: 'bad_declaration', line: 1 });
  });
});

describe('tag file encoding (§2.3)', () => {
  it('refuses a UTF-8 BOM from 1.0 and skips it before', () => {
    const withBom = Buffer.from('\uFEFFPayload-Oxum: 1.1\n');
    expect(decodeTagFile(withBom, 'UTF-8', true)).toEqual({ problem: 'bom' });
    expect(decodeTagFile(withBom, 'UTF-8', false)).toEqual({ text: 'Payload-Oxum: 1.1\n' });
  });

  it('reads UTF-16 by its byte-order mark and Latin-1 when declared', () => {
    expect(decodeTagFile(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('ab', 'utf16le').swap16()]), 'UTF-16', false)).toEqual({ text: 'ab' });
    expect(decodeTagFile(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'ISO-8859-1', false)).toEqual({ text: 'café' });
    expect(decodeTagFile(Buffer.from('x'), 'EBCDIC-FANTASY', false)).toEqual({ problem: 'unsupported_encoding' });
  });
});

describe('bag-info.txt (§2.2.2)', () => {
  it('keeps order and repeats, joins continuation lines, and finds reserved labels whatever their case', () => {
    const info = parseBagInfo('Contact-Name: A\nExternal-Description: first\n  second\nContact-Name: B\npayload-oxum: 3.1\n', true);
    expect(info.elements).toEqual([
      ['Contact-Name', 'A'],
      ['External-Description', 'first\nsecond'],
      ['Contact-Name', 'B'],
      ['payload-oxum', '3.1'],
    ]);
    expect(infoValues(info, 'Payload-Oxum')).toEqual(['3.1']);
  });

  it('accepts whitespace around the colon before 1.0 only', () => {
    expect(parseBagInfo('Payload-Oxum  :  3.1\n', false)).toEqual({ elements: [['Payload-Oxum', '3.1']], badLines: [] });
    expect(parseBagInfo('Payload-Oxum  :  3.1\n', true).badLines).toEqual([1]);
  });

  it('writes long values as indented continuation lines and refuses a label with a colon', () => {
    expect(bagInfoElement('External-Description', 'one\ntwo')).toBe('External-Description: one\n  two\n');
    expect(() => bagInfoElement('Bad:Label', 'x')).toThrow(/must not contain/);
  });
});

describe('manifest and fetch lines (§2.1.3, §2.2.3)', () => {
  it('parses checksums in either case and refuses lines of the wrong shape', () => {
    const lines = parseManifest(`${'AB'.repeat(16)}\tdata/a b.txt\n\nnot a line\n${'ab'.repeat(15)} data/short\n`, 32);
    expect(lines).toEqual({ entries: [{ checksum: 'ab'.repeat(16), raw: 'data/a b.txt', line: 1 }], badLines: [3, 4] });
  });

  it('parses fetch lines with a length or "-"', () => {
    expect(parseFetch('https://x.example/a%20b 12 data/a b\nftp://y.example/c - data/c\nrelative 1 data/d\n')).toEqual({
      entries: [
        { url: 'https://x.example/a%20b', length: 12, raw: 'data/a b', line: 1 },
        { url: 'ftp://y.example/c', length: null, raw: 'data/c', line: 2 },
      ],
      badLines: [3],
    });
  });

  it('names manifests and their normalised algorithm', () => {
    expect(manifestKind('manifest-sha512.txt')).toEqual({ kind: 'payload', algorithm: 'sha512' });
    expect(manifestKind('tagmanifest-MD5.txt')).toEqual({ kind: 'tag', algorithm: 'md5' });
    expect(manifestKind('manifest.txt')).toBeNull();
  });

  it('round-trips any path through percent-encoding', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('%', '\n', '\r', '0', '2', '5', 'a', 'A', 'd', 'D', 'é') }), (name) => decodeBagPath(encodeBagPath(name), true) === name));
  });

  it('keeps paths inside the bag (§5.1)', () => {
    expect(resolveBagPath('data/a/../b.txt')).toEqual({ path: 'data/b.txt' });
    for (const escaping of ['../x', 'data/../../x', '/etc/passwd', '~root/x', 'C:/x', '\\\\?\\C:\\x', 'data\\..\\..\\x']) {
      expect(resolveBagPath(escaping), escaping).toEqual({ escapes: true });
    }
  });
});
