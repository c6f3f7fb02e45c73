/**
 * The payments API as the browser sees it (server: src/modules/payments, contract of issue 4).
 * Shared by the applicant's payment panel and the cashier's desk.
 */
export type PaymentState = 'pending' | 'succeeded' | 'failed' | 'refund_pending' | 'refunded';

export interface PaymentIntentView {
  id: string;
  applicationId: string | null;
  reference: string | null;
  provider: 'mobile_money' | 'counter';
  state: PaymentState;
  amount: number;
  currency: string;
  phone: string | null;
  providerReference: string | null;
  receiptNumber: string | null;
  receiptDocumentId: string | null;
  createdAt: string;
  settledAt: string | null;
  failureReason: string | null;
  /** Demo only: the simulated phone's page, where the operator's prompt is answered. */
  phoneUrl: string | null;
}

/** `details` of a 409 `fee_already_paid`: the receipt of the payment that settled the file. */
export interface AlreadyPaid {
  receipt: { paymentId: string; receiptNumber: string };
}

export const paymentPaths = {
  intents: '/api/payments/intents',
  intent: (id: string) => `/api/payments/intents/${encodeURIComponent(id)}`,
  ofFile: (applicationId: string) => `/api/applications/${encodeURIComponent(applicationId)}/payments`,
  counter: '/api/payments/counter',
};

/**
 * One attempt to pay: the idempotency key sent with its request body. Sending the same body again
 * (a retry after the answer was lost) reuses the key, so the server answers with the intent it
 * already created instead of charging twice; a different body is a new attempt, with a new key
 * (reusing the key would be refused, 422 `idempotency_key_reused`).
 */
export interface PaymentAttempt {
  key: string;
  body: string;
}

export function attemptFor(previous: PaymentAttempt | null, body: unknown, newKey: () => string): PaymentAttempt {
  const text = JSON.stringify(body);
  return previous?.body === text ? previous : { key: newKey(), body: text };
}

/** A random version-4 UUID: unique per attempt, and 36 characters (the API takes 8 to 100). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The operator has answered: the payment went through (then perhaps back), or it did not. */
export function isSettled(state: PaymentState): boolean {
  return state !== 'pending';
}

/**
 * When to ask again about a pending intent: soon at first, the time it takes to confirm on a
 * phone, then less often, so a page left open does not hammer the server.
 */
export function nextPollDelay(attempt: number): number {
  if (attempt < 10) return 2_000;
  if (attempt < 30) return 5_000;
  return 15_000;
}

/** How long a prompt may take before the page says plainly that the operator has not answered yet. */
export const operatorSilenceMs = 90_000;

/**
 * A mobile-money number as the API takes it (ITU-T E.164: at most 15 digits, optional leading
 * `+`), from what people type: spaces, dots, dashes and brackets dropped. Null when it cannot be one.
 */
export function phoneNumber(typed: string): string | null {
  const compact = typed.replace(/[\s.\-()]/g, '');
  return /^\+?\d{8,15}$/.test(compact) ? compact : null;
}
