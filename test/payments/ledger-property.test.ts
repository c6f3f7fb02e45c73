import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/applications.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { ApiClient } from '../support/client.ts';
import { answerOnPhone, fileAwaitingPayment, newKey, operatorNotice, payByPhone, postNotice } from './support.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
});
afterAll(async () => {
  await platform?.close();
});

type Act = 'pay_by_phone' | 'confirm' | 'decline' | 'notify_again' | 'pay_at_desk' | 'refund' | 'resolve';
/** Weighted so that runs reach every state: paid, declined, paid twice (by phone after the desk), refunded. */
const act: fc.Arbitrary<Act> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('pay_by_phone' as const) },
  { weight: 3, arbitrary: fc.constant('confirm' as const) },
  { weight: 1, arbitrary: fc.constant('decline' as const) },
  { weight: 3, arbitrary: fc.constant('notify_again' as const) },
  { weight: 1, arbitrary: fc.constant('pay_at_desk' as const) },
  { weight: 2, arbitrary: fc.constant('refund' as const) },
  { weight: 1, arbitrary: fc.constant('resolve' as const) },
);

interface FileUnderTest {
  id: string;
  applicant: ApiClient;
  intents: { id: string; phone: string }[];
}

let phones = 0;
/** A new number for each intent, ending in 0 so that no simulator behaviour (…0001 to …0005) applies. */
const nextPhone = () => `2217711${String((phones += 1)).padStart(4, '0')}0`;

/** Does one thing to one file, as a payer, the operator, a cashier, an administrator or the job would; refusals are part of the game. */
async function perform(act: Act, file: FileUnderTest, people: { cashier: ApiClient; commerce: ApiClient }) {
  const latest = file.intents.at(-1);
  const row = latest && (await platform.database.db.selectFrom('payments').selectAll().where('id', '=', latest.id).executeTakeFirstOrThrow());
  switch (act) {
    case 'pay_by_phone': {
      const phone = nextPhone();
      const started = await payByPhone(file.applicant, file.id, phone);
      if (started.status === 201) file.intents.push({ id: started.body.id, phone });
      return;
    }
    case 'confirm':
    case 'decline':
      if (row?.state === 'pending') await answerOnPhone(platform, latest!.phone, act).catch(() => undefined);
      return;
    case 'notify_again':
      // The operator's duplicate: the same news again, under a new event id.
      if (row && row.provider_reference && row.state !== 'pending') {
        const paid = row.state !== 'failed';
        await postNotice(platform, operatorNotice({ transactionId: row.provider_reference, merchantReference: row.id, amount: row.amount, msisdn: row.phone, status: paid ? 'SUCCESSFUL' : 'FAILED' }));
      }
      return;
    case 'pay_at_desk':
      await people.cashier.request('POST', '/api/payments/counter', { applicationId: file.id, receipt: `TR-${newKey()}`.slice(0, 40) }, { 'idempotency-key': newKey() });
      return;
    case 'refund': {
      const paid = await platform.database.db.selectFrom('payments').select('id').where('application_id', '=', file.id).where('state', '=', 'succeeded').executeTakeFirst();
      if (paid) await people.commerce.request('POST', `/api/payments/${paid.id}/refund`, { reason: 'property test' });
      return;
    }
    case 'resolve':
      await platform.payments.resolvePending();
  }
}

async function checkInvariants(files: FileUnderTest[]) {
  const db = platform.database.db;
  const balances = (await (await signedIn(platform.url, 'khadija.mansour')).request('GET', '/api/payments/ledger/balances')).body.items as { kind: string; balance: number }[];
  const sum = (kind: string) => balances.filter((b) => b.kind === kind).reduce((total, b) => total + b.balance, 0);
  expect(sum('asset')).toBe(sum('revenue') + sum('liability'));
  for (const file of files) {
    const payments = await db.selectFrom('payments').select(['id', 'state', 'receipt_number']).where('application_id', '=', file.id).execute();
    let standingFees = 0;
    for (const payment of payments) {
      const kinds = (await db.selectFrom('ledger_entries').select('kind').where('payment_id', '=', payment.id).execute()).map((e) => e.kind).sort();
      const expected = { pending: [], failed: [], succeeded: ['credit'], refund_pending: ['credit'], refunded: ['credit', 'reversal'] }[payment.state];
      expect([payment.state, kinds]).toEqual([payment.state, expected]);
      if (payment.receipt_number && (payment.state === 'succeeded' || payment.state === 'refund_pending')) standingFees += 1;
    }
    // Each intent is credited at most once, and a file's fee is held as revenue at most once.
    expect(standingFees).toBeLessThanOrEqual(1);
  }
}

describe('the ledger through the real service', () => {
  it('stays balanced and credits each intent at most once, whatever payers, operator, cashier and administrators do', async () => {
    const people = { cashier: await signedIn(platform.url, 'ibrahima.fall'), commerce: await signedIn(platform.url, 'mariam.kone') };
    await fc.assert(
      fc.asyncProperty(fc.array(act, { minLength: 6, maxLength: 16 }), async (steps) => {
        const { applicant, file } = await fileAwaitingPayment(platform);
        const underTest: FileUnderTest = { id: file.id, applicant, intents: [] };
        for (const step of steps) await perform(step, underTest, people);
        await platform.simulator.whenIdle();
        await checkInvariants([underTest]);
      }),
      { numRuns: 8, endOnFailure: true },
    );
  }, 180_000);
});
