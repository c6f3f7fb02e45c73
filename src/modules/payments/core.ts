import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { CaseService } from '../cases/index.ts';
import type { PaymentsConfig } from './config.ts';
import type { DutySeam } from './duties.ts';
import type { PaymentTopics } from './events.ts';
import type { PaymentProviderId } from './ledger.ts';
import type { PaymentProvider } from './providers/provider.ts';

export interface PaymentServiceDeps {
  db: Db;
  bus: EventBus<PaymentTopics>;
  /** The seam to files: what a file owes, and the move a payment makes (cases/fee-settlement.ts). */
  cases: Pick<CaseService, 'feeInvoice' | 'feeInvoiceOf' | 'settleFee' | 'relationOf'>;
  /** The seam to customs declarations' duties; absent, only files' fees are paid. */
  duties?: DutySeam;
  /** Mobile money is null when no operator is configured. */
  providers: { mobile_money: PaymentProvider | null; counter: PaymentProvider; prepaid: PaymentProvider };
  config: PaymentsConfig;
  /** The country's code, which prefixes receipt numbers, and its currency (deposits). */
  country: { code: string; currency: string };
  logger: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** The receipts issued for these payments as verifiable documents (documents module): payment id → document id. */
  receiptDocuments: (paymentIds: readonly string[]) => Promise<Map<string, string>>;
}

export function providerOf(deps: PaymentServiceDeps, id: PaymentProviderId): PaymentProvider {
  const provider = deps.providers[id];
  if (!provider) throw new AppError(503, 'payment_provider_unavailable', { provider: id });
  return provider;
}
