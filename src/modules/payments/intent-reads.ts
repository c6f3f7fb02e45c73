import type { ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { PaymentServiceDeps } from './core.ts';
import type { resolutionOperations } from './resolution.ts';
import { loadPayment, type PaymentRow } from './store.ts';
import { intentView, type PaymentIntentView } from './view.ts';

/**
 * Reading intents: the payer and their company, the agency's staff and cashiers — whoever may see
 * the file. Anyone else gets 404, as for the file itself. Reading a pending mobile-money intent
 * that has waited long enough asks the operator, so a lost callback never leaves the payer waiting.
 */
export function intentReads(deps: PaymentServiceDeps, resolution: ReturnType<typeof resolutionOperations>) {
  const { db } = deps;
  /** Views of intents, with the receipt document of those that were paid, when one has been issued. */
  async function present(rows: readonly PaymentRow[]): Promise<PaymentIntentView[]> {
    const paid = rows.filter((row) => row.receipt_number !== null).map((row) => row.id);
    const receipts = await deps.receiptDocuments(paid);
    return rows.map((row) => intentView(row, deps.config.mobileMoney?.phonePagesUrl ?? null, receipts.get(row.id) ?? null));
  }
  const presentOne = async (row: PaymentRow) => (await present([row]))[0]!;

  /** 404 naming what was asked for: a stranger must not learn which file an intent belongs to. */
  async function assertSees(principal: Principal, applicationId: string | null, id: string, record: 'payment' | 'application', declarationId: string | null = null) {
    const hidden = (error: unknown) => {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    };
    const standing = applicationId
      ? await deps.cases.relationOf(principal, applicationId).catch(hidden)
      : declarationId && deps.duties
        ? await deps.duties.dutyInvoice(principal, declarationId).then((invoice) => invoice.relation, hidden)
        : null;
    if (!standing || (!standing.owner && !standing.company && !standing.staff && !standing.cashier)) throw notFound(record, id);
  }

  async function intent(principal: Principal, context: ChangeContext, id: string): Promise<PaymentIntentView> {
    let row = await loadPayment(db, id);
    await assertSees(principal, row.application_id, id, 'payment', row.declaration_id);
    if (resolution.dueForQuery(row)) row = await resolution.askProvider(row, context);
    return presentOne(row);
  }

  async function intentsOf(principal: Principal, applicationId: string): Promise<{ items: PaymentIntentView[] }> {
    await assertSees(principal, applicationId, applicationId, 'application');
    const rows = await db.selectFrom('payments').selectAll().where('application_id', '=', applicationId).orderBy('created_at', 'desc').orderBy('id').execute();
    return { items: await present(rows) };
  }

  return { presentOne, intent, intentsOf };
}
