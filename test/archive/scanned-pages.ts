/**
 * Scanned paper records for tests, made rather than stored: a page is typeset in a PDF (Noto
 * Sans, Arabic shaped right to left by the documents module's typesetter), made to look scanned
 * (slightly askew, a greyish sheet, specks of dust), then printed to an image with pdftoppm.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { documentFonts } from '../../src/modules/documents/pdf/fonts.ts';
import { typesetter } from '../../src/modules/documents/pdf/typesetting.ts';

const run = promisify(execFile);
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 64;

export interface PrintedPage {
  direction: 'ltr' | 'rtl';
  paragraphs: string[];
}

/**
 * Where dust falls: the R2 low-discrepancy sequence (Roberts, 2018), spread evenly over the sheet
 * and the same on every run; `seed` shifts it so pages differ.
 */
function dust(count: number, seed: number): { x: number; y: number; r: number }[] {
  const [a, b] = [0.7548776662466927, 0.5698402909980532];
  return Array.from({ length: count }, (_, i) => ({
    x: ((seed * 0.31 + i * a) % 1) * A4.width,
    y: ((seed * 0.17 + i * b) % 1) * A4.height,
    r: 0.3 + ((i * 0.618034) % 1) * 0.6,
  }));
}

/** A PDF of one page per entry, each looking like a sheet that went through a scanner. */
export async function printedRecord(pages: PrintedPage[]): Promise<Buffer> {
  const fonts = documentFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 0, font: fonts.latin.regular as never, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  pages.forEach((page, index) => {
    doc.addPage();
    doc.rect(0, 0, A4.width, A4.height).fill('#f1efe8');
    for (const speck of dust(400, index + 1)) doc.circle(speck.x, speck.y, speck.r).fill('#6b6b6b');
    doc.save();
    doc.rotate(0.6, { origin: [A4.width / 2, A4.height / 2] });
    const type = typesetter(doc, fonts, page.direction);
    const style = { size: 13, color: '#1a1a1a' };
    let baseline = MARGIN + 20;
    for (const paragraph of page.paragraphs) {
      for (const line of type.lines(paragraph, style, A4.width - 2 * MARGIN)) {
        type.draw(line, style, { x: MARGIN, width: A4.width - 2 * MARGIN, baseline });
        baseline += 21;
      }
      baseline += 12;
    }
    doc.restore();
  });
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

async function inScratch<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-scanned-'));
  try {
    return await work(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** One page of a PDF as a scanner would deliver it: PNG, JPEG, or a greyscale PGM (raw pixels). */
export function scannedImage(pdf: Buffer, format: 'png' | 'jpeg' | 'pgm', options: { page?: number; dpi?: number } = {}): Promise<Buffer> {
  const page = String(options.page ?? 1);
  return inScratch(async (dir) => {
    await fs.writeFile(path.join(dir, 'in.pdf'), pdf);
    const flag = format === 'pgm' ? '-gray' : `-${format}`;
    await run('pdftoppm', ['-r', String(options.dpi ?? 200), flag, '-singlefile', '-f', page, '-l', page, path.join(dir, 'in.pdf'), path.join(dir, 'out')]);
    const written = (await fs.readdir(dir)).find((name) => name.startsWith('out.'));
    if (!written) throw new Error('pdftoppm wrote nothing');
    return fs.readFile(path.join(dir, written));
  });
}

/**
 * A multi-page greyscale TIFF (TIFF 6.0, uncompressed, one strip per page) from PGM pages, as a
 * sheet-feed scanner writes a batch: each page's pixels, then its directory, chained.
 */
export function multiPageTiff(pgms: Buffer[], dpi = 200): Buffer {
  const parts: Buffer[] = [];
  let size = 8;
  const header = Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0]);
  parts.push(header);
  let previousNext = 4; // where the offset of the next directory is written
  const patches: [number, number][] = [];
  for (const pgm of pgms) {
    const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!match) throw new Error('not a binary 8-bit PGM');
    const [width, height] = [Number(match[1]), Number(match[2])];
    const pixels = pgm.subarray(match[0].length, match[0].length + width * height);
    const pixelsAt = size;
    parts.push(pixels);
    size += pixels.length + (pixels.length % 2); // directories start on a word boundary
    if (pixels.length % 2) parts.push(Buffer.alloc(1));
    const resolutionAt = size;
    const resolution = Buffer.alloc(8);
    resolution.writeUInt32LE(dpi, 0);
    resolution.writeUInt32LE(1, 4);
    parts.push(resolution);
    size += 8;
    const entries: [number, number, number, number][] = [
      [256, 4, 1, width],
      [257, 4, 1, height],
      [258, 3, 1, 8],
      [259, 3, 1, 1], // no compression
      [262, 3, 1, 1], // black is zero
      [273, 4, 1, pixelsAt],
      [277, 3, 1, 1],
      [278, 4, 1, height],
      [279, 4, 1, pixels.length],
      [282, 5, 1, resolutionAt],
      [283, 5, 1, resolutionAt],
      [296, 3, 1, 2], // inches
    ];
    const directory = Buffer.alloc(2 + entries.length * 12 + 4);
    directory.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], i) => {
      const at = 2 + i * 12;
      directory.writeUInt16LE(tag, at);
      directory.writeUInt16LE(type, at + 2);
      directory.writeUInt32LE(count, at + 4);
      if (type === 3) directory.writeUInt16LE(value, at + 8);
      else directory.writeUInt32LE(value, at + 8);
    });
    patches.push([previousNext, size]);
    previousNext = size + 2 + entries.length * 12;
    parts.push(directory);
    size += directory.length;
  }
  const tiff = Buffer.concat(parts);
  for (const [at, value] of patches) tiff.writeUInt32LE(value, at);
  return tiff;
}
