/**
 * What the scanned-records tests share: pages to scan (one short paragraph each, so the OCR takes
 * about a second a page), and an archivist's moves through the batch API.
 */
import { expect } from 'vitest';
import type { ApiClient } from '../support/client.ts';
import { eventually } from '../documents/support.ts';
import { printedRecord, scannedImage } from './scanned-pages.ts';

/** Words the OCR must read back, as search will be asked for them. */
export const FRENCH_WORD = 'dédouanement';
export const ARABIC_WORD = 'الجمارك';

export const frenchPage = async () =>
  scannedImage(await printedRecord([{ direction: 'ltr', paragraphs: ['Préfecture du Littoral', 'Le dossier de dédouanement des marchandises a été transmis au bureau.'] }]), 'png', { dpi: 200 });
export const arabicPage = async () => scannedImage(await printedRecord([{ direction: 'rtl', paragraphs: ['الأرشيف الوطني', 'أرسلت إدارة الجمارك ملف البضائع إلى مكتب الأرشيف.'] }]), 'png', { dpi: 200 });
/** A record of several pages: long enough to be caught being read. */
export const longRecord = (pages: number) =>
  printedRecord(Array.from({ length: pages }, (_, i) => ({ direction: 'ltr' as const, paragraphs: [`Registre des entrées, feuillet ${i + 1}`, 'Le capitaine signe le manifeste du navire avant le départ du port.'] })));

export const batchBody = (overrides: Record<string, unknown> = {}) => ({
  title: { fr: 'Registres du port de Kandara', ar: 'سجلات ميناء كندارة' },
  creatorAgency: 'CUSTOMS',
  subject: 'Registres portuaires',
  dateFrom: '1987',
  dateTo: '1988-06',
  retentionClass: 'customs-declarations-10y',
  accessLevel: 'restricted',
  languages: ['fra'],
  ...overrides,
});

export async function openBatch(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const response = await client.request('POST', '/api/archive/scanned-batches', batchBody(overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; reference: string; state: string };
}

/** PUTs a file's bytes under its name, claiming `type`. */
export const upload = (client: ApiClient, batchId: string, name: string, bytes: Buffer, type: string, query = '') =>
  client.request('PUT', `/api/archive/scanned-batches/${batchId}/files/${encodeURIComponent(name)}${query}`, new Uint8Array(bytes), { 'content-type': type });

export interface BatchItem {
  id: string;
  name: string;
  state: string;
  progress: number;
  pages: number | null;
  confidence: number | null;
  package: string | null;
  refusal: { code: string; message: string } | null;
}

/** The batch once every file is settled, with each file's progress seen on the way. */
export async function settledBatch(client: ApiClient, batchId: string, timeoutMs = 90_000) {
  const seen: Record<string, number[]> = {};
  const batch = await eventually(async () => {
    const read = await client.request('GET', `/api/archive/scanned-batches/${batchId}`);
    if (read.status !== 200) throw new Error(`batch ${batchId}: ${read.status} ${JSON.stringify(read.body)}`);
    for (const item of read.body.items as BatchItem[]) (seen[item.name] ??= []).push(item.progress);
    return read.body.state === 'done' && (read.body as { items: BatchItem[] });
  }, timeoutMs);
  return { batch, seen };
}
