import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The procedures the demo country ships with, one YAML file per version, in `procedures/`. */
export const SHIPPED_PROCEDURES_DIR = fileURLToPath(new URL('../../../procedures/', import.meta.url));

export async function readShippedDefinitions(dir = SHIPPED_PROCEDURES_DIR): Promise<{ file: string; raw: unknown }[]> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(files.map(async (file) => ({ file, raw: parse(await fs.readFile(path.join(dir, file), 'utf8')) as unknown })));
}
