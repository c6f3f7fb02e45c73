import type { ChangeContext } from '../../platform/audit/record.ts';
import { agencyScope, authorise, type Principal } from '../../platform/auth/policy.ts';
import { callbackOperations } from './callbacks.ts';
import type { PaymentServiceDeps } from './core.ts';
import { intentReads } from './intent-reads.ts';
import { intentOperations, type Created, type CounterRequest, type MobileMoneyRequest } from './intents.ts';
import { accountBalances } from './ledger-store.ts';
import { reconciliationOperations } from './reconciliations.ts';
import { refundOperations } from './refunds.ts';
import { resolutionOperations } from './resolution.ts';

/** The payments module's service: what its routes, its scheduled job and the app call. */
export function createPaymentService(deps: PaymentServiceDeps) {
  const resolution = resolutionOperations(deps);
  const reads = intentReads(deps, resolution);
  const intents = intentOperations(deps);
  const refunds = refundOperations(deps, resolution);
  const viewed = async (made: Promise<Created>) => {
    const { row, created } = await made;
    return { intent: await reads.presentOne(row), created };
  };

  /**
   * Ledger balances: whoever reconciles the providers' statements (the accountant) reads every
   * account; an agency administrator reads the accounts of their agency.
   */
  async function ledgerBalances(principal: Principal) {
    let codes: string[] | null = null;
    if (!authorise(principal, 'payments.reconcile').allowed) {
      const scope = agencyScope(principal, 'payments.ledger');
      if (scope !== null) codes = scope.length ? (await deps.db.selectFrom('agencies').select('code').where('id', 'in', scope).execute()).map((a) => a.code) : [];
    }
    return { items: await accountBalances(deps.db, codes) };
  }

  return {
    payByMobileMoney: (principal: Principal, context: ChangeContext, request: MobileMoneyRequest, key: string) => viewed(intents.payByMobileMoney(principal, context, request, key)),
    payAtCounter: (principal: Principal, context: ChangeContext, request: CounterRequest, key: string) => viewed(intents.payAtCounter(principal, context, request, key)),
    intent: reads.intent,
    intentsOf: reads.intentsOf,
    refund: async (principal: Principal, context: ChangeContext, id: string, reason: string) => reads.presentOne(await refunds.refund(principal, context, id, reason)),
    ...callbackOperations(deps),
    ...reconciliationOperations(deps),
    ledgerBalances,
    resolvePending: resolution.resolvePending,
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
