import type { PaymentProviderId } from '../ledger.ts';

/**
 * What the platform asks of a payment provider. Each adapter turns its provider's protocol into
 * these few facts; everything else (states, ledger, the file's next step) is the service's.
 */
export interface CollectionRequest {
  paymentId: string;
  amount: number;
  currency: string;
  /** The payer's number (mobile money) or the cashier's paper receipt (counter). */
  payerAccount: string;
  description: string;
}

export type InitiateResult =
  | { outcome: 'accepted'; providerReference: string }
  /** The provider said no at once (bad number, barred account): the intent fails. */
  | { outcome: 'refused'; reason: string }
  /** No answer in time, or no answer at all: the intent stays pending until a status query knows. */
  | { outcome: 'unknown' };

export type ProviderStatus =
  | { status: 'succeeded'; providerReference: string; amount: number; currency: string; completedAt: Date }
  | { status: 'failed'; providerReference: string | null; reason: string }
  | { status: 'pending' }
  /** The provider never received the request. */
  | { status: 'not_found' }
  /** The provider could not be asked (timeout, outage). */
  | { status: 'unreachable' };

/** A provider's notification, once its authenticity is established. */
export interface ProviderNotification {
  eventId: string;
  providerReference: string;
  /** Our payment id, as the provider echoes it. */
  paymentId: string;
  status: 'succeeded' | 'failed';
  amount: number;
  currency: string;
  reason: string | null;
  completedAt: Date;
}

export type RefundResult = { outcome: 'refunded'; refundReference: string } | { outcome: 'refused'; reason: string } | { outcome: 'unknown' };

export interface CallbackRequest {
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as received: the signature covers these bytes, not a re-serialisation. */
  rawBody: string;
}

export interface PaymentProvider {
  id: PaymentProviderId;
  initiate(request: CollectionRequest): Promise<InitiateResult>;
  /** Throws a 401 AppError unless the request is the provider's, signed, and recent. */
  authenticateCallback(request: CallbackRequest): ProviderNotification;
  queryStatus(payment: { id: string; providerReference: string | null }): Promise<ProviderStatus>;
  refund(payment: { id: string; providerReference: string | null; amount: number; currency: string }, reason: string): Promise<RefundResult>;
}
