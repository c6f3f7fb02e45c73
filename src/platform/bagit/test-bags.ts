import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Test factories: bags built file by file, so each test shows the one defect it is about. Not
 * used by the platform itself.
 */

export const checksum = (algorithm: string, content: string | Buffer): string => createHash(algorithm).update(content).digest('hex');

/** A manifest's text for these files ("CHECKSUM PATH" lines, `separator` between). */
export const manifestFor = (algorithm: string, files: Record<string, string | Buffer>, separator = ' '): string =>
  Object.entries(files)
    .map(([file, content]) => `${checksum(algorithm, content)}${separator}${file}\n`)
    .join('');

/** Writes every file as given (paths relative to the bag, '/' separators) into a fresh directory. */
export async function handBuiltBag(files: Record<string, string | Buffer>, parent?: string): Promise<string> {
  const root = await fs.mkdtemp(path.join(parent ?? os.tmpdir(), 'guichet-bag-'));
  await fs.mkdir(path.join(root, 'data'), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), content);
  }
  return root;
}

export const DECLARATION_1_0 = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const DECLARATION_0_97 = 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n';

/**
 * A small valid 1.0 bag's files: two payload files, a SHA-256 payload manifest, bag-info.txt and a
 * tag manifest over them. `change` edits the map before the tag manifest is computed, so a
 * test can break exactly one thing and keep every other checksum right.
 */
export function validBagFiles(change: (files: Record<string, string | Buffer>) => void = () => {}): Record<string, string | Buffer> {
  const payload = { 'data/letter.txt': 'Import licence KD-2026-0001\n', 'data/scans/page 1.txt': 'page one' };
  const files: Record<string, string | Buffer> = {
    'bagit.txt': DECLARATION_1_0,
    'bag-info.txt': 'Bagging-Date: 2026-11-24\nPayload-Oxum: 36.2\n',
    ...payload,
    'manifest-sha256.txt': manifestFor('sha256', payload),
  };
  change(files);
  const tags = Object.fromEntries(Object.entries(files).filter(([file]) => !file.startsWith('data/') && !file.startsWith('tagmanifest-')));
  files['tagmanifest-sha256.txt'] ??= manifestFor('sha256', tags);
  return files;
}
