import type { PaymentRow } from './store.ts';

export interface PaymentIntentView {
  id: string;
  applicationId: string | null;
  declarationId: string | null;
  reference: string | null;
  provider: PaymentRow['provider'];
  state: PaymentRow['state'];
  amount: number;
  currency: string;
  phone: string | null;
  providerReference: string | null;
  receiptNumber: string | null;
  /** The receipt issued as a verifiable document, once the documents module has issued it. */
  receiptDocumentId: string | null;
  createdAt: string;
  settledAt: string | null;
  failureReason: string | null;
  /** Demo only: where the simulated phone shows the prompt. */
  phoneUrl: string | null;
}

export function intentView(row: PaymentRow, phonePagesUrl: string | null, receiptDocumentId: string | null = null): PaymentIntentView {
  return {
    id: row.id,
    applicationId: row.application_id,
    declarationId: row.declaration_id,
    reference: row.reference,
    provider: row.provider,
    state: row.state,
    amount: row.amount,
    currency: row.currency,
    phone: row.phone,
    providerReference: row.provider_reference,
    receiptNumber: row.receipt_number,
    receiptDocumentId,
    createdAt: row.created_at.toISOString(),
    settledAt: row.settled_at?.toISOString() ?? null,
    failureReason: row.failure_reason,
    phoneUrl: phonePagesUrl && row.provider === 'mobile_money' && row.phone ? `${phonePagesUrl}/phone/${row.phone}` : null,
  };
}
