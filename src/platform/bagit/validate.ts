import fs from 'node:fs/promises';
import path from 'node:path';
import { matchKey, readBagTags, readDeclaration, type BagTags } from './bag-reading.ts';
import { checkCompleteness, checkOxum } from './completeness.ts';
import { digestFile } from './digest.ts';
import { insideBag, listPayload, type PayloadFile } from './payload-files.ts';
import { bagProblem, type BagProblem } from './problems.ts';

export interface BagVerdict {
  /** RFC 8493 §3 "valid": complete, and every checksum of every manifest verified. */
  valid: boolean;
  /** The BagIt-Version the bag declares; null when bagit.txt is missing or unusable. */
  version: string | null;
  problems: BagProblem[];
  /** What is in data/ (the Payload-Oxum as measured). */
  payload?: { files: number; bytes: number };
}

export interface ValidateOptions {
  /** Called after each file is hashed: files done, files to hash. */
  onProgress?: (done: number, total: number) => void;
}

interface Expectation {
  manifest: string;
  algorithm: string;
  checksum: string;
}

interface ChecksumJob {
  path: string;
  expectations: Expectation[];
}

/** One job per file, every manifest's expectation on it gathered, so each file is read once. */
function checksumJobs(tags: BagTags, payload: readonly PayloadFile[], tagFilesPresent: ReadonlySet<string>): ChecksumJob[] {
  const onDisk = new Map(payload.map((file) => [matchKey(file.path), file.path]));
  const jobs = new Map<string, ChecksumJob>();
  for (const manifest of tags.manifests) {
    for (const [key, listed] of manifest.entries) {
      const actualPath = manifest.kind === 'payload' ? onDisk.get(key) : tagFilesPresent.has(key) ? listed.path : undefined;
      if (actualPath === undefined) continue;
      const job = jobs.get(key) ?? { path: actualPath, expectations: [] };
      job.expectations.push({ manifest: manifest.name, algorithm: manifest.algorithm, checksum: listed.checksum });
      jobs.set(key, job);
    }
  }
  return [...jobs.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Tag files the tag manifests list that are regular files inside the bag (§5.1: links out are refused). */
async function presentTagFiles(root: string, realRoot: string, tags: BagTags, report: (problem: BagProblem) => void): Promise<Set<string>> {
  const present = new Set<string>();
  for (const manifest of tags.manifests.filter((m) => m.kind === 'tag')) {
    for (const [key, listed] of manifest.entries) {
      if (present.has(key)) continue;
      const real = await fs.realpath(path.join(root, listed.path)).catch(() => null);
      if (real === null) continue;
      if (!insideBag(realRoot, real)) report(bagProblem('bagit_link_escapes', { file: listed.path }));
      else if ((await fs.stat(real)).isFile()) present.add(key);
    }
  }
  return present;
}

/** Hashes a few files at a time: reading one while hashing another keeps the disk and a core busy. */
const PARALLEL_FILES = 4;

async function verifyChecksums(root: string, jobs: readonly ChecksumJob[], options: ValidateOptions): Promise<BagProblem[]> {
  const found: BagProblem[][] = jobs.map(() => []);
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index] as ChecksumJob;
      const problems = found[index] as BagProblem[];
      try {
        const { digests } = await digestFile(path.join(root, job.path), [...new Set(job.expectations.map((e) => e.algorithm))]);
        for (const expected of job.expectations) {
          const actual = digests[expected.algorithm] as string;
          if (actual !== expected.checksum) problems.push(bagProblem('bagit_checksum_mismatch', { file: job.path, manifest: expected.manifest, algorithm: expected.algorithm, expected: expected.checksum, actual }));
        }
      } catch (error) {
        problems.push(bagProblem('bagit_unreadable', { file: job.path, reason: (error as Error).message }));
      }
      options.onProgress?.(++done, jobs.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FILES, jobs.length) }, worker));
  return found.flat();
}

/**
 * Validates any BagIt bag, 1.0 (RFC 8493) or 0.97, without changing it and without fetching
 * anything: structure, tag files, completeness (§3), then every checksum (§3 "valid").
 */
export async function validateBag(dir: string, options: ValidateOptions = {}): Promise<BagVerdict> {
  const problems: BagProblem[] = [];
  const report = (problem: BagProblem) => problems.push(problem);
  const root = path.resolve(dir);
  const stat = await fs.stat(root).catch((error: Error) => error);
  if (stat instanceof Error || !stat.isDirectory()) {
    report(bagProblem('bagit_unreadable', { file: dir, reason: stat instanceof Error ? stat.message : 'not a directory' }));
    return { valid: false, version: null, problems };
  }
  const declaration = await readDeclaration(root, report);
  if (!declaration) return { valid: false, version: null, problems };
  const realRoot = await fs.realpath(root);
  const tags = await readBagTags(root, declaration, report);
  if (tags.payloadManifestFiles === 0) report(bagProblem('bagit_missing_manifest', {}));
  const data = await fs.stat(path.join(root, 'data')).catch(() => null);
  if (!data?.isDirectory()) report(bagProblem('bagit_missing_payload_dir', { file: 'data/' }));
  const payload = data?.isDirectory() ? await listPayload(root, realRoot, report) : [];
  checkOxum(tags.oxum, payload, report);
  await checkCompleteness(root, tags, payload, report);
  const jobs = checksumJobs(tags, payload, await presentTagFiles(root, realRoot, tags, report));
  problems.push(...(await verifyChecksums(root, jobs, options)));
  const bytes = payload.reduce((sum, file) => sum + file.bytes, 0);
  return { valid: problems.length === 0, version: declaration.version, problems, payload: { files: payload.length, bytes } };
}
