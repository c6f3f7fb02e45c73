import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileApplication, payAtDesk, signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';

/** Polls until `read` returns something (the outbox issues documents moments after the change). */
export async function eventually<T>(read: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The file's documents of one kind, once the outbox has issued them. */
export async function issued(client: ApiClient, applicationId: string, kind: 'document' | 'receipt') {
  return eventually(async () => {
    const list = await client.request('GET', `/api/applications/${applicationId}/documents`);
    if (list.status !== 200) throw new Error(`documents of ${applicationId}: ${list.status} ${JSON.stringify(list.body)}`);
    return list.body.items.find((d: { kind: string }) => d.kind === kind);
  });
}

/** Files, pays at the desk and has the procedure's officer approve: the story that earns a document. */
export async function approvedFile(url: string, applicant: ApiClient, procedureId: string, officerName = 'fatou.sow') {
  const submitted = await fileApplication(applicant, procedureId);
  await payAtDesk(url, submitted.id);
  const officer = await signedIn(url, officerName);
  const approved = await officer.request('POST', `/api/applications/${submitted.id}/actions`, { action: 'approve' });
  if (approved.status !== 200) throw new Error(`approval refused: ${JSON.stringify(approved.body)}`);
  return submitted as { id: string; reference: string };
}

export async function download(client: ApiClient, documentId: string): Promise<{ status: number; type: string | null; pdf: Buffer }> {
  const response = await fetch(`${client.baseUrl}/api/documents/${documentId}/pdf`, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: response.status, type: response.headers.get('content-type'), pdf: Buffer.from(await response.arrayBuffer()) };
}

// Asynchronous on purpose: the platform under test answers in this same process meanwhile.
const run = promisify(execFile);

async function inScratch<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-doc-'));
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What a phone camera would read: the first page printed at 150 dpi (pdftoppm), its QR code decoded (zbarimg). */
export function scanQr(pdf: Buffer): Promise<string> {
  return inScratch(async (dir) => {
    fs.writeFileSync(path.join(dir, 'document.pdf'), pdf);
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', path.join(dir, 'document.pdf'), path.join(dir, 'page')]);
    const image = fs.readdirSync(dir).find((f) => f.endsWith('.png'));
    if (!image) throw new Error('pdftoppm wrote no page');
    return (await run('zbarimg', ['--raw', '-q', path.join(dir, image)], { encoding: 'utf8' })).stdout.trim();
  });
}

/** The text poppler extracts from a PDF (pdftotext), as search, copy and screen readers get it. */
export function pdfText(pdf: Buffer): Promise<string> {
  return inScratch(async (dir) => {
    fs.writeFileSync(path.join(dir, 'document.pdf'), pdf);
    return (await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'document.pdf'), '-'], { encoding: 'utf8' })).stdout;
  });
}
