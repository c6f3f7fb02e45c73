import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/applications.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/client.ts';
import { approvedFile, download, issued, scanQr } from './support.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
});
afterAll(async () => {
  await platform?.close();
});

describe('the document an approved file earns', () => {
  it('is issued once, signed, printed with a QR code that verifies, and readable only by those entitled', async () => {
    const moussa = await signedIn(platform.url, 'moussa.traore');
    const file = await approvedFile(platform.url, moussa, 'import-licence');

    const licence = await issued(moussa, file.id, 'document');
    expect(licence).toMatchObject({
      kind: 'document',
      type: 'import_licence',
      agencyCode: 'COMMERCE',
      applicationId: file.id,
      holderName: 'Kandara Riz Import SARL',
      language: 'fr',
      title: { fr: "Licence d'importation", ar: 'رخصة الاستيراد', en: 'Import licence' },
      revokedAt: null,
    });
    expect(licence.number).toMatch(/^COMMERCE-\d{4}-\d{6}$/);
    // Six months from the decision, to the day before.
    const from = new Date(`${licence.validFrom}T00:00:00Z`);
    expect(licence.validUntil).toBe(new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 6, from.getUTCDate() - 1)).toISOString().slice(0, 10));
    // The counter payment's receipt belongs to the same file.
    const receipt = await issued(moussa, file.id, 'receipt');
    expect(receipt).toMatchObject({ type: 'payment_receipt', validUntil: null, applicationId: file.id });

    const { status, type, pdf } = await download(moussa, licence.id);
    expect(status).toBe(200);
    expect(type).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // Printed, scanned, verified by anyone, signed in or not.
    const payload = await scanQr(pdf);
    expect(payload).toMatch(/^GK1:[0-9A-Z $%*+\-./:]+$/);
    const anyone = new ApiClient(platform.url);
    const verified = await anyone.request('POST', '/api/verify', { payload });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'valid',
      reason: null,
      document: { id: licence.id, number: licence.number, type: 'import_licence', title: licence.title, issuer: { agencyCode: 'COMMERCE', kid: licence.kid }, holder: { name: 'Kandara Riz Import SARL', id: 'KD-2019-004512' } },
    });
    expect(verified.body.document.fields[0]).toEqual({ label: { fr: "Raison sociale de l'importateur", ar: 'الاسم التجاري للمستورد', en: "Importer's company name" }, value: 'Kandara Riz Import SARL' });
    // The same payload rides in the file itself: an uploaded PDF verifies without any scanning.
    const uploaded = await anyone.request('POST', '/api/verify/pdf', pdf, { 'content-type': 'application/pdf' });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toEqual(verified.body);

    // A colleague of the same company reads it; a stranger and another agency are told it does not exist.
    const aicha = await signedIn(platform.url, 'aicha.diallo');
    expect((await download(aicha, licence.id)).status).toBe(200);
    const awa = await signedIn(platform.url, 'awa.ndiaye');
    expect((await download(awa, licence.id)).status).toBe(404);
    expect((await awa.request('GET', `/api/documents/${licence.id}`)).status).toBe(404);
    expect((await awa.request('GET', `/api/applications/${file.id}/documents`)).status).toBe(404);
    const customs = await signedIn(platform.url, 'karim.benali');
    expect((await download(customs, licence.id)).status).toBe(404);
    // The issuing agency's officer reads it.
    const fatou = await signedIn(platform.url, 'fatou.sow');
    expect((await fatou.request('GET', `/api/documents/${licence.id}`)).body).toEqual(licence);

    // The approval delivered again issues nothing new.
    expect((await platform.documents.issueForApplication(file.id))?.id).toBe(licence.id);
    expect((await moussa.request('GET', `/api/applications/${file.id}/documents`)).body.items).toHaveLength(2);
  });
});

describe('revocation', () => {
  it('is for the issuing agency only, needs a reason, is audited, and every verification reads it', async () => {
    const moussa = await signedIn(platform.url, 'moussa.traore');
    const file = await approvedFile(platform.url, moussa, 'import-export-card');
    const card = await issued(moussa, file.id, 'document');
    const payload = await scanQr((await download(moussa, card.id)).pdf);

    const customs = await signedIn(platform.url, 'karim.benali');
    const elsewhere = await customs.request('POST', `/api/documents/${card.id}/revoke`, { reason: 'Not ours to revoke' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('forbidden_agency');
    expect((await moussa.request('POST', `/api/documents/${card.id}/revoke`, { reason: 'I changed my mind' })).status).toBe(403);
    const admin = await signedIn(platform.url, 'mariam.kone');
    expect((await admin.request('POST', `/api/documents/${card.id}/revoke`, { reason: '' })).status).toBe(400);
    expect((await new ApiClient(platform.url).request('POST', '/api/verify', { payload })).body.status).toBe('valid');

    const reason = 'Carte délivrée sur la foi d’un registre de commerce radié';
    const revoked = await admin.request('POST', `/api/documents/${card.id}/revoke`, { reason });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: card.id, revocationReason: reason });
    expect(revoked.body.revokedAt).not.toBeNull();
    const again = await admin.request('POST', `/api/documents/${card.id}/revoke`, { reason });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('document_already_revoked');

    const verified = await new ApiClient(platform.url).request('POST', '/api/verify', { payload });
    expect(verified.body).toMatchObject({ status: 'revoked', revocationReason: reason, document: { id: card.id } });
    // Revoked outranks expired: a revoked document is never "only" expired.
    expect(await platform.documents.verify(payload, new Date('2099-01-01T00:00:00Z'))).toMatchObject({ status: 'revoked' });

    const auditor = await signedIn(platform.url, 'leila.haddad');
    const trail = await auditor.request('GET', `/api/audit/entries?recordType=document&recordId=${card.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['document.issued', 'document.revoked']);
  });

  it('reads expired once the last day of validity has passed', async () => {
    const moussa = await signedIn(platform.url, 'moussa.traore');
    const file = await approvedFile(platform.url, moussa, 'import-licence');
    const licence = await issued(moussa, file.id, 'document');
    const payload = await scanQr((await download(moussa, licence.id)).pdf);
    const dayAfter = new Date(`${licence.validUntil}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    expect(await platform.documents.verify(payload, new Date(`${licence.validUntil}T23:59:59Z`))).toMatchObject({ status: 'valid' });
    expect(await platform.documents.verify(payload, dayAfter)).toMatchObject({ status: 'expired', document: { number: licence.number } });
  });
});
