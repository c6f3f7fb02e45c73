/**
 * Tesseract (tesseract.js, WebAssembly in worker threads) with its language data from npm
 * (@tesseract.js-data/fra, eng, ara): nothing is fetched at run time. One worker per language set,
 * created on first use and kept: loading a language's model takes longer than reading a page.
 * A worker reads one page at a time, so its pages queue behind one another.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import Tesseract from 'tesseract.js';

export const OCR_LANGUAGES = ['fra', 'eng', 'ara'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

/** Workers kept at once: each holds the WebAssembly engine and its models (35–70 MB measured, more while a page is read). */
const MAX_WORKERS = 3;

// The packages ship two folders per language: 4.0.0 (the legacy engine's data and the LSTM model)
// and 4.0.0_best_int (the LSTM model alone). Only the LSTM engine runs here, and both folders'
// LSTM models read our test pages to the same letter at the same speed: the smaller file loads faster.
const MODEL = '4.0.0_best_int';

export interface RecognisedImage {
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
}

export interface OcrEngine {
  /** Reads the text of one page image (PNG, JPEG or TIFF bytes), in the languages given, main language first. */
  read(image: Buffer, languages: readonly OcrLanguage[], onProgress?: (fraction: number) => void): Promise<RecognisedImage>;
  /** Ends every worker thread (on shutdown). */
  close(): Promise<void>;
}

interface PooledWorker {
  worker: Tesseract.Worker;
  /** The page in progress, chained so the next one starts after it. */
  turn: Promise<unknown>;
  onProgress: ((fraction: number) => void) | undefined;
  /** Set when evicted: pages already queued finish, then the thread ends. */
  retired: boolean;
}

const require = createRequire(import.meta.url);

/**
 * tesseract.js takes one directory (`langPath`) holding `<code>.traineddata.gz`, while each
 * package holds its own language: `languageDir` gets a link to each, made atomically (link to a
 * fresh name, then rename) so processes starting together do not trip on one another.
 */
async function linkLanguageData(languageDir: string): Promise<void> {
  await fs.mkdir(languageDir, { recursive: true });
  for (const language of OCR_LANGUAGES) {
    const data = path.join(path.dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), MODEL, `${language}.traineddata.gz`);
    const link = path.join(languageDir, `${language}.traineddata.gz`);
    const fresh = `${link}.${randomUUID()}`;
    await fs.symlink(data, fresh);
    await fs.rename(fresh, link);
  }
}

/** `languageDir`: a directory of the platform's own (DATA_DIR/ocr), where the language data is linked. */
export function createOcrEngine(options: { languageDir: string }): OcrEngine {
  const workers = new Map<string, Promise<PooledWorker>>();
  let linked: Promise<void> | undefined;

  async function startWorker(languages: string): Promise<PooledWorker> {
    linked ??= linkLanguageData(options.languageDir).catch((error: unknown) => {
      linked = undefined; // tried again with the next worker (a directory made writable meanwhile)
      throw error;
    });
    await linked;
    const pooled: PooledWorker = { worker: undefined as never, turn: Promise.resolve(), onProgress: undefined, retired: false };
    pooled.worker = await Tesseract.createWorker(languages, Tesseract.OEM.LSTM_ONLY, {
      langPath: options.languageDir,
      gzip: true,
      // The data is read from langPath each time a worker starts; nothing is written anywhere.
      cacheMethod: 'none',
      logger: (message) => {
        if (message.status === 'recognizing text') pooled.onProgress?.(message.progress);
      },
    });
    // Whole pages with columns, headings and stamps: automatic page segmentation (tesseract's PSM 3).
    await pooled.worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO });
    return pooled;
  }

  /** Ends the least recently used worker once its queued pages are read. */
  function evictOldest(): void {
    const [key, oldest] = workers.entries().next().value ?? [];
    if (!key || !oldest) return;
    workers.delete(key);
    void oldest
      .then((pooled) => {
        pooled.retired = true;
        return pooled.turn.then(() => pooled.worker.terminate());
      })
      .catch(() => undefined);
  }

  function workerFor(languages: readonly OcrLanguage[]): Promise<PooledWorker> {
    const key = languages.join('+');
    let worker = workers.get(key);
    if (worker) {
      workers.delete(key); // re-inserted last: the map's order is least recently used first
    } else {
      if (workers.size >= MAX_WORKERS) evictOldest();
      worker = startWorker(key);
      // A worker that failed to start is forgotten, so the next page tries again.
      worker.catch(() => {
        if (workers.get(key) === worker) workers.delete(key);
      });
    }
    workers.set(key, worker);
    return worker;
  }

  async function read(image: Buffer, languages: readonly OcrLanguage[], onProgress?: (fraction: number) => void): Promise<RecognisedImage> {
    let pooled = await workerFor(languages);
    // Evicted while this page waited for it to start: take the language set's new worker.
    while (pooled.retired) pooled = await workerFor(languages);
    const result = pooled.turn.then(async () => {
      pooled.onProgress = onProgress;
      try {
        // rotateAuto straightens a page fed slightly askew into the scanner.
        const { data } = await pooled.worker.recognize(image, { rotateAuto: true });
        return { text: data.text, confidence: data.confidence };
      } finally {
        pooled.onProgress = undefined;
      }
    });
    pooled.turn = result.catch(() => undefined);
    return result;
  }

  async function close(): Promise<void> {
    const started = [...workers.values()];
    workers.clear();
    await Promise.all(started.map(async (worker) => (await worker.catch(() => undefined))?.worker.terminate()));
  }

  return { read, close };
}
