import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REFERENCE_DIR } from '../../src/modules/customs/reference/shipped-files.ts';

/**
 * French and Arabic labels as reference-data/customs/hs-labels.csv carries them, for a few codes:
 * the tests do not depend on that file, which another hand writes.
 */
export const LABELS = `hscode,fr,ar
02,Viandes et abats comestibles,لحوم وأحشاء صالحة للأكل
0201,"Viandes des animaux de l'espèce bovine, fraîches ou réfrigérées",
10,Céréales,الحبوب
1006,Riz,
24,Tabacs et succédanés de tabac fabriqués,التبغ وأبداله المصنعة
2402,"Cigares (y compris ceux à bouts coupés), cigarillos et cigarettes",
`;

export interface ReferenceFixture {
  /** A copy of the shipped reference data with LABELS as its hs-labels.csv. */
  dir: string;
  writeLabels(csv: string): Promise<void>;
  remove(): Promise<void>;
}

export async function referenceFixture(): Promise<ReferenceFixture> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-reference-'));
  for (const entry of await fs.readdir(REFERENCE_DIR, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.csv') && entry.name !== 'hs-labels.csv') await fs.copyFile(path.join(REFERENCE_DIR, entry.name), path.join(dir, entry.name));
  }
  const writeLabels = (csv: string) => fs.writeFile(path.join(dir, 'hs-labels.csv'), csv);
  await writeLabels(LABELS);
  return { dir, writeLabels, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}
