import { AppError } from '../../../platform/http/errors.ts';
import type { PaymentProvider } from './provider.ts';

/**
 * A company's prepaid account on the platform: its balance is the ledger's, spending it is a
 * posting, so a payment is taken the moment it is recorded and a refund puts the money back at
 * once (the reversal credits the account again). Nobody calls back, there is no one to ask.
 */
export function prepaidProvider(): PaymentProvider {
  return {
    id: 'prepaid',
    initiate: async (request) => ({ outcome: 'accepted', providerReference: `prepaid-${request.paymentId}` }),
    authenticateCallback: () => {
      throw new AppError(401, 'callback_signature_invalid');
    },
    queryStatus: async () => ({ status: 'not_found' }),
    refund: async (payment) => ({ outcome: 'refunded', refundReference: `prepaid-${payment.id}` }),
  };
}
