import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/** One file of the corpus, as a record's attachment, document or scan would be. */
export interface CorpusFile {
  path: string;
  size: number;
  kind: 'form' | 'scan' | 'register';
}

/** A package to be: a record's files. */
export type CorpusPackage = CorpusFile[];

const KB = 1024;
const MB = 1024 * KB;

/** A small deterministic generator (mulberry32): the same corpus on every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Sizes as an archive receives them: half small (forms, receipts, signed PDFs: 20–200 KB), a third
 * scans (0.5–3 MB a page or two), the rest long registers and photographs (4–16 MB).
 */
function sizeOf(draw: () => number): Pick<CorpusFile, 'size' | 'kind'> {
  const which = draw();
  if (which < 0.5) return { kind: 'form', size: Math.round(20 * KB + draw() * 180 * KB) };
  if (which < 0.85) return { kind: 'scan', size: Math.round(512 * KB + draw() * 2.5 * MB) };
  return { kind: 'register', size: Math.round(4 * MB + draw() * 12 * MB) };
}

/**
 * Writes `count` files of random (incompressible, as PDFs and JPEGs are) bytes under `dir`, grouped
 * into packages of 1 to 8 files.
 */
export async function writeCorpus(dir: string, count: number): Promise<{ packages: CorpusPackage[]; bytes: number }> {
  const draw = generator(20_260_312);
  await fs.mkdir(dir, { recursive: true });
  const files: CorpusFile[] = [];
  const buffer = Buffer.alloc(16 * MB);
  for (let i = 0; i < count; i += 1) {
    const { size, kind } = sizeOf(draw);
    const file = path.join(dir, `${String(i).padStart(4, '0')}-${kind}.bin`);
    randomFillSync(buffer, 0, size);
    await fs.writeFile(file, buffer.subarray(0, size));
    files.push({ path: file, size, kind });
  }
  const packages: CorpusPackage[] = [];
  for (let i = 0; i < files.length; ) {
    const take = 1 + Math.floor(draw() * 8);
    packages.push(files.slice(i, i + take));
    i += take;
  }
  return { packages, bytes: files.reduce((sum, f) => sum + f.size, 0) };
}

const run = promisify(execFile);

/**
 * The baseline: coreutils `sha256sum` over the same files, in one process, as an operator would
 * check a directory. Median of `times` runs (the page cache is warm for all of them, as for ours).
 */
export async function sha256sumSeconds(paths: readonly string[], times: number): Promise<number> {
  const seconds: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    const { stdout } = await run('sha256sum', ['--', ...paths], { maxBuffer: 64 * MB });
    seconds.push((performance.now() - started) / 1000);
    if (stdout.trim().split('\n').length !== paths.length) throw new Error('sha256sum did not hash every file');
  }
  return median(seconds);
}

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
