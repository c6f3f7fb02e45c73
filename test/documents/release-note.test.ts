import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclarationMoved } from '../../src/modules/customs/index.ts';
import { jsonb } from '../../src/platform/db/json.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import { ApiClient } from '../support/client.ts';
import { cementItem, declarationOf, startCustomsApp } from '../support/customs.ts';
import { download, eventually, pdfText, scanQr } from './support.ts';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../src/cli.ts');

let platform: TestApp;
let broker: ApiClient;
const db = () => platform.database.db;

beforeAll(async () => {
  platform = await startCustomsApp();
  broker = await signedIn(platform.url, 'ousmane.diop');
});
afterAll(async () => {
  await platform?.close();
});

const RELEASED_AT = new Date('2026-11-20T14:30:00Z');
const TITLE = { fr: 'Bon à enlever', ar: 'إذن برفع البضائع', en: 'Release note' };

interface Lodged {
  id: string;
  reference: string;
  channel: string | null;
  totalDue: number;
}

/** A cement declaration lodged by the demo broker through the API, then released. */
async function releasedDeclaration(input = declarationOf()): Promise<Lodged & { receiptNumber: string }> {
  const lodged = await broker.request('POST', '/api/customs/declarations', input);
  expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
  const receiptNumber = `TRESOR-2026-${lodged.body.reference.slice(-6)}`;
  // Test setup only, not how a declaration is released (the next-but-one test pays and releases
  // through the real flow, built in parallel): the row is moved as that flow leaves it — released,
  // with the payment's receipt — at a fixed time, so the dates the note prints are known.
  await db()
    .updateTable('customs_declarations')
    .set({ state: 'released', released_at: RELEASED_AT, payment: jsonb({ receiptNumber, amount: lodged.body.totalDue, currency: 'XOF', channel: 'counter', paidAt: RELEASED_AT.toISOString() }) })
    .where('id', '=', lodged.body.id)
    .execute();
  return { ...lodged.body, receiptNumber };
}

/** Publishes the release as customs does, on the real outbox; resolves once the release note subscriber has run. */
async function publishRelease(declaration: Lodged): Promise<void> {
  const eventId = await db().transaction().execute((trx) =>
    platform.bus.emit(trx, 'customs.declaration.released', { declarationId: declaration.id, reference: declaration.reference, state: 'released', channel: declaration.channel as DeclarationMoved['channel'] }),
  );
  await eventually(async () => {
    const delivery = await db().selectFrom('event_deliveries').select(['status', 'last_error']).where('event_id', '=', eventId).where('subscriber', '=', 'documents.release_note').executeTakeFirst();
    if (delivery?.status === 'dead') throw new Error(`release note delivery died: ${delivery.last_error}`);
    return delivery?.status === 'done';
  });
}

const notesOf = async (declarationId: string) =>
  db().selectFrom('release_notes').innerJoin('documents', 'documents.id', 'release_notes.document_id').select(['documents.id', 'documents.number']).where('release_notes.declaration_id', '=', declarationId).execute();

describe('the release note of a released declaration', () => {
  it('is issued by customs to the importer once, printed in French with its goods, and verifies with its QR code', async () => {
    const declaration = await releasedDeclaration();
    await publishRelease(declaration);

    const note = await platform.documents.releaseNoteOfDeclaration(declaration.id);
    expect(note).toMatchObject({
      kind: 'document',
      type: 'customs_release_note',
      agencyCode: 'CUSTOMS',
      applicationId: null,
      paymentId: null,
      holderName: 'Kandara Riz Import SARL',
      language: 'fr',
      title: TITLE,
      validFrom: '2026-11-20',
      validUntil: null,
      revokedAt: null,
    });
    expect(note?.number).toMatch(/^CUSTOMS-\d{4}-\d{6}$/);
    const noteId = note!.id;

    // The importer's users read it, as does the broker who lodged and customs; nobody else.
    const moussa = await signedIn(platform.url, 'moussa.traore');
    const { status, pdf } = await download(moussa, noteId);
    expect(status).toBe(200);
    expect((await download(await signedIn(platform.url, 'aicha.diallo'), noteId)).status).toBe(200);
    expect((await download(broker, noteId)).status).toBe(200);
    expect((await download(await signedIn(platform.url, 'karim.benali'), noteId)).status).toBe(200);
    expect((await download(await signedIn(platform.url, 'awa.ndiaye'), noteId)).status).toBe(404);
    expect((await download(await signedIn(platform.url, 'fatou.sow'), noteId)).status).toBe(404);

    const text = (await pdfText(pdf)).replace(/[\u00a0\u202f]/g, ' ');
    const amount = new Intl.NumberFormat('fr-u-nu-latn').format(declaration.totalDue).replace(/[\u00a0\u202f]/g, ' ');
    for (const words of [
      'République de Kandara',
      'Direction générale des douanes',
      'Bon à enlever',
      'Kandara Riz Import SARL (KD-2019-004512)',
      `Référence de la déclaration ${declaration.reference}`,
      'Date de mainlevée 20 novembre 2026',
      `Droits et taxes payés ${amount} XOF`,
      `Numéro de quittance ${declaration.receiptNumber}`,
      'Bureau de douane KDKAN01',
      'Régime douanier mise à la consommation',
      'Déclarant Transit Sahel SARL (KD-2015-000871)',
      'Position tarifaire (SH) (1) 2523.29.00.00',
      'Désignation des marchandises (1) Portland cement, grey, in 50 kg bags',
      'Quantité (1) 30000 KGM',
      'Désignation des marchandises (2) White cement',
      'Valable à partir du 20 novembre 2026, sans date de fin',
    ]) expect(text.replace(/\s+/g, ' ')).toContain(words);

    // Scanned from the printed page and checked by anyone.
    const payload = await scanQr(pdf);
    const anyone = new ApiClient(platform.url);
    const verified = await anyone.request('POST', '/api/verify', { payload });
    expect(verified.body).toMatchObject({
      status: 'valid',
      reason: null,
      document: { id: noteId, number: note!.number, type: 'customs_release_note', title: TITLE, issuer: { agencyCode: 'CUSTOMS', kid: note!.kid }, holder: { name: 'Kandara Riz Import SARL', id: 'KD-2019-004512' }, validUntil: null },
    });
    // The QR signs what a gate officer checks first: which declaration, released when, what was paid.
    expect(verified.body.document.fields.slice(0, 4)).toEqual([
      { label: { fr: 'Référence de la déclaration', ar: 'مرجع التصريح', en: 'Declaration reference' }, value: declaration.reference },
      { label: { fr: 'Date de mainlevée', ar: 'تاريخ رفع اليد', en: 'Released on' }, value: '20 novembre 2026' },
      { label: { fr: 'Droits et taxes payés', ar: 'الرسوم والضرائب المؤداة', en: 'Duties and taxes paid' }, value: `${new Intl.NumberFormat('fr-u-nu-latn').format(declaration.totalDue)} XOF` },
      { label: { fr: 'Numéro de quittance', ar: 'رقم الوصل', en: 'Receipt number' }, value: declaration.receiptNumber },
    ]);
    expect((await anyone.request('POST', '/api/verify/pdf', pdf, { 'content-type': 'application/pdf' })).body).toEqual(verified.body);

    // Offline, with only the published keys, as `guichet verify` does it.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-release-note-'));
    try {
      await fs.writeFile(path.join(dir, 'note.pdf'), pdf);
      await fs.writeFile(path.join(dir, 'jwks.json'), JSON.stringify((await anyone.request('GET', '/.well-known/jwks.json')).body));
      const offline = await run(process.execPath, [CLI, 'verify', path.join(dir, 'note.pdf'), '--keys', path.join(dir, 'jwks.json')], { env: { PATH: process.env.PATH, DATA_DIR: path.join(dir, 'none') }, encoding: 'utf8' });
      expect(offline.stdout).toContain(`VALID — signed by CUSTOMS with key ${note!.kid}`);
      expect(offline.stdout).toContain(`Document  ${note!.number} (customs_release_note)`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }

    // The release delivered again issues nothing new.
    await publishRelease(declaration);
    expect(await notesOf(declaration.id)).toEqual([{ id: noteId, number: note!.number }]);
    const trail = await db().selectFrom('audit_entries').select('action').where('record_type', '=', 'document').where('record_id', '=', noteId).execute();
    expect(trail.map((e) => e.action)).toEqual(['document.issued']);
    const issuedEvents = await db().selectFrom('outbox_events').select('payload').where('topic', '=', 'document.issued').execute();
    expect(issuedEvents.filter((e) => (e.payload as { documentId: string }).documentId === noteId)).toHaveLength(1);
  });

  it('is issued when the duties are paid at the desk and customs releases the goods', async () => {
    const officer = await signedIn(platform.url, 'karim.benali');
    const cashier = await signedIn(platform.url, 'ibrahima.fall');
    let declaration = (await broker.request('POST', '/api/customs/declarations', declarationOf())).body;
    if (declaration.state !== 'assessed') {
      declaration = (await officer.request('POST', `/api/customs/declarations/${declaration.reference}/inspection`, { outcome: 'conform', findings: 'Goods as declared' })).body;
    }
    expect(declaration.state).toBe('assessed');
    const paid = await cashier.request('POST', '/api/payments/counter', { declarationId: declaration.id, receipt: `DESK-${randomUUID().slice(0, 8)}` }, { 'idempotency-key': randomUUID() });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);

    const note = await eventually(() => platform.documents.releaseNoteOfDeclaration(declaration.id));
    expect(note).toMatchObject({ type: 'customs_release_note', agencyCode: 'CUSTOMS', holderName: 'Kandara Riz Import SARL', language: 'fr' });
    const verified = await new ApiClient(platform.url).request('POST', '/api/verify/pdf', (await download(broker, note.id)).pdf, { 'content-type': 'application/pdf' });
    expect(verified.body).toMatchObject({ status: 'valid', document: { id: note.id, holder: { id: 'KD-2019-004512' } } });
    expect(verified.body.document.fields.map((f: { value: string }) => f.value)).toEqual(
      expect.arrayContaining([declaration.reference, `${new Intl.NumberFormat('fr-u-nu-latn').format(declaration.totalDue)} XOF`, paid.body.receiptNumber]),
    );
  });

  it('is issued once when two deliveries race, the second finding the first', async () => {
    const declaration = await releasedDeclaration(declarationOf({ items: [cementItem()] }));
    const statement = await platform.customs.releaseNoteOf(declaration.id);
    const [first, second] = await Promise.all([platform.documents.issueReleaseNote(statement), platform.documents.issueReleaseNote(statement)]);
    expect(second.id).toBe(first.id);
    expect(await notesOf(declaration.id)).toEqual([{ id: first.id, number: first.number }]);
    expect(await db().selectFrom('documents').select('id').where('number', '=', second.number).execute()).toHaveLength(1);
  });

  it('is not issued for a declaration that was not released', async () => {
    const lodged = await broker.request('POST', '/api/customs/declarations', declarationOf());
    expect(lodged.status).toBe(201);
    await expect(platform.customs.releaseNoteOf(lodged.body.id)).rejects.toMatchObject({ status: 404 });
    expect(await platform.documents.releaseNoteOfDeclaration(lodged.body.id)).toBeNull();
  });
});

/** A4 width minus the 56 pt margin: where an Arabic line starts, on the right. */
const RIGHT_MARGIN = 595.28 - 56;

/** Each word poppler finds (pdftotext -bbox) with its left and right edges. */
async function wordEdges(pdf: Buffer): Promise<{ word: string; left: number; right: number }[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-release-note-'));
  try {
    await fs.writeFile(path.join(dir, 'note.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-bbox', path.join(dir, 'note.pdf'), '-'], { encoding: 'utf8' });
    const words = stdout.split('\n').map((line) => /xMin="([\d.]+)".*xMax="([\d.]+)".*>([^<]+)<\/word>/.exec(line));
    return words.flatMap((m) => (m ? [{ word: m[3] ?? '', left: Number(m[1]), right: Number(m[2]) }] : []));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('a release note for a broker who reads Arabic', () => {
  it('is written in Arabic, set right to left, and verifies', async () => {
    expect((await broker.request('PATCH', '/api/me', { locale: 'ar' })).status).toBe(200);
    try {
      const declaration = await releasedDeclaration();
      await publishRelease(declaration);
      const note = await platform.documents.releaseNoteOfDeclaration(declaration.id);
      expect(note).toMatchObject({ language: 'ar', type: 'customs_release_note', holderName: 'Kandara Riz Import SARL' });
      const { pdf } = await download(broker, note!.id);

      // Right-to-left lines come out of pdftotext in logical order inside bidi marks (arabic.test.ts).
      const text = await pdfText(pdf);
      expect(text).toContain('\u202B');
      const plain = text.replace(/[\u202A-\u202E]/g, '');
      for (const words of ['إذن برفع البضائع', 'المديرية العامة للجمارك', 'جمهورية كندارة', 'مرجع التصريح', 'تاريخ رفع اليد', 'الوضع للاستهلاك', 'المصرح', declaration.reference, 'Portland cement']) {
        expect(plain).toContain(words);
      }

      // Laid out from the right: the label ends at the right margin, its value (a Latin reference) stands to its left.
      const edges = await wordEdges(pdf);
      // poppler lists the letters of a right-to-left word in visual order, reversed.
      const labelWords = 'مرجع التصريح'.split(' ').map((w) => [...w].reverse().join(''));
      const label = edges.filter((e) => labelWords.includes(e.word));
      expect(label).toHaveLength(2);
      expect(Math.max(...label.map((e) => e.right))).toBeCloseTo(RIGHT_MARGIN, 0);
      const reference = edges.find((e) => e.word.includes(declaration.reference));
      expect(reference!.right).toBeLessThan(Math.min(...label.map((e) => e.left)));

      const verified = await new ApiClient(platform.url).request('POST', '/api/verify', { payload: await scanQr(pdf) });
      expect(verified.body).toMatchObject({ status: 'valid', document: { id: note!.id, holder: { id: 'KD-2019-004512' } } });
      expect(verified.body.document.fields[0]).toEqual({ label: { fr: 'Référence de la déclaration', ar: 'مرجع التصريح', en: 'Declaration reference' }, value: declaration.reference });
    } finally {
      await broker.request('PATCH', '/api/me', { locale: 'fr' });
    }
  });
});
