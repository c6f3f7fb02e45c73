import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPermit } from '../../src/modules/permits/index.ts';
import { revokePermit } from '../../src/modules/permits/service.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { BROKER, declarationOf, IMPORTER, startCustomsApp } from '../support/customs.ts';
import { holdsOf, joinMinistry, LICENCE, riceDeclaration } from '../support/customs-documents.ts';
import { answerOnPhone, ledger } from '../payments/support.ts';
import { eventually } from '../documents/support.ts';

/**
 * Duties paid through the payments module, then release (issue 6, item 7): the payment moves the
 * declaration to paid in its own transaction; the release re-confirms the documents with their
 * issuers and draws the held tonnes down on the licence.
 */
let platform: TestApp;
let broker: ApiClient;
let officer: ApiClient;
let cashier: ApiClient;
let ministry: Awaited<ReturnType<typeof joinMinistry>>;

const db = () => platform.database.db;
const key = () => `duties-${randomUUID()}`;

/** Lodged and assessed: an officer inspects it when selectivity sent it to yellow or red. */
async function assessedDeclaration(declaration = riceDeclaration(20)) {
  const lodged = await broker.request('POST', '/api/customs/declarations', declaration);
  expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
  if (lodged.body.state === 'assessed') return lodged.body;
  const inspected = await officer.request('POST', `/api/customs/declarations/${lodged.body.reference}/inspection`, { outcome: 'conform', findings: 'Documents and goods as declared' });
  expect(inspected.body.state).toBe('assessed');
  return inspected.body;
}

const settled = async () => {
  await platform.bus.drain(db());
  await platform.bus.drain(db());
};
const declarationNamed = async (reference: string) => (await broker.request('GET', `/api/customs/declarations/${reference}`)).body;

beforeAll(async () => {
  platform = await startCustomsApp();
  ministry = await joinMinistry(platform);
  broker = await signedIn(platform.url, 'ousmane.diop', 'en');
  officer = await signedIn(platform.url, 'karim.benali', 'en');
  cashier = await signedIn(platform.url, 'ibrahima.fall', 'en');
});
afterAll(async () => {
  await ministry?.close();
  await platform?.close();
});

describe('paying duties and releasing the goods', () => {
  it('takes the duties by mobile money, then releases: the licence tonnes are drawn down and the declarant is told the goods are cleared', async () => {
    const declaration = await assessedDeclaration();
    const before = await holdsOf(platform, LICENCE);
    expect(before).toContainEqual({ declarationId: declaration.id, quantity: 20, state: 'held' });

    const intent = await broker.request('POST', '/api/payments/intents', { declarationId: declaration.id, provider: 'mobile_money', phone: '221770000310' }, { 'idempotency-key': key() });
    expect(intent.status, JSON.stringify(intent.body)).toBe(201);
    expect(intent.body).toMatchObject({ declarationId: declaration.id, applicationId: null, amount: declaration.totalDue, currency: 'XOF', state: 'pending' });
    await answerOnPhone(platform, '221770000310', 'confirm');
    await settled();
    // Booked to customs revenue, one account per kind of duty or tax.
    const books = await ledger(platform);
    expect([...books.keys()].filter((account) => account.startsWith('revenue.CUSTOMS.customs-duties.')).sort()).toEqual(expect.arrayContaining(['revenue.CUSTOMS.customs-duties.customs-duty', 'revenue.CUSTOMS.customs-duties.statistical-fee', 'revenue.CUSTOMS.customs-duties.vat']));

    const released = await declarationNamed(declaration.reference);
    expect(released.state).toBe('released');
    expect(released.releasedAt).not.toBeNull();
    expect(released.history.map((h: { state: string }) => h.state).slice(-2)).toEqual(['paid', 'released']);
    expect(released.notifications.at(-1)).toMatchObject({ kind: 'cleared', declarationReference: declaration.reference });
    expect(await holdsOf(platform, LICENCE)).toContainEqual({ declarationId: declaration.id, quantity: 20, state: 'drawn' });
    const permit = await db().selectFrom('permits').select(['drawn']).where('number', '=', LICENCE).executeTakeFirstOrThrow();
    expect(Number(permit.drawn)).toBeGreaterThanOrEqual(20);
    const audit = await db().selectFrom('audit_entries').select('action').where('record_id', '=', declaration.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action).slice(-2)).toEqual(['customs.declaration_paid', 'customs.declaration_released']);

    // The release note, signed by Customs, for the broker who lodged; nobody else outside customs and the importer.
    const note = await eventually(async () => {
      const found = await broker.request('GET', `/api/documents/release-notes/${declaration.id}`);
      return found.status === 200 && found.body;
    });
    expect(note).toMatchObject({ agencyCode: 'CUSTOMS', revokedAt: null });
    expect((await (await signedIn(platform.url, 'awa.ndiaye', 'en')).request('GET', `/api/documents/release-notes/${declaration.id}`)).status).toBe(404);

    // Paid once: a second payment is refused with the receipt.
    const again = await broker.request('POST', '/api/payments/intents', { declarationId: declaration.id, provider: 'mobile_money', phone: '221770000311' }, { 'idempotency-key': key() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('fee_already_paid');
  });

  it('takes the duties at the desk, and keeps a declaration paid but not released while its licence has been revoked', async () => {
    const context = systemContext('payment release test');
    const number = `KD-LIC-${new Date().getUTCFullYear()}-PAYREV`;
    await recordPermit(db(), context, { number, type: 'import_licence', agencyCode: 'COMMERCE', holderTaxId: IMPORTER.taxId, holderName: IMPORTER.name, hsPrefix: '1006', unit: 'TNE', quantity: 30, validFrom: '2026-01-01', validUntil: '2030-12-31' });
    const declaration = await assessedDeclaration(riceDeclaration(12, number));
    await revokePermit(db(), context, 'COMMERCE', number, 'Obtained on false statements');

    const paid = await cashier.request('POST', '/api/payments/counter', { declarationId: declaration.id, receipt: `DESK-${randomUUID().slice(0, 8)}` }, { 'idempotency-key': key() });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body).toMatchObject({ state: 'succeeded', declarationId: declaration.id });
    await settled();
    const blocked = await declarationNamed(declaration.reference);
    expect(blocked.state).toBe('paid');
    expect(blocked.documentChecks[0]).toMatchObject({ reference: number, status: 'refused', held: true, problems: [{ code: 'declaration_document_revoked' }] });
    expect(await holdsOf(platform, number)).toEqual([{ declarationId: declaration.id, quantity: 12, state: 'held' }]);
    const audit = await db().selectFrom('audit_entries').select('action').where('record_id', '=', declaration.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action).at(-1)).toBe('customs.release_blocked');

    // An officer may try again (once the issuer put it right); while the licence stays revoked, it stays blocked.
    const retried = await officer.request('POST', `/api/customs/declarations/${declaration.reference}/release`);
    expect(retried.status).toBe(409);
    expect(retried.body.error).toMatchObject({ code: 'declaration_release_blocked', details: { fields: [expect.objectContaining({ path: 'items[0].documents[0]', code: 'declaration_document_revoked' })] } });
    expect((await broker.request('POST', `/api/customs/declarations/${declaration.reference}/release`)).status).toBe(403);
    expect((await declarationNamed(declaration.reference)).state).toBe('paid');
  });

  it('takes duties from the broker\'s prepaid account: one of two payments racing for the last of the balance goes through', async () => {
    const first = await assessedDeclaration(declarationOf());
    const second = await assessedDeclaration(declarationOf());
    const broke = await broker.request('POST', '/api/payments/prepaid', { declarationId: first.id }, { 'idempotency-key': key() });
    expect(broke.status).toBe(409);
    expect(broke.body.error).toMatchObject({ code: 'prepaid_insufficient', details: { balance: 0, amount: first.totalDue } });

    const deposit = first.totalDue + Math.floor(second.totalDue / 2);
    const deposited = await cashier.request('POST', '/api/payments/prepaid/deposits', { taxId: BROKER.taxId, amount: deposit, receipt: `DEP-${randomUUID().slice(0, 8)}` }, { 'idempotency-key': key() });
    expect(deposited.status, JSON.stringify(deposited.body)).toBe(201);
    expect(deposited.body).toMatchObject({ provider: 'counter', state: 'succeeded', amount: deposit });
    expect((await broker.request('GET', `/api/payments/prepaid/${BROKER.taxId}`)).body).toMatchObject({ balance: deposit, currency: 'XOF' });
    expect((await broker.request('GET', `/api/payments/prepaid/${IMPORTER.taxId}`)).status).toBe(404);

    const raced = await Promise.all([first, second].map((d) => broker.request('POST', '/api/payments/prepaid', { declarationId: d.id }, { 'idempotency-key': key() })));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    const paid = raced.find((r) => r.status === 201)!.body;
    expect(paid).toMatchObject({ provider: 'prepaid', state: 'succeeded' });
    const winner = [first, second].find((d) => d.id === paid.declarationId)!;
    expect((await broker.request('GET', `/api/payments/prepaid/${BROKER.taxId}`)).body.balance).toBe(deposit - winner.totalDue);
    await settled();
    expect((await declarationNamed(winner.reference)).state).toBe('released');
    const loser = [first, second].find((d) => d.id !== paid.declarationId)!;
    expect((await declarationNamed(loser.reference)).state).toBe('assessed');
    const stored = await db().selectFrom('payments').select('id').where('declaration_id', '=', loser.id).execute();
    expect(stored).toEqual([]);
  });

  it('refuses to take duties that are not due, and hides a declaration from strangers', async () => {
    const lodged = await broker.request('POST', '/api/customs/declarations', riceDeclaration(3));
    if (lodged.body.state !== 'assessed') {
      const early = await broker.request('POST', '/api/payments/intents', { declarationId: lodged.body.id, provider: 'mobile_money', phone: '221770000320' }, { 'idempotency-key': key() });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('fee_not_due');
    }
    const stranger = await signedIn(platform.url, 'awa.ndiaye', 'en');
    const hidden = await stranger.request('POST', '/api/payments/intents', { declarationId: lodged.body.id, provider: 'mobile_money', phone: '221770000321' }, { 'idempotency-key': key() });
    expect(hidden.status).toBe(404);
    const both = await broker.request('POST', '/api/payments/intents', { declarationId: lodged.body.id, applicationId: lodged.body.id, provider: 'mobile_money', phone: '221770000322' }, { 'idempotency-key': key() });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe('payment_subject_required');
  });
});
