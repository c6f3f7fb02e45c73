import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTextRecogniser, identifyFormat, type OcrProgress, type TextRecogniser } from '../../src/modules/archive/scanned/index.ts';
import { multiPageTiff, printedRecord, scannedImage } from './scanned-pages.ts';

const FRENCH = {
  direction: 'ltr' as const,
  paragraphs: [
    'Préfecture de la région du Littoral',
    'Le dossier de dédouanement des marchandises arrivées au port a été transmis au bureau des archives le douze mars mille neuf cent quatre-vingt-sept.',
  ],
};
const FRENCH_SECOND = { direction: 'ltr' as const, paragraphs: ['Registre des transports maritimes', 'Le capitaine signe le manifeste du navire avant le départ.'] };
const ARABIC = {
  direction: 'rtl' as const,
  paragraphs: ['الأرشيف الوطني', 'أرسلت إدارة الجمارك ملف البضائع إلى مكتب الأرشيف في شهر مارس.'],
};
const ENGLISH = { direction: 'ltr' as const, paragraphs: ['Bonded warehouse register', 'The inspector sealed the warehouse after counting the crates.'] };

/** Text as search compares it: NFC, lower case; for Arabic, no tatweel, no harakat, one alef. */
function searchable(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\p{Mn}|\u0640/gu, '')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627');
}

let languageDir: string;
let recogniser: TextRecogniser;
const timings: string[] = [];

beforeAll(async () => {
  languageDir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-ocr-'));
  recogniser = createTextRecogniser({ languageDir, dpi: 200 });
});
afterAll(async () => {
  await recogniser?.close();
  await fs.rm(languageDir, { recursive: true, force: true });
  if (process.env.OCR_TIMINGS) process.stdout.write(`\nOCR timings\n${timings.join('\n')}\n`);
});

async function timed<T>(label: string, pages: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  timings.push(`${label}: ${Math.round((performance.now() - started) / pages)} ms per page (${pages} page(s))`);
  return result;
}

describe('reading scanned records with OCR, offline', () => {
  it('finds a known word on a scanned French page', async () => {
    const png = await scannedImage(await printedRecord([FRENCH]), 'png', { dpi: 200 });
    const identified = await identifyFormat(png, { name: 'prefecture-1987.png' });
    const { pages } = await timed('French PNG 200 dpi (first page: worker start included)', 1, () => recogniser.recogniseText({ bytes: png, mediaType: identified.mediaType }, ['fra']));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.number).toBe(1);
    expect(searchable(pages[0]?.text ?? '')).toContain('dédouanement');
    expect(searchable(pages[0]?.text ?? '')).toContain('préfecture');
    expect(pages[0]?.confidence).toBeGreaterThan(70);
    // The language data came from the npm packages, linked here; nothing was downloaded or cached.
    expect((await fs.readdir(languageDir)).sort()).toEqual(['ara.traineddata.gz', 'eng.traineddata.gz', 'fra.traineddata.gz']);
  }, 180_000);

  it('finds a known word on a scanned Arabic page', async () => {
    const jpeg = await scannedImage(await printedRecord([ARABIC]), 'jpeg', { dpi: 200 });
    const { pages } = await timed('Arabic JPEG 200 dpi (worker start included)', 1, () => recogniser.recogniseText({ bytes: jpeg, mediaType: 'image/jpeg' }, ['ara']));
    const text = searchable(pages[0]?.text ?? '');
    expect(text).toContain('الجمارك');
    expect(text).toContain('الارشيف');
  }, 180_000);

  it('reads a PDF page by page, each word on its own page, reporting progress', async () => {
    const pdf = await printedRecord([FRENCH, ENGLISH]);
    const progress: OcrProgress[] = [];
    const { pages } = await timed('PDF rasterised at 200 dpi, fra+eng', 2, () =>
      recogniser.recogniseText({ bytes: pdf, mediaType: 'application/pdf' }, ['fra', 'eng'], (p) => progress.push(p)),
    );
    expect(pages.map((p) => p.number)).toEqual([1, 2]);
    expect(searchable(pages[0]?.text ?? '')).toContain('dédouanement');
    expect(searchable(pages[0]?.text ?? '')).not.toContain('warehouse');
    expect(searchable(pages[1]?.text ?? '')).toContain('warehouse');
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ page: 2, pages: 2, fraction: 1 });
    expect(progress.some((p) => p.page === 2 && p.fraction > 0.5 && p.fraction < 1)).toBe(true);
  }, 240_000);

  it('reads every page of a multi-page TIFF', async () => {
    const pdf = await printedRecord([FRENCH, FRENCH_SECOND]);
    const tiff = multiPageTiff([await scannedImage(pdf, 'pgm', { dpi: 200 }), await scannedImage(pdf, 'pgm', { page: 2, dpi: 200 })]);
    const { pages } = await timed('TIFF 200 dpi, fra (worker reused)', 2, () => recogniser.recogniseText({ bytes: tiff, mediaType: 'image/tiff' }, ['fra']));
    expect(pages).toHaveLength(2);
    expect(searchable(pages[0]?.text ?? '')).toContain('dédouanement');
    expect(searchable(pages[1]?.text ?? '')).toContain('manifeste');
    expect(searchable(pages[1]?.text ?? '')).not.toContain('dédouanement');
  }, 240_000);

  it('serves several records at once, across more language sets than it keeps workers for', async () => {
    const [french, english] = await Promise.all([printedRecord([FRENCH_SECOND]), printedRecord([ENGLISH])]);
    const [frenchPng, englishPng] = await Promise.all([scannedImage(french, 'png'), scannedImage(english, 'png')]);
    const read = (bytes: Buffer, languages: Parameters<TextRecogniser['recogniseText']>[1]) =>
      recogniser.recogniseText({ bytes, mediaType: 'image/png' }, languages).then((r) => searchable(r.pages[0]?.text ?? ''));
    // Four language sets for three workers: the least recently used one is ended and started again when needed.
    const texts = await Promise.all([
      read(frenchPng, ['fra']),
      read(englishPng, ['eng']),
      read(frenchPng, ['fra', 'ara']),
      read(englishPng, ['eng', 'fra']),
      read(englishPng, ['fra']),
      read(frenchPng, ['eng']),
    ]);
    expect(texts.map((text) => (text.includes('manifeste') ? 'fr' : text.includes('warehouse') ? 'en' : '?'))).toEqual(['fr', 'en', 'fr', 'en', 'en', 'fr']);
  }, 240_000);

  it('refuses a language it has no data for', async () => {
    await expect(recogniser.recogniseText({ bytes: Buffer.alloc(1), mediaType: 'image/png' }, ['deu' as never])).rejects.toMatchObject({
      status: 400,
      code: 'archive_ocr_language_not_available',
      params: { language: 'deu' },
    });
  });
});
