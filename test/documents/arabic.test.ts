import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/country.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/client.ts';
import { approvedFile, download, issued, pdfText, scanQr } from './support.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
});
afterAll(async () => {
  await platform?.close();
});

const HOLDER = 'سمير بن علي';
/** A4 width minus the 56 pt margin: where an Arabic line starts, on the right. */
const RIGHT_MARGIN = 595.28 - 56;

async function arabicCitizen(): Promise<ApiClient> {
  const client = new ApiClient(platform.url);
  const email = 'samir.benali@example.test';
  const registered = await client.request('POST', '/api/auth/register', { email, password: DEMO_PASSWORD, displayName: HOLDER, locale: 'ar' });
  if (registered.status !== 201) throw new Error(JSON.stringify(registered.body));
  await client.login(email);
  return client;
}

/** pdftotext -bbox: every word with its box, in the order poppler found them on the page. */
async function wordBoxes(pdf: Buffer): Promise<{ text: string; xMin: number; xMax: number }[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-bbox-'));
  try {
    await fs.writeFile(path.join(dir, 'd.pdf'), pdf);
    const { stdout } = await promisify(execFile)('pdftotext', ['-bbox', path.join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
    return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[3] ?? '', xMin: Number(m[1]), xMax: Number(m[2]) }));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('a document in Arabic', () => {
  it('is set right to left, its holder name survives text extraction, and its QR code verifies', async () => {
    const samir = await arabicCitizen();
    const file = await approvedFile(platform.url, samir, 'apprenticeship-certificate');
    const certificate = await issued(samir, file.id, 'document');
    expect(certificate).toMatchObject({ language: 'ar', holderName: HOLDER, title: { ar: 'شهادة نهاية التمهين' } });
    const { pdf } = await download(samir, certificate.id);

    // poppler (pdftotext) gives right-to-left lines in logical order, wrapped in bidi embedding
    // marks (U+202B … U+202C, U+202A around Latin runs inside them): without the marks, the text
    // is the name as typed.
    const text = await pdfText(pdf);
    expect(text).toContain(`\u202B${HOLDER}\u202C`);
    const plain = text.replace(/[\u202A-\u202E]/g, '');
    for (const words of [HOLDER, 'شهادة نهاية التمهين', 'وزارة التجارة', 'جمهورية كندارة', 'صاحب الوثيقة']) expect(plain).toContain(words);

    // Laid out from the right: the holder's name ends at the right margin. poppler's word boxes
    // list the characters of a right-to-left word in visual order (reversed).
    const boxes = await wordBoxes(pdf);
    const nameWords = HOLDER.split(' ').map((w) => [...w].reverse().join(''));
    const nameBoxes = boxes.filter((b) => nameWords.includes(b.text));
    expect(nameBoxes).toHaveLength(3);
    expect(Math.max(...nameBoxes.map((b) => b.xMax))).toBeCloseTo(RIGHT_MARGIN, 0);

    const verified = await new ApiClient(platform.url).request('POST', '/api/verify', { payload: await scanQr(pdf) });
    expect(verified.body).toMatchObject({ status: 'valid', document: { holder: { name: HOLDER, id: null } } });
    expect(verified.body.document.fields[0]).toMatchObject({ label: { ar: 'اللقب' } });
  });
});
