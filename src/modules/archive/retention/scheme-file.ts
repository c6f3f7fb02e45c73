import fs from 'node:fs';
import type { ClassificationScheme } from './schedule.ts';

/** The shipped classification scheme (reference-data/archive/classification.json). */
export function loadClassificationScheme(file = new URL('../../../../reference-data/archive/classification.json', import.meta.url)): ClassificationScheme {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ClassificationScheme;
}
