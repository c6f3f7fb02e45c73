import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { fileAwaitingPayment, intentOf, operatorNotice, payByPhone, postNotice } from './support.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
});
afterAll(async () => {
  await platform?.close();
});

/** A pending intent the operator knows by its transaction id: what a forger would aim at. */
async function pendingIntent(phone: string) {
  const { applicant, file } = await fileAwaitingPayment(platform);
  const intent = (await payByPhone(applicant, file.id, phone)).body;
  expect(intent.providerReference).toMatch(/^MP/);
  return { applicant, file, intent, about: { transactionId: intent.providerReference, merchantReference: intent.id, amount: intent.amount, msisdn: phone } };
}

const recorded = (paymentId: string) => platform.database.db.selectFrom('payment_callbacks').select(['event_id', 'outcome']).where('payment_id', '=', paymentId).execute();

describe("the operator's callback", () => {
  it('refuses a notification that is unsigned, signed with another secret, or signed more than five minutes ago — and changes nothing', async () => {
    const { applicant, intent, about } = await pendingIntent('221770000100');
    const forged = operatorNotice(about, { secret: 'not-the-operator-secret' });
    expect(await postNotice(platform, forged)).toMatchObject({ status: 401, body: { error: { code: 'callback_signature_invalid' } } });
    const unsigned = operatorNotice(about);
    expect(await postNotice(platform, { body: unsigned.body, headers: { 'content-type': 'application/json' } })).toMatchObject({ status: 401 });
    const tampered = operatorNotice(about);
    expect(await postNotice(platform, { ...tampered, body: tampered.body.replace('"amount":25000', '"amount":25001') })).toMatchObject({ status: 401 });
    const stale = operatorNotice(about, { at: Date.now() - 6 * 60_000 });
    expect(await postNotice(platform, stale)).toMatchObject({ status: 401, body: { error: { code: 'callback_timestamp_stale' } } });
    expect(await postNotice(platform, operatorNotice({ ...about, amount: 'lots' }))).toMatchObject({ status: 400, body: { error: { code: 'callback_invalid' } } });
    expect((await intentOf(applicant, intent.id)).state).toBe('pending');
    expect(await recorded(intent.id)).toEqual([]);
  });

  it('refuses a notification about a transaction it does not know, or for another amount', async () => {
    const { applicant, intent, about } = await pendingIntent('221770000110');
    expect(await postNotice(platform, operatorNotice({ ...about, transactionId: 'MP000000000000', merchantReference: 'someone-else' }))).toMatchObject({
      status: 404,
      body: { error: { code: 'callback_unknown_transaction' } },
    });
    // Our id, but another transaction than the one the operator gave us for it.
    expect((await postNotice(platform, operatorNotice({ ...about, transactionId: 'MP111111111111' }))).status).toBe(404);
    expect(await postNotice(platform, operatorNotice({ ...about, amount: 100 }))).toMatchObject({ status: 422, body: { error: { code: 'callback_amount_mismatch' } } });
    expect((await intentOf(applicant, intent.id)).state).toBe('pending');
  });

  it('takes each event once, and a later notice about a settled payment changes nothing', async () => {
    const { applicant, file, intent, about } = await pendingIntent('221770000120');
    const notice = operatorNotice(about);
    expect(await postNotice(platform, notice)).toEqual({ status: 200, body: { outcome: 'applied' } });
    // A captured request replayed within the window: the same event id.
    expect(await postNotice(platform, notice)).toEqual({ status: 200, body: { outcome: 'duplicate' } });
    // The operator's second notice, and a contradicting one: the payment has already moved on.
    expect(await postNotice(platform, operatorNotice(about))).toEqual({ status: 200, body: { outcome: 'already_settled' } });
    expect(await postNotice(platform, operatorNotice({ ...about, status: 'FAILED', reason: 'late' }))).toEqual({ status: 200, body: { outcome: 'already_settled' } });

    expect((await intentOf(applicant, intent.id)).state).toBe('succeeded');
    expect((await applicant.request('GET', `/api/applications/${file.id}`)).body.state).toBe('in_review');
    const db = platform.database.db;
    expect(await db.selectFrom('ledger_entries').select('kind').where('payment_id', '=', intent.id).execute()).toEqual([{ kind: 'credit' }]);
    expect((await recorded(intent.id)).map((r) => r.outcome).sort()).toEqual(['already_settled', 'already_settled', 'applied']);
    const audit = await db.selectFrom('audit_entries').select(['action', 'actor_label']).where('record_id', '=', intent.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['payment.created', 'payment.initiated', 'payment.succeeded', 'payment.callback_ignored', 'payment.callback_ignored']);
    expect(audit[2]!.actor_label).toBe('mobile-money operator');
  });

  it('fails a payment on a FAILED notice, which a later success notice cannot revive', async () => {
    const { applicant, intent, about } = await pendingIntent('221770000130');
    expect((await postNotice(platform, operatorNotice({ ...about, status: 'FAILED', reason: 'expired' }))).body).toEqual({ outcome: 'applied' });
    expect((await postNotice(platform, operatorNotice(about))).body).toEqual({ outcome: 'already_settled' });
    expect(await intentOf(applicant, intent.id)).toMatchObject({ state: 'failed', failureReason: 'expired', receiptNumber: null });
  });
});
