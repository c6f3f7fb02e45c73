import fs from 'node:fs';
import path from 'node:path';
import type { PhytosanitaryCertificate } from './certificates.ts';
import type { RecordCertificateAnswer, RecordCertificateRequest } from './contract.ts';
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

/** Enters a certificate issued on Guichet in the register and its file, in force, unless its number is already there. */
export function recordCertificate(dataDir: string, register: PhytosanitaryCertificate[], request: RecordCertificateRequest): RecordCertificateAnswer {
  if (register.some((c) => c.number === request.number)) return { certificateNumber: request.number, recorded: false };
  register.push({ ...request, status: 'valid' });
  fs.writeFileSync(path.join(dataDir, 'certificates.json'), JSON.stringify({ certificates: register }, null, 2) + '\n');
  return { certificateNumber: request.number, recorded: true };
}
