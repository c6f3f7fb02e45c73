import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import { authorise, type Principal } from '../../../platform/auth/policy.ts';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { jsonb } from '../../../platform/db/json.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import { LOCALES, translate } from '../../../platform/i18n/i18n.ts';
import type { DutyInvoice, DutySeam } from '../../payments/index.ts';
import type { Assessment, LineCode } from '../assessment/types.ts';
import { companyTaxIdOf } from './access.ts';
import { assertMove } from './lifecycle.ts';
import { emitMoved, type LodgeDeps } from './lodge.ts';
import { lockDeclaration, findDeclaration, recordStates, type DeclarationRow } from './store.ts';

/** The label of an assessment line on the payment and the receipt, in every language. */
const labelOf = (code: LineCode) => Object.fromEntries(LOCALES.map((locale) => [locale, translate(locale, `customs.duty_lines.${code}`)])) as Record<(typeof LOCALES)[number], string>;

/** How the duties were paid, kept on the declaration. */
export interface DutyPayment {
  paymentId: string;
  receiptNumber: string;
  channel: string;
  amount: number;
  currency: string;
  paidAt: string;
}

/**
 * The payments module's seam to declarations: a declaration owes the assessment's total once
 * assessed; paying it moves the declaration to paid in the payment's transaction (release follows
 * from the outbox, release.ts).
 */
export function dutySeam(deps: Pick<LodgeDeps, 'db' | 'bus' | 'customsAgencyId'>): DutySeam {
  /** Read through the caller's executor: inside a payment's transaction, PGlite has no other connection. */
  const customsAgencyIdIn = async (db: Db | Trx) => (await db.selectFrom('agencies').select('id').where('code', '=', 'CUSTOMS').executeTakeFirstOrThrow()).id;

  async function invoiceOf(db: Db | Trx, row: DeclarationRow): Promise<DutyInvoice> {
    const assessment = row.assessment as Assessment | null;
    const payment = row.payment as DutyPayment | null;
    return {
      declarationId: row.id,
      reference: row.reference,
      agencyId: await customsAgencyIdIn(db),
      agencyCode: 'CUSTOMS',
      payerId: row.created_by,
      state: row.state,
      fee: assessment && { lines: assessment.totals.filter((t) => t.amount > 0).map((t) => ({ label: labelOf(t.code), amount: t.amount })), total: assessment.total, currency: assessment.currency },
      due: row.state === 'assessed' && (assessment?.total ?? 0) > 0,
      paidAt: payment?.paidAt ?? null,
    };
  }

  async function standing(principal: Principal, row: DeclarationRow) {
    const staff = authorise(principal, 'customs.work', { agencyId: await deps.customsAgencyId() }).allowed;
    const cashier = principal.kind === 'user' && principal.grants.some((g) => g.role === 'cashier');
    let company = false;
    if (principal.companyId && authorise(principal, 'customs.declare').allowed) {
      company = [row.declarant_tax_id, row.importer_tax_id, row.exporter_tax_id].includes(await companyTaxIdOf(deps.db, principal));
    }
    return { owner: false, company, staff, cashier };
  }

  return {
    async dutyInvoice(principal, declarationId) {
      const row = await findDeclaration(deps.db, { id: declarationId });
      const relation = row && (await standing(principal, row));
      if (!row || !relation || (!relation.company && !relation.staff && !relation.cashier)) throw notFound('declaration', declarationId);
      return { ...(await invoiceOf(deps.db, row)), relation };
    },
    async dutyInvoiceOf(db: Db | Trx, declarationId) {
      const row = await findDeclaration(db, { id: declarationId });
      if (!row) throw notFound('declaration', declarationId);
      return invoiceOf(db, row);
    },
    async settleDuties(trx: Trx, context: ChangeContext, declarationId, settlement) {
      const row = await lockDeclaration(trx, declarationId);
      if (!row) throw notFound('declaration', declarationId);
      assertMove(row.reference, row.state, 'paid');
      if (Number(row.total_due) !== settlement.amount) throw conflict('declaration_amount_changed', { reference: row.reference });
      const payment: DutyPayment = { paymentId: settlement.paymentId, receiptNumber: settlement.receipt, channel: settlement.channel, amount: settlement.amount, currency: settlement.currency, paidAt: new Date().toISOString() };
      const updated = await trx.updateTable('customs_declarations').set({ state: 'paid', payment: jsonb(payment), updated_at: new Date() }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      await recordStates(trx, row.id, ['paid'], context.actor.label);
      await emitMoved(trx, deps.bus, updated, 'customs.declaration.paid');
      await recordAudit(trx, context, {
        action: 'customs.declaration_paid',
        recordType: 'customs_declaration',
        recordId: row.id,
        agencyId: await customsAgencyIdIn(trx),
        before: { state: row.state },
        after: { state: 'paid', payment },
        details: { reference: row.reference, receiptNumber: settlement.receipt },
      });
    },
  };
}
