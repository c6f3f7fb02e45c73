import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../platform/i18n/i18n.ts';
import { multiPageTiff, printedRecord, scannedImage } from '../../../../test/archive/scanned-pages.ts';
import { identifyFormat } from './identify.ts';
import { jpegIntegrity, pngIntegrity } from './integrity.ts';

const page = (words: string) => ({ direction: 'ltr' as const, paragraphs: [words] });
let pdf: Buffer;
let png: Buffer;
let jpeg: Buffer;
let tiff: Buffer;

beforeAll(async () => {
  pdf = await printedRecord([page('Registre des entrées, 1987'), page('Second feuillet')]);
  // 40 dpi: the structure is what matters here, not legibility.
  [png, jpeg] = await Promise.all([scannedImage(pdf, 'png', { dpi: 40 }), scannedImage(pdf, 'jpeg', { dpi: 40 })]);
  tiff = multiPageTiff([await scannedImage(pdf, 'pgm', { dpi: 40 }), await scannedImage(pdf, 'pgm', { page: 2, dpi: 40 })], 40);
});

const refusal = (code: string, params: Record<string, unknown> = {}) => expect.objectContaining({ status: 422, code, params: expect.objectContaining(params) });

describe('identifying a scanned record by its signature', () => {
  it('recognises each accepted format from its bytes, with its PRONOM identifier and page count', async () => {
    await expect(identifyFormat(pdf, { name: 'registre.pdf', mediaType: 'application/pdf' })).resolves.toEqual({ mediaType: 'application/pdf', extension: 'pdf', puid: 'fmt/17', pages: 2 });
    await expect(identifyFormat(png, { name: 'feuillet.PNG' })).resolves.toEqual({ mediaType: 'image/png', extension: 'png', puid: 'fmt/13', pages: 1 });
    // libjpeg writes JFIF 1.01; image/jpg is an alias some scanners' drivers send.
    await expect(identifyFormat(jpeg, { name: 'feuillet.jpeg', mediaType: 'image/jpg' })).resolves.toEqual({ mediaType: 'image/jpeg', extension: 'jpg', puid: 'fmt/43', pages: 1 });
    await expect(identifyFormat(tiff, { name: 'lot-12.tif', mediaType: 'application/octet-stream' })).resolves.toEqual({ mediaType: 'image/tiff', extension: 'tif', puid: 'fmt/353', pages: 2 });
    await expect(identifyFormat(png)).resolves.toMatchObject({ mediaType: 'image/png' });
  });

  it('refuses a file whose extension or declared type says another format, naming the file, the claim and the content', async () => {
    await expect(identifyFormat(png, { name: 'feuillet-3.pdf' })).rejects.toEqual(refusal('archive_format_mismatch', { file: 'feuillet-3.pdf', claimed: '.pdf', detected: 'image/png' }));
    await expect(identifyFormat(pdf, { name: 'registre.tiff' })).rejects.toEqual(refusal('archive_format_mismatch', { file: 'registre.tiff', claimed: '.tiff', detected: 'application/pdf' }));
    await expect(identifyFormat(tiff, { name: 'lot.jpg' })).rejects.toEqual(refusal('archive_format_mismatch', { file: 'lot.jpg', claimed: '.jpg', detected: 'image/tiff' }));
    await expect(identifyFormat(jpeg, { name: 'feuillet.jpg', mediaType: 'image/png' })).rejects.toEqual(refusal('archive_format_mismatch', { file: 'feuillet.jpg', claimed: 'image/png', detected: 'image/jpeg' }));
  });

  it('refuses a text file renamed .pdf', async () => {
    const minutes = Buffer.from('Procès-verbal de la séance du 3 mars 1992\n', 'utf8');
    await expect(identifyFormat(minutes, { name: 'pv-1992.pdf', mediaType: 'application/pdf' })).rejects.toEqual(
      refusal('archive_format_mismatch', { file: 'pv-1992.pdf', claimed: 'application/pdf', detected: 'text/plain' }),
    );
  });

  it('refuses formats other than PDF, TIFF, JPEG and PNG', async () => {
    const gif = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([1, 0, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b])]);
    await expect(identifyFormat(gif, { name: 'tampon.gif' })).rejects.toEqual(refusal('archive_format_not_accepted', { file: 'tampon.gif', detected: 'image/gif' }));
    await expect(identifyFormat(Buffer.from('notes'), { name: 'notes.txt' })).rejects.toEqual(refusal('archive_format_not_accepted', { detected: 'text/plain' }));
    // Both the claim and the content are refused formats: the refusal says so rather than compare them.
    await expect(identifyFormat(Buffer.from('a;b\n'), { name: 'liste.csv', mediaType: 'text/csv' })).rejects.toEqual(refusal('archive_format_not_accepted', { file: 'liste.csv', detected: 'text/plain' }));
  });

  it('refuses JPEG, PNG, PDF and TIFF files cut short, with the reason', async () => {
    for (const [name, bytes] of [['a.jpg', jpeg], ['a.png', png], ['a.pdf', pdf], ['a.tif', tiff]] as const) {
      const cut = bytes.subarray(0, Math.floor(bytes.length * 0.7));
      await expect(identifyFormat(cut, { name })).rejects.toEqual(expect.objectContaining({ code: 'archive_file_truncated', params: { file: name }, details: { reason: expect.any(String) } }));
    }
    await expect(identifyFormat(Buffer.alloc(0), { name: 'vide.pdf' })).rejects.toEqual(refusal('archive_file_truncated', { file: 'vide.pdf' }));
  });

  it('refuses a JPEG or PNG cut at any point', () => {
    fc.assert(fc.property(fc.integer({ min: 8, max: png.length - 1 }), (end) => !pngIntegrity(png.subarray(0, end)).ok));
    fc.assert(fc.property(fc.integer({ min: 4, max: jpeg.length - 1 }), (end) => !jpegIntegrity(jpeg.subarray(0, end)).ok));
  });

  it('refuses damaged files whose signature is right', async () => {
    const damagedPng = Buffer.from(png);
    damagedPng[18] = (damagedPng[18] ?? 0) ^ 0xff; // a byte of IHDR's width: its CRC no longer matches
    await expect(identifyFormat(damagedPng, { name: 'b.png' })).rejects.toEqual(refusal('archive_file_corrupt', { file: 'b.png' }));
    const hollowPdf = Buffer.from('%PDF-1.4\nthis was never a document\n%%EOF\n', 'latin1');
    await expect(identifyFormat(hollowPdf, { name: 'c.pdf' })).rejects.toEqual(refusal('archive_file_corrupt', { file: 'c.pdf' }));
    const loopingTiff = Buffer.from(tiff);
    loopingTiff.writeUInt32LE(4, 4); // the first directory points into the header
    await expect(identifyFormat(loopingTiff, { name: 'd.tif' })).rejects.toEqual(refusal('archive_file_corrupt', { file: 'd.tif' }));
  });

  it('explains every refusal in French, Arabic and English', () => {
    const codes = ['archive_format_mismatch', 'archive_format_not_accepted', 'archive_file_truncated', 'archive_file_corrupt', 'archive_file_encrypted', 'archive_ocr_failed', 'archive_ocr_language_not_available'];
    for (const locale of ['fr', 'ar', 'en'] as const) {
      for (const code of codes) {
        const message = translate(locale, `errors.${code}`, { file: 'scan.pdf', claimed: '.pdf', detected: 'image/png', page: 2, language: 'deu' });
        expect(message, `${locale} ${code}`).not.toBe(`errors.${code}`);
        expect(message).not.toContain('{{');
      }
    }
  });
});
