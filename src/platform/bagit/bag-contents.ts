import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { matchKey, readBagTags, readDeclaration, type Manifest } from './bag-reading.ts';
import { insideBag, listPayload } from './payload-files.ts';
import { bagProblem, type BagProblem } from './problems.ts';
import { decodeTagFile, parseBagInfo } from './tag-text.ts';

/** One file of a bag and the checksums its manifests give it, by algorithm (RFC 8493 §2.4 names). */
export interface BagContentFile {
  /** Relative to the base directory, '/' separators: `data/…` for payload. */
  path: string;
  bytes: number;
  checksums: Record<string, string>;
}

/** What a bag holds, as someone taking it in needs it. */
export interface BagContents {
  version: string;
  /** bag-info.txt's elements in order, continuation lines joined with "\n" (§2.2.2); empty without one. */
  info: [label: string, value: string][];
  /** Every payload file on disk, sorted by path, with the checksum of each payload manifest. */
  payload: BagContentFile[];
  /** Every other file (bagit.txt, bag-info.txt, manifests, metadata…), with the tag manifests' checksums where listed. */
  tagFiles: BagContentFile[];
}

function checksumsOf(manifests: readonly Manifest[], bagPath: string): Record<string, string> {
  const key = matchKey(bagPath);
  return Object.fromEntries(manifests.flatMap((m) => (m.entries.has(key) ? [[m.algorithm, m.entries.get(key)?.checksum as string]] : [])));
}

/**
 * Regular files outside data/, recursively. None is read through a symbolic link leading out of the
 * bag (§5.1): the validator checks only the tag files a tag manifest lists, these are all of them.
 */
async function tagFilesOf(root: string, realRoot: string, report: (problem: BagProblem) => void): Promise<{ path: string; bytes: number }[]> {
  const entries: Dirent[] = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const files: { path: string; bytes: number }[] = [];
  for (const entry of entries) {
    const bagPath = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (bagPath === 'data' || bagPath.startsWith('data/') || entry.isDirectory()) continue;
    const real = await fs.realpath(path.join(root, bagPath));
    if (!insideBag(realRoot, real)) {
      report(bagProblem('bagit_link_escapes', { file: bagPath }));
      continue;
    }
    const stat = await fs.stat(real);
    if (stat.isFile()) files.push({ path: bagPath, bytes: stat.size });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Reads what a bag holds — its bag-info elements, each payload and tag file with the checksums the
 * manifests give it — for a bag `validateBag` has found valid. `problems` lists what makes it
 * unreadable as one, and a symbolic link out of the bag anywhere outside data/.
 */
export async function readBagContents(dir: string): Promise<BagContents & { problems: BagProblem[] }> {
  const root = path.resolve(dir);
  const problems: BagProblem[] = [];
  const report = (problem: BagProblem) => problems.push(problem);
  const realRoot = await fs.realpath(root);
  const declaration = await readDeclaration(root, report);
  const tags = declaration ? await readBagTags(root, declaration, report) : null;
  const payload = await listPayload(root, realRoot, report);
  const tagFiles = await tagFilesOf(root, realRoot, report);
  if (!declaration || !tags) return { version: '', info: [], payload: [], tagFiles: [], problems };
  const infoBytes = await fs.readFile(path.join(root, 'bag-info.txt')).catch(() => null);
  const infoText = infoBytes ? decodeTagFile(infoBytes, declaration.encoding, tags.strict) : null;
  const info = infoText && 'text' in infoText ? parseBagInfo(infoText.text, tags.strict).elements : [];
  const payloadManifests = tags.manifests.filter((m) => m.kind === 'payload');
  const tagManifests = tags.manifests.filter((m) => m.kind === 'tag');
  return {
    version: declaration.version,
    info,
    payload: payload.map((file) => ({ ...file, checksums: checksumsOf(payloadManifests, file.path) })),
    tagFiles: tagFiles.map((file) => ({ ...file, checksums: checksumsOf(tagManifests, file.path) })),
    problems,
  };
}
