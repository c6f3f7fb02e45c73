import type { ChangeContext } from '../../platform/audit/record.ts';
import { agencyScope, authorise, type Principal } from '../../platform/auth/policy.ts';
import { callbackOperations } from './callbacks.ts';
import type { PaymentServiceDeps } from './core.ts';
import { intentReads } from './intent-reads.ts';
import { intentOperations, type Created, type CounterRequest, type DepositRequest, type MobileMoneyRequest, type PrepaidRequest } from './intents.ts';
import { accountBalances, prepaidBalance as prepaidBalanceOf } from './ledger-store.ts';
import { notFound } from '../../platform/http/errors.ts';
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

  /** A company's prepaid balance: for its own users, cashiers and the accountant; anyone else is told it does not exist. */
  async function prepaidBalance(principal: Principal, taxId: string) {
    const company = await deps.db.selectFrom('companies').select(['id', 'tax_id', 'name']).where('tax_id', '=', taxId).executeTakeFirst();
    const staff = authorise(principal, 'payments.reconcile').allowed || principal.grants.some((g) => g.role === 'cashier');
    if (!company || (!staff && principal.companyId !== company.id)) throw notFound('company', taxId);
    const currency = deps.country.currency;
    const balance = await prepaidBalanceOf(deps.db, taxId, currency);
    return { taxId: company.tax_id, name: company.name, balance, currency };
  }

  return {
    depositOnPrepaid: (principal: Principal, context: ChangeContext, request: DepositRequest, key: string) => viewed(intents.depositOnPrepaid(principal, context, request, key)),
    payFromPrepaid: (principal: Principal, context: ChangeContext, request: PrepaidRequest, key: string) => viewed(intents.payFromPrepaid(principal, context, request, key)),
    prepaidBalance,
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
