/**
 * Reading the text of a scanned record, page by page, so it can be searched: images as they are,
 * each page of a multi-page TIFF in turn, and each page of a PDF rasterised first (pdftoppm).
 */
import { AppError } from '../../../platform/http/errors.ts';
import { integrityRefusal } from './identify.ts';
import { createOcrEngine, OCR_LANGUAGES, type OcrLanguage } from './ocr-engine.ts';
import { openPdf, rasterisePage, withPdfOnDisk } from './poppler.ts';
import { tiffPage, tiffPages } from './tiff.ts';

export interface RecognisedPage {
  /** From 1, in the file's order. */
  number: number;
  text: string;
  /** Tesseract's mean word confidence, 0–100: low values flag pages to check by eye. */
  confidence: number;
}

export interface RecognisedText {
  pages: RecognisedPage[];
}

export interface OcrProgress {
  /** The page being read, from 1. */
  page: number;
  pages: number;
  /** Of the whole file, 0 to 1. */
  fraction: number;
}

export interface ScannedFile {
  bytes: Buffer;
  /** As identifyFormat found it. */
  mediaType: string;
  /** The uploaded name, quoted in refusals. */
  name?: string;
}

export interface TextRecogniser {
  recogniseText(file: ScannedFile, languages: readonly OcrLanguage[], onProgress?: (progress: OcrProgress) => void): Promise<RecognisedText>;
  /** Ends the OCR workers; call on shutdown. */
  close(): Promise<void>;
}

export interface TextRecogniserOptions {
  /** Where the language data is linked for tesseract (DATA_DIR/ocr). */
  languageDir: string;
  /** Resolution PDF pages are rasterised at; 300 dpi by default, what tesseract is trained for. */
  dpi?: number;
}

/** The pages of a file as images, produced one at a time so a long PDF is never all in memory. */
interface PageImages {
  count: number;
  image(number: number): Promise<Buffer>;
}

export function createTextRecogniser(options: TextRecogniserOptions): TextRecogniser {
  const engine = createOcrEngine({ languageDir: options.languageDir });
  const dpi = options.dpi ?? 300;

  async function readPages(pages: PageImages, languages: readonly OcrLanguage[], onProgress?: (progress: OcrProgress) => void): Promise<RecognisedText> {
    const read: RecognisedPage[] = [];
    for (let number = 1; number <= pages.count; number += 1) {
      const report = (within: number) => onProgress?.({ page: number, pages: pages.count, fraction: (number - 1 + within) / pages.count });
      report(0);
      const image = await pages.image(number);
      try {
        const { text, confidence } = await engine.read(image, languages, report);
        read.push({ number, text, confidence });
      } catch (error) {
        throw new AppError(422, 'archive_ocr_failed', { page: number }, { reason: String(error instanceof Error ? error.message : error) });
      }
    }
    onProgress?.({ page: pages.count, pages: pages.count, fraction: 1 });
    return { pages: read };
  }

  async function recogniseText(file: ScannedFile, languages: readonly OcrLanguage[], onProgress?: (progress: OcrProgress) => void): Promise<RecognisedText> {
    const unknown = languages.find((language) => !OCR_LANGUAGES.includes(language));
    if (languages.length === 0 || unknown !== undefined) throw new AppError(400, 'archive_ocr_language_not_available', { language: unknown ?? '' });
    switch (file.mediaType) {
      case 'image/png':
      case 'image/jpeg':
        return readPages({ count: 1, image: async () => file.bytes }, languages, onProgress);
      case 'image/tiff': {
        const found = tiffPages(file.bytes);
        if (!found.ok) throw integrityRefusal(found, file.name ?? '');
        const { directories } = found;
        return readPages({ count: directories.length, image: async (n) => tiffPage(file.bytes, directories[n - 1] ?? 0) }, languages, onProgress);
      }
      case 'application/pdf':
        return withPdfOnDisk(file.bytes, async (path, dir) => {
          const opened = await openPdf(path);
          if (!opened.ok) throw integrityRefusal({ ok: false, problem: 'corrupt', reason: opened.reason }, file.name ?? '');
          return readPages({ count: opened.pages, image: (n) => rasterisePage(path, dir, n, dpi) }, languages, onProgress);
        });
      default:
        throw new AppError(422, 'archive_format_not_accepted', { file: file.name ?? '', detected: file.mediaType });
    }
  }

  return { recogniseText, close: engine.close };
}
