/**
 * The PDF side through poppler's command-line tools (poppler-utils): `pdfinfo` to check a PDF
 * opens and count its pages, `pdftoppm` to rasterise one page for OCR. Run asynchronously, so the
 * server answers other requests while a page renders.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PDF written to a private scratch directory for the tools to read, removed afterwards. */
export async function withPdfOnDisk<T>(bytes: Buffer, work: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-scan-'));
  try {
    const file = path.join(dir, 'record.pdf');
    await fs.writeFile(file, bytes);
    return await work(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export type PdfOpening = { ok: true; pages: number } | { ok: false; encrypted: boolean; reason: string };

/** Whether poppler opens the PDF (it repairs a damaged cross-reference table, as viewers do) and its page count. */
export async function openPdf(file: string): Promise<PdfOpening> {
  try {
    const { stdout } = await run('pdfinfo', [file], { encoding: 'utf8', timeout: 60_000 });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
    return pages > 0 ? { ok: true, pages } : { ok: false, encrypted: false, reason: 'no pages' };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    const reason = stderr.split('\n').pop() || (error as Error).message;
    return { ok: false, encrypted: /password/i.test(stderr), reason };
  }
}

/** One page as a greyscale PNG at `dpi` (tesseract reads text best at about 300 dpi). */
export async function rasterisePage(file: string, dir: string, page: number, dpi: number): Promise<Buffer> {
  const root = path.join(dir, `page-${page}`);
  await run('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, root], { timeout: 120_000 });
  try {
    return await fs.readFile(`${root}.png`);
  } finally {
    await fs.rm(`${root}.png`, { force: true });
  }
}
