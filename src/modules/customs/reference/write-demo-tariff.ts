import fs from 'node:fs/promises';
import path from 'node:path';
import { demoTariffCsv } from './demo-tariff.ts';
import { readShipped, REFERENCE_DIR, SHIPPED_TARIFF } from './shipped-files.ts';

// Rewrites reference-data/customs/tariff-kd-2026.csv after a change to the rules in demo-tariff.ts:
//   node src/modules/customs/reference/write-demo-tariff.ts
const nomenclature = await readShipped(REFERENCE_DIR, 'hs-nomenclature.csv');
if (!nomenclature) throw new Error(`no hs-nomenclature.csv in ${REFERENCE_DIR}`);
await fs.writeFile(path.join(REFERENCE_DIR, SHIPPED_TARIFF), demoTariffCsv(nomenclature));
console.log(`wrote ${path.join(REFERENCE_DIR, SHIPPED_TARIFF)}`);
