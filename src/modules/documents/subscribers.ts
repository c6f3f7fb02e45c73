import type { EventBus } from '../../platform/events/index.ts';
import type { CaseTopics } from '../cases/index.ts';
import type { PaymentTopics } from '../payments/index.ts';
import type { DocumentService } from './service.ts';

/** The topics documents are issued from: an approval (the procedure's document), a payment (its receipt). */
export type IssuanceTopics = Pick<CaseTopics, 'application.state_changed'> & Pick<PaymentTopics, 'payment.succeeded'>;

/**
 * Issues documents from the outbox, never inside the request that approved the file or recorded
 * the payment: rendering and signing take milliseconds the decision should not wait for, and a
 * failure is retried by the bus. Issuance is idempotent, so a redelivered event issues nothing new.
 */
export function registerDocumentIssuance(bus: EventBus<IssuanceTopics>, documents: DocumentService): void {
  bus.subscribe('application.state_changed', 'documents.issue', async ({ payload }) => {
    if (payload.outcome !== 'approved') return;
    await documents.issueForApplication(payload.applicationId);
  });
  bus.subscribe('payment.succeeded', 'documents.receipt', async ({ payload }) => {
    await documents.issueReceipt(payload);
  });
}
