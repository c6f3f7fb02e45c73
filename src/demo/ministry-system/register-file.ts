import fs from 'node:fs';
import path from 'node:path';
import type { PhytosanitaryCertificate } from './certificates.ts';
import { demoCertificates } from './demo-certificates.ts';

/**
 * The ministry's own data: its certificates in `certificates.json` under its data directory,
 * written with the demo certificates on first start and only read afterwards (the plant protection
 * service keeps it up to date by its own means; Guichet never sees the file).
 */
export function openRegister(dataDir: string, now = new Date()): PhytosanitaryCertificate[] {
  const file = path.join(dataDir, 'certificates.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ certificates: demoCertificates(now) }, null, 2) + '\n');
  }
  const { certificates } = JSON.parse(fs.readFileSync(file, 'utf8')) as { certificates: PhytosanitaryCertificate[] };
  return certificates;
}
