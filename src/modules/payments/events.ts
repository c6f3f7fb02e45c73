/** What the payments module publishes on the outbox (docs/payments.md). */
import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { PaymentProviderId } from './ledger.ts';

/** A fee paid and credited: the receipt is issued from this (documents module). */
export interface PaymentSucceeded {
  paymentId: string;
  applicationId: string | null;
  reference: string | null;
  agencyCode: string;
  payerId: string | null;
  amount: number;
  currency: string;
  provider: PaymentProviderId;
  providerReference: string;
  receiptNumber: string;
  paidAt: string;
  lines: { label: LocalisedText; amount: number }[];
}

export interface PaymentRefunded {
  paymentId: string;
  applicationId: string | null;
  agencyCode: string;
  amount: number;
  currency: string;
  refundedAt: string;
  reason: string;
}

export interface PaymentTopics {
  'payment.succeeded': PaymentSucceeded;
  'payment.refunded': PaymentRefunded;
}
