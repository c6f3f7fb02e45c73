import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { answerOnPhone, fileAwaitingPayment, intentOf, ledger, newKey, payByPhone, phoneScreen } from './support.ts';

let platform: TestApp;
beforeAll(async () => {
  // A pending intent is asked about at the operator once it has waited a second (60 s in production).
  platform = await startTestApp({ MOBILE_MONEY_STATUS_AFTER_SECONDS: '1' }, process.env.DATABASE_URL);
});
afterAll(async () => {
  await platform?.close();
});

const CLEARING = 'asset.mobile_money_clearing';
const CARD_FEE = 'revenue.COMMERCE.import-export-card.card-issue-fee';
const stateOf = async (id: string) => (await platform.database.db.selectFrom('payments').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
const creditsOf = async (id: string) => (await platform.database.db.selectFrom('ledger_entries').select('kind').where('payment_id', '=', id).execute()).map((e) => e.kind);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('paying a fee by mobile money', () => {
  it('prompts the phone, and once the payer confirms the operator calls back: the file moves on and Commerce is credited', async () => {
    const before = await ledger(platform);
    const { applicant, file } = await fileAwaitingPayment(platform);
    const started = await payByPhone(applicant, file.id, '+221770000010');
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ applicationId: file.id, reference: file.reference, provider: 'mobile_money', state: 'pending', amount: 25000, currency: 'XOF', phone: '221770000010', receiptNumber: null });
    expect(started.body.providerReference).toMatch(/^MP[0-9A-F]{12}$/);
    expect(started.body.phoneUrl).toBe(`${platform.simulator.url}/phone/221770000010`);

    const screen = await phoneScreen(platform, '221770000010', 'ar');
    expect(screen).toContain('dir="rtl"');
    expect(screen).toContain(file.reference);
    expect(screen).toContain('تأكيد');

    await answerOnPhone(platform, '221770000010', 'confirm');
    const paid = await intentOf(applicant, started.body.id);
    expect(paid.state).toBe('succeeded');
    expect(paid.receiptNumber).toMatch(/^KD-RC-\d{4}-\d{6}$/);
    expect(paid.settledAt).not.toBeNull();
    expect((await applicant.request('GET', `/api/applications/${file.id}`)).body.state).toBe('in_review');

    const after = await ledger(platform);
    expect((after.get(CLEARING) ?? 0) - (before.get(CLEARING) ?? 0)).toBe(25000);
    expect((after.get(CARD_FEE) ?? 0) - (before.get(CARD_FEE) ?? 0)).toBe(25000);

    const event = await platform.database.db.selectFrom('outbox_events').select('payload').where('topic', '=', 'payment.succeeded').where(sql<boolean>`payload->>'paymentId' = ${paid.id}`).executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ applicationId: file.id, agencyCode: 'COMMERCE', amount: 25000, provider: 'mobile_money', receiptNumber: paid.receiptNumber, providerReference: paid.providerReference });
    const audit = await platform.database.db.selectFrom('audit_entries').select('action').where('record_id', '=', paid.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['payment.created', 'payment.initiated', 'payment.succeeded']);

    // The file's payments, and a second attempt refused with the receipt of the first.
    expect((await applicant.request('GET', `/api/applications/${file.id}/payments`)).body.items.map((i: { id: string }) => i.id)).toEqual([paid.id]);
    const again = await payByPhone(applicant, file.id, '221770000010');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'fee_already_paid', details: { receipt: { paymentId: paid.id, receiptNumber: paid.receiptNumber } } });
    expect(again.body.error.message).toContain(file.reference);

    // The receipt is issued from the outbox as a verifiable document, and the intent then names it.
    await platform.bus.drain(platform.database.db);
    const receipt = (await intentOf(applicant, paid.id)).receiptDocumentId;
    expect(receipt).toEqual(expect.any(String));
    const document = await applicant.request('GET', `/api/documents/${receipt}`);
    expect(document.body).toMatchObject({ kind: 'receipt', paymentId: paid.id, applicationId: file.id });
  });

  it('gives back the same intent for the same Idempotency-Key, and refuses the key for another request', async () => {
    const { applicant, file } = await fileAwaitingPayment(platform);
    const key = newKey();
    const first = await payByPhone(applicant, file.id, '221770000020', key);
    const replay = await payByPhone(applicant, file.id, '221770000020', key);
    expect([first.status, replay.status]).toEqual([201, 200]);
    expect(replay.body.id).toBe(first.body.id);
    const reused = await payByPhone(applicant, file.id, '221770000021', key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect((await phoneScreen(platform, '221770000020')).match(/name="answer" value="confirm"/g)).toHaveLength(1);
    expect((await applicant.request('POST', '/api/payments/intents', { applicationId: file.id, provider: 'mobile_money', phone: '221770000020' })).status).toBe(400);
  });

  it('fails the intent when the operator refuses or the payer declines, and the file still waits for its fee', async () => {
    const { applicant, file } = await fileAwaitingPayment(platform);
    const refused = await payByPhone(applicant, file.id, '221770000001');
    await platform.simulator.whenIdle();
    expect(refused.status).toBe(201);
    expect(await intentOf(applicant, refused.body.id)).toMatchObject({ state: 'failed', failureReason: 'insufficient_funds' });

    const declined = await payByPhone(applicant, file.id, '221770000030');
    await answerOnPhone(platform, '221770000030', 'decline');
    expect(await intentOf(applicant, declined.body.id)).toMatchObject({ state: 'failed', failureReason: 'declined_by_payer' });
    expect(await creditsOf(declined.body.id)).toEqual([]);
    expect((await applicant.request('GET', `/api/applications/${file.id}`)).body.state).toBe('payment_due');
  });

  it('leaves the intent pending, not failed, when the operator does not answer in time; its callback settles it later', async () => {
    const { applicant, file } = await fileAwaitingPayment(platform);
    const slow = await payByPhone(applicant, file.id, '221770000005');
    expect(slow.status).toBe(201);
    expect(slow.body).toMatchObject({ state: 'pending', providerReference: null, failureReason: null });
    await answerOnPhone(platform, '221770000005', 'confirm');
    const paid = await intentOf(applicant, slow.body.id);
    expect(paid.state).toBe('succeeded');
    expect(paid.providerReference).toMatch(/^MP/);
  });

  it('resolves a payment whose callback never comes by asking the operator: on reading the intent, and from the scheduled job', async () => {
    const { applicant, file } = await fileAwaitingPayment(platform);
    const silent = await payByPhone(applicant, file.id, '221770000002');
    await answerOnPhone(platform, '221770000002', 'confirm');
    expect(platform.simulator.deliveries.filter((d) => d.transactionId === silent.body.providerReference)).toEqual([]);
    expect(await stateOf(silent.body.id)).toBe('pending');
    await sleep(1100);
    expect((await intentOf(applicant, silent.body.id)).state).toBe('succeeded');

    const second = await fileAwaitingPayment(platform, 'awa.ndiaye', 'criminal-record-extract');
    const unread = await payByPhone(second.applicant, second.file.id, '221770000002');
    await answerOnPhone(platform, '221770000002', 'confirm');
    await sleep(1100);
    await platform.database.db.updateTable('scheduled_jobs').set({ next_run_at: new Date() }).where('name', '=', 'payments.resolve_pending').execute();
    const deadline = Date.now() + 10_000;
    while ((await stateOf(unread.body.id)) === 'pending' && Date.now() < deadline) await sleep(200);
    expect(await stateOf(unread.body.id)).toBe('succeeded');
    expect(await creditsOf(unread.body.id)).toEqual(['credit']);
  });

  it('credits once when the operator calls back twice, each time with a new event id', async () => {
    const before = await ledger(platform);
    const { applicant, file } = await fileAwaitingPayment(platform);
    const twice = await payByPhone(applicant, file.id, '221770000003');
    await answerOnPhone(platform, '221770000003', 'confirm');
    const sent = platform.simulator.deliveries.filter((d) => d.transactionId === twice.body.providerReference);
    expect(sent.map((d) => d.status)).toEqual([200, 200]);
    expect(new Set(sent.map((d) => d.eventId)).size).toBe(2);
    const outcomes = await platform.database.db.selectFrom('payment_callbacks').select('outcome').where('payment_id', '=', twice.body.id).execute();
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already_settled', 'applied']);
    expect(await creditsOf(twice.body.id)).toEqual(['credit']);
    expect(((await ledger(platform)).get(CLEARING) ?? 0) - (before.get(CLEARING) ?? 0)).toBe(25000);
  });

  it('credits once when the very same signed callback is replayed', async () => {
    const { applicant, file } = await fileAwaitingPayment(platform);
    const replayed = await payByPhone(applicant, file.id, '221770000004');
    await answerOnPhone(platform, '221770000004', 'confirm');
    const sent = platform.simulator.deliveries.filter((d) => d.transactionId === replayed.body.providerReference);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.eventId).toBe(sent[1]!.eventId);
    expect(sent.map((d) => d.status)).toEqual([200, 200]);
    expect(await platform.database.db.selectFrom('payment_callbacks').select('outcome').where('payment_id', '=', replayed.body.id).execute()).toEqual([{ outcome: 'applied' }]);
    expect(await creditsOf(replayed.body.id)).toEqual(['credit']);
    expect((await intentOf(applicant, replayed.body.id)).state).toBe('succeeded');
  });
});
