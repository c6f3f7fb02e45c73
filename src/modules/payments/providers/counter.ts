import { AppError } from '../../../platform/http/errors.ts';
import type { PaymentProvider } from './provider.ts';

/**
 * Cash at an agency's payment desk. The cashier's signed-in session is the authentication, the
 * paper receipt book's number the provider's reference; the money is in the drawer the moment it
 * is recorded, so nothing is ever pending and nobody calls back.
 */
export function counterProvider(): PaymentProvider {
  return {
    id: 'counter',
    initiate: async (request) => ({ outcome: 'accepted', providerReference: request.payerAccount }),
    authenticateCallback: () => {
      throw new AppError(401, 'callback_signature_invalid');
    },
    // Recorded means paid: there is no one to ask.
    queryStatus: async () => ({ status: 'not_found' }),
    // The cash is handed back across the desk as the refund is recorded.
    refund: async (payment) => ({ outcome: 'refunded', refundReference: `cash-${payment.id}` }),
  };
}
