import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/applications.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/client.ts';
import { answerOnPhone, fileAwaitingPayment, intentOf, ledger, newKey, payByPhone, phoneScreen } from './support.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
});
afterAll(async () => {
  await platform?.close();
});

const DESK = 'asset.cash_desk.TREASURY';
const CLEARING = 'asset.mobile_money_clearing';
const CARD_FEE = 'revenue.COMMERCE.import-export-card.card-issue-fee';
const OWED = 'liability.unallocated_receipts';
const delta = (before: Map<string, number>, after: Map<string, number>, account: string) => (after.get(account) ?? 0) - (before.get(account) ?? 0);

function payAtTheDesk(cashier: ApiClient, applicationId: string, receipt: string, key = newKey()) {
  return cashier.request('POST', '/api/payments/counter', { applicationId, receipt }, { 'idempotency-key': key });
}

/** An administrator of another agency than the one paid (Health), created by the platform administrator. */
async function healthAdministrator(): Promise<ApiClient> {
  const admin = await signedIn(platform.url, 'admin');
  const agencies = (await admin.request('GET', '/api/agencies')).body.items as { id: string; code: string }[];
  const email = 'sante.admin@health.test';
  const created = await admin.request('POST', '/api/users', { email, displayName: 'Rachid Amrani', password: 'a-long-enough-password', locale: 'fr', grants: [{ role: 'agency_admin', agencyId: agencies.find((a) => a.code === 'HEALTH')!.id }] });
  expect(created.status).toBe(201);
  const client = new ApiClient(platform.url);
  expect((await client.login(email, 'a-long-enough-password')).status).toBe(200);
  return client;
}

describe('paying at an agency desk', () => {
  it("takes the cash into the Treasury desk's drawer and moves the file on at once", async () => {
    const before = await ledger(platform);
    const { applicant, file } = await fileAwaitingPayment(platform);
    const cashier = await signedIn(platform.url, 'ibrahima.fall');
    const key = newKey();
    const paid = await payAtTheDesk(cashier, file.id, 'TR-2026-0101', key);
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ provider: 'counter', state: 'succeeded', providerReference: 'TR-2026-0101', amount: 25000, phoneUrl: null });
    expect(paid.body.receiptNumber).toMatch(/^KD-RC-/);
    expect((await applicant.request('GET', `/api/applications/${file.id}`)).body.state).toBe('in_review');
    const after = await ledger(platform);
    expect(delta(before, after, DESK)).toBe(25000);
    expect(delta(before, after, CARD_FEE)).toBe(25000);

    // The same call again (a double click, a retried request) is the same payment, not a second one.
    const again = await payAtTheDesk(cashier, file.id, 'TR-2026-0101', key);
    expect([again.status, again.body.id]).toEqual([200, paid.body.id]);
    // A new call for a paid file, at the desk or by phone, is refused with the receipt.
    const twice = await payAtTheDesk(cashier, file.id, 'TR-2026-0102');
    expect(twice.status).toBe(409);
    expect(twice.body.error.details.receipt).toEqual({ paymentId: paid.body.id, receiptNumber: paid.body.receiptNumber });
    expect((await payByPhone(applicant, file.id, '221770000040')).body.error.code).toBe('fee_already_paid');
  });

  it('refuses a paper receipt number already used, and anyone but a cashier', async () => {
    const cashier = await signedIn(platform.url, 'ibrahima.fall');
    const first = await fileAwaitingPayment(platform);
    expect((await payAtTheDesk(cashier, first.file.id, 'TR-2026-0200')).status).toBe(201);
    const second = await fileAwaitingPayment(platform);
    const reused = await payAtTheDesk(cashier, second.file.id, 'TR-2026-0200');
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('counter_receipt_reused');
    expect((await payAtTheDesk(second.applicant, second.file.id, 'TR-2026-0201')).status).toBe(403);
    expect((await payAtTheDesk(await signedIn(platform.url, 'fatou.sow'), second.file.id, 'TR-2026-0201')).status).toBe(403);
    expect((await second.applicant.request('GET', `/api/applications/${second.file.id}`)).body.state).toBe('payment_due');
  });
});

describe('who may pay and see a payment', () => {
  it("shows an intent to the payer, the company's colleague and the agency's staff, and hides it from everyone else with 404", async () => {
    const { applicant, file } = await fileAwaitingPayment(platform);
    const started = await payByPhone(applicant, file.id, '221770000050');
    expect(started.status).toBe(201);
    const path = `/api/payments/intents/${started.body.id}`;
    for (const who of ['aicha.diallo', 'fatou.sow', 'mariam.kone', 'ibrahima.fall']) expect([who, (await (await signedIn(platform.url, who)).request('GET', path)).status]).toEqual([who, 200]);
    const stranger = await signedIn(platform.url, 'awa.ndiaye');
    const hidden = await stranger.request('GET', path);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).not.toContain(file.id);
    expect((await stranger.request('GET', `/api/applications/${file.id}/payments`)).status).toBe(404);
    const theft = await payByPhone(stranger, file.id, '221770000051');
    expect(theft.status).toBe(404);
    expect((await (await signedIn(platform.url, 'karim.benali')).request('GET', path)).status).toBe(404);
    expect((await (await signedIn(platform.url, 'fatou.sow')).request('POST', '/api/payments/intents', { applicationId: file.id, provider: 'mobile_money', phone: '221770000052' }, { 'idempotency-key': newKey() })).status).toBe(403);
    // The colleague of the same company may pay for it.
    expect((await payByPhone(await signedIn(platform.url, 'aicha.diallo'), file.id, '221770000053')).status).toBe(201);
  });
});

describe('refunds', () => {
  it("gives a desk payment back at once and reverses the ledger entry; another agency's administrator may not", async () => {
    const before = await ledger(platform);
    const { file } = await fileAwaitingPayment(platform);
    const paid = await payAtTheDesk(await signedIn(platform.url, 'ibrahima.fall'), file.id, 'TR-2026-0300');

    const health = await healthAdministrator();
    const refused = await health.request('POST', `/api/payments/${paid.body.id}/refund`, { reason: 'Not ours to give back' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden_agency']);
    expect((await (await signedIn(platform.url, 'ibrahima.fall')).request('POST', `/api/payments/${paid.body.id}/refund`, { reason: 'Cashier mistake' })).status).toBe(403);

    const commerce = await signedIn(platform.url, 'mariam.kone');
    const refunded = await commerce.request('POST', `/api/payments/${paid.body.id}/refund`, { reason: 'Duplicate filing, applicant asked' });
    expect(refunded.status).toBe(200);
    expect(refunded.body.state).toBe('refunded');
    const after = await ledger(platform);
    expect([delta(before, after, DESK), delta(before, after, CARD_FEE)]).toEqual([0, 0]);
    const entries = await platform.database.db.selectFrom('ledger_entries').select('kind').where('payment_id', '=', paid.body.id).orderBy('posted_at').execute();
    expect(entries.map((e) => e.kind)).toEqual(['credit', 'reversal']);
    const event = await platform.database.db.selectFrom('outbox_events').select('payload').where('topic', '=', 'payment.refunded').where(sql<boolean>`payload->>'paymentId' = ${paid.body.id}`).executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ agencyCode: 'COMMERCE', amount: 25000, reason: 'Duplicate filing, applicant asked' });

    // Asking again changes nothing; a payment that never took money cannot be refunded.
    expect((await commerce.request('POST', `/api/payments/${paid.body.id}/refund`, { reason: 'Again' })).body.state).toBe('refunded');
    const other = await fileAwaitingPayment(platform);
    const failed = await payByPhone(other.applicant, other.file.id, '221770000001');
    await platform.simulator.whenIdle();
    const notRefundable = await commerce.request('POST', `/api/payments/${failed.body.id}/refund`, { reason: 'Nothing to give back' });
    expect([notRefundable.status, notRefundable.body.error.code]).toEqual([409, 'payment_not_refundable']);
  });

  it('gives a mobile-money payment back through the operator', async () => {
    const before = await ledger(platform);
    const { applicant, file } = await fileAwaitingPayment(platform);
    const started = await payByPhone(applicant, file.id, '221770000060');
    await answerOnPhone(platform, '221770000060', 'confirm');
    expect((await intentOf(applicant, started.body.id)).state).toBe('succeeded');
    const refunded = await (await signedIn(platform.url, 'mariam.kone')).request('POST', `/api/payments/${started.body.id}/refund`, { reason: 'Procedure cancelled' });
    expect(refunded.body.state).toBe('refunded');
    expect(await phoneScreen(platform, '221770000060', 'en')).toContain('refunded');
    const after = await ledger(platform);
    expect([delta(before, after, CLEARING), delta(before, after, CARD_FEE)]).toEqual([0, 0]);
  });

  it('holds money paid for a fee no longer due apart from revenue, and gives it back', async () => {
    const before = await ledger(platform);
    const { applicant, file } = await fileAwaitingPayment(platform);
    const byPhone = await payByPhone(applicant, file.id, '221770000070');
    // Meanwhile the applicant pays at the desk; then confirms on the phone anyway.
    await payAtTheDesk(await signedIn(platform.url, 'ibrahima.fall'), file.id, 'TR-2026-0400');
    await answerOnPhone(platform, '221770000070', 'confirm');
    expect(await intentOf(applicant, byPhone.body.id)).toMatchObject({ state: 'refund_pending', failureReason: 'fee_not_due', receiptNumber: null });
    const held = await ledger(platform);
    expect([delta(before, held, OWED), delta(before, held, CLEARING), delta(before, held, CARD_FEE)]).toEqual([25000, 25000, 25000]);

    await platform.payments.resolvePending();
    expect((await intentOf(applicant, byPhone.body.id)).state).toBe('refunded');
    const after = await ledger(platform);
    expect([delta(before, after, OWED), delta(before, after, CLEARING), delta(before, after, CARD_FEE)]).toEqual([0, 0, 25000]);
  });
});
