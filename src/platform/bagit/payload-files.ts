import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { bagProblem, type BagProblem } from './problems.ts';

export interface PayloadFile {
  /** Relative to the base directory: "data/…", '/' separators. */
  path: string;
  bytes: number;
}

/** True when `target` (already resolved) is the bag root or inside it. */
export const insideBag = (realRoot: string, target: string): boolean => target === realRoot || target.startsWith(realRoot + path.sep);

/**
 * Every payload file under data/ (§2.1.2), with its size for the Payload-Oxum. A symbolic link is
 * followed only when it stays inside the bag (§5.1): one that leads out is reported, never read.
 */
export async function listPayload(root: string, realRoot: string, report: (problem: BagProblem) => void): Promise<PayloadFile[]> {
  const files: PayloadFile[] = [];
  async function walk(relative: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      report(bagProblem('bagit_unreadable', { file: relative, reason: (error as Error).message }));
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const bagPath = `${relative}/${entry.name}`;
      const absolute = path.join(root, bagPath);
      const target = await fs.realpath(absolute).catch((error: Error) => error);
      if (target instanceof Error) {
        report(bagProblem('bagit_unreadable', { file: bagPath, reason: target.message }));
        continue;
      }
      if (!insideBag(realRoot, target)) {
        report(bagProblem('bagit_link_escapes', { file: bagPath }));
        continue;
      }
      const stat = await fs.stat(target);
      if (stat.isDirectory()) {
        if (!entry.isSymbolicLink()) await walk(bagPath);
      } else if (stat.isFile()) files.push({ path: bagPath, bytes: stat.size });
      // A FIFO or a device would block or never end the checksum pass.
      else report(bagProblem('bagit_unreadable', { file: bagPath, reason: 'not a regular file' }));
    }
  }
  await walk('data');
  return files;
}
