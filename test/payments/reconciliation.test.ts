import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/applications.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { ApiClient } from '../support/client.ts';
import { answerOnPhone, fileAwaitingPayment, intentOf, payByPhone } from './support.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
});
afterAll(async () => {
  await platform?.close();
});

async function paidByPhone(who: string, procedureId: string, phone: string) {
  const { applicant, file } = await fileAwaitingPayment(platform, who, procedureId);
  const started = await payByPhone(applicant, file.id, phone);
  await answerOnPhone(platform, phone, 'confirm');
  return intentOf(applicant, started.body.id);
}

function importStatement(client: ApiClient, day: string, csv: string) {
  return client.request('POST', `/api/payments/reconciliations?provider=mobile_money&day=${day}`, csv, { 'content-type': 'text/csv' });
}

describe("reconciling a day's mobile-money payments with the operator's statement", () => {
  it('lists the payment missing from the statement, the collection unknown to the platform and the amount that differs', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const agreed = await paidByPhone('moussa.traore', 'import-export-card', '221770000201');
    const shortPaid = await paidByPhone('awa.ndiaye', 'criminal-record-extract', '221770000202');
    const unlisted = await paidByPhone('moussa.traore', 'import-export-card', '221770000203');

    // The operator's statement of the day, as it would arrive with three errors of its own.
    const real = await (await fetch(`${platform.simulator.url}/v1/statements/${day}.csv`)).text();
    const [header, ...lines] = real.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    const statement = [
      header,
      ...lines.filter((line) => !line.startsWith(unlisted.providerReference)).map((line) => (line.startsWith(shortPaid.providerReference) ? line.replace(',1000,XOF,', ',1500,XOF,') : line)),
      `MPFFFFFFFFFFFF,,221770000299,5000,XOF,${day}T09:30:00.000Z`,
    ].join('\r\n');

    const accountant = await signedIn(platform.url, 'khadija.mansour');
    const imported = await importStatement(accountant, day, statement);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ provider: 'mobile_money', day, statementLines: 3, matched: 1 });
    expect(imported.body.importedBy).toContain('Khadija Mansour');
    expect(imported.body.mismatches).toEqual(
      expect.arrayContaining([
        { kind: 'amount_differs', providerReference: shortPaid.providerReference, paymentId: shortPaid.id, reference: shortPaid.reference, ours: 1000, theirs: 1500, currency: 'XOF' },
        { kind: 'missing_in_platform', providerReference: 'MPFFFFFFFFFFFF', paymentId: null, reference: null, ours: null, theirs: 5000, currency: 'XOF' },
        { kind: 'missing_in_statement', providerReference: unlisted.providerReference, paymentId: unlisted.id, reference: unlisted.reference, ours: 25000, theirs: null, currency: 'XOF' },
      ]),
    );
    expect(imported.body.mismatches).toHaveLength(3);
    expect(agreed.state).toBe('succeeded');

    const list = await accountant.request('GET', '/api/payments/reconciliations');
    expect(list.body.items[0]).toMatchObject({ id: imported.body.id, day, matched: 1, mismatchCount: 3 });
    expect((await accountant.request('GET', `/api/payments/reconciliations/${imported.body.id}`)).body).toEqual(imported.body);
    const csv = await accountant.request('GET', `/api/payments/reconciliations/${imported.body.id}/csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = String(csv.body).trim().split('\r\n');
    expect(rows[0]).toBe('kind,provider_reference,payment_id,reference,ours,theirs,currency');
    expect(rows.slice(1).map((row) => row.split(',')[0]).sort()).toEqual(['amount_differs', 'missing_in_platform', 'missing_in_statement']);
    expect(rows.join('\n')).toContain(`${unlisted.reference},25000,,XOF`);

    const audit = await platform.database.db.selectFrom('audit_entries').select('details').where('action', '=', 'reconciliation.imported').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ day, statementLines: 3, matched: 1, mismatches: 3 });
  });

  it('refuses a statement it cannot read, naming the line, and anyone but an accountant', async () => {
    const accountant = await signedIn(platform.url, 'khadija.mansour');
    const bad = await importStatement(accountant, '2026-05-04', 'transaction_id,merchant_reference,msisdn,amount,currency,completed_at\r\nMP1,,221770000001,12.5,XOF,2026-05-04T10:00:00Z\r\n');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('statement_invalid');
    expect(bad.body.error.message).toContain('2');
    expect((await importStatement(accountant, '2026-05-04', 'id,amount\r\nMP1,10\r\n')).body.error.message).toContain('completed_at');
    for (const who of ['mariam.kone', 'ibrahima.fall', 'moussa.traore']) {
      const client = await signedIn(platform.url, who);
      expect([who, (await importStatement(client, '2026-05-04', 'transaction_id\r\n')).status]).toEqual([who, 403]);
      expect([who, (await client.request('GET', '/api/payments/reconciliations')).status]).toEqual([who, 403]);
    }
  });

  it("shows the accountant every ledger account, and Commerce's administrator only Commerce's", async () => {
    await paidByPhone('moussa.traore', 'import-export-card', '221770000210');
    const all = (await (await signedIn(platform.url, 'khadija.mansour')).request('GET', '/api/payments/ledger/balances')).body.items as { account: string; kind: string; agencyCode: string | null; balance: number; label: { ar: string } }[];
    expect(all.map((b) => b.account)).toEqual(expect.arrayContaining(['asset.mobile_money_clearing', 'revenue.COMMERCE.import-export-card.card-issue-fee', 'revenue.JUSTICE.criminal-record-extract.stamp-duty']));
    const clearing = all.find((b) => b.account === 'asset.mobile_money_clearing')!;
    const revenue = all.filter((b) => b.kind === 'revenue').reduce((sum, b) => sum + b.balance, 0);
    expect(clearing.balance).toBe(revenue);
    expect(clearing.label.ar).toBe('حساب انتظار النقود عبر الهاتف المحمول');

    const commerce = (await (await signedIn(platform.url, 'mariam.kone')).request('GET', '/api/payments/ledger/balances')).body.items as { agencyCode: string }[];
    expect(commerce.length).toBeGreaterThan(0);
    expect(commerce.every((b) => b.agencyCode === 'COMMERCE')).toBe(true);
    expect((await (await signedIn(platform.url, 'fatou.sow')).request('GET', '/api/payments/ledger/balances')).status).toBe(403);
  });
});
