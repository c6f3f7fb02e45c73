import { randomUUID } from 'node:crypto';
import { signedHeaders } from '../../src/modules/payments/providers/signature.ts';
import { fileApplication, signedIn } from '../support/applications.ts';
import type { TestApp } from '../support/app.ts';
import { TEST_MOBILE_MONEY_SECRET } from '../support/app.ts';
import type { ApiClient } from '../support/client.ts';

export const newKey = () => `pay-${randomUUID()}`;

/** A file of `who`'s, submitted and waiting for its fee (the import-export card: 25,000 XOF to Commerce). */
export async function fileAwaitingPayment(platform: TestApp, who = 'moussa.traore', procedureId = 'import-export-card') {
  const applicant = await signedIn(platform.url, who);
  const file = await fileApplication(applicant, procedureId);
  return { applicant, file };
}

export function payByPhone(client: ApiClient, applicationId: string, phone: string, key = newKey()) {
  return client.request('POST', '/api/payments/intents', { applicationId, provider: 'mobile_money', phone }, { 'idempotency-key': key });
}

/** The payer's phone page, as the payer sees it. */
export async function phoneScreen(platform: TestApp, phone: string, lang = 'fr'): Promise<string> {
  return (await fetch(`${platform.simulator.url}/phone/${phone}?lang=${lang}`)).text();
}

/** The payer presses Confirm (or Decline) on the first prompt their phone shows. */
export async function answerOnPhone(platform: TestApp, phone: string, answer: 'confirm' | 'decline') {
  const prompt = /action="(\/phone\/\d+\/prompts\/[A-Z0-9]+)/.exec(await phoneScreen(platform, phone));
  if (!prompt) throw new Error(`no prompt on ${phone}`);
  const response = await fetch(platform.simulator.url + prompt[1], { method: 'POST', body: new URLSearchParams({ answer }), redirect: 'manual' });
  if (response.status !== 303) throw new Error(`the phone refused the answer: ${response.status}`);
  await platform.simulator.whenIdle();
}

export async function intentOf(client: ApiClient, id: string) {
  const response = await client.request('GET', `/api/payments/intents/${id}`);
  if (response.status !== 200) throw new Error(`intent ${id}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Every ledger account's balance, as the Treasury's accountant reads them. */
export async function ledger(platform: TestApp): Promise<Map<string, number>> {
  const accountant = await signedIn(platform.url, 'khadija.mansour');
  const response = await accountant.request('GET', '/api/payments/ledger/balances');
  if (response.status !== 200) throw new Error(`ledger: ${response.status}`);
  return new Map((response.body.items as { account: string; balance: number }[]).map((b) => [b.account, b.balance]));
}

/** A notification as the operator would sign it (or not). */
export function operatorNotice(fields: Record<string, unknown>, options: { secret?: string; at?: number } = {}) {
  const body = JSON.stringify({ eventId: randomUUID(), status: 'SUCCESSFUL', currency: 'XOF', reason: null, completedAt: new Date().toISOString(), ...fields });
  return { body, headers: { 'content-type': 'application/json', ...signedHeaders(options.secret ?? TEST_MOBILE_MONEY_SECRET, body, options.at ?? Date.now()) } };
}

export async function postNotice(platform: TestApp, notice: { body: string; headers: Record<string, string> }) {
  const response = await fetch(`${platform.url}/api/payments/callbacks/mobile-money`, { method: 'POST', headers: notice.headers, body: notice.body });
  return { status: response.status, body: (await response.json()) as { outcome?: string; error?: { code: string } } };
}
