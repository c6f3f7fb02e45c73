import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The reference data the platform ships (sources and licences in its README.md). */
export const REFERENCE_DIR = fileURLToPath(new URL('../../../../reference-data/customs/', import.meta.url));

/** The demo country's national tariff, loaded as the first tariff version of an empty database. */
export const SHIPPED_TARIFF = 'tariff-kd-2026.csv';

export interface ShippedFile {
  name: string;
  text: string;
  sha256: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A shipped file, or null when it is absent (hs-labels.csv is written by another hand and may not be there yet). */
export async function readShipped(dir: string, name: string): Promise<ShippedFile | null> {
  try {
    const text = await fs.readFile(path.join(dir, name), 'utf8');
    return { name, text, sha256: sha256(text) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The rows of a shipped CSV file, by column name. */
export function csvRows(file: ShippedFile): Record<string, string>[] {
  return parse(file.text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}
