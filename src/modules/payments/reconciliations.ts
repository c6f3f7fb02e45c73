import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import { jsonb } from '../../platform/db/json.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { PaymentServiceDeps } from './core.ts';
import type { PaymentProviderId } from './ledger.ts';
import { parseStatement, reconcile, StatementError, type Mismatch, type PlatformPayment, type StatementLine } from './reconciliation.ts';
import type { ReconciliationsTable } from './schema.ts';
import { isUuid, type PaymentRow } from './store.ts';

export interface ReconciliationSummary {
  id: string;
  provider: PaymentProviderId;
  day: string;
  importedAt: string;
  importedBy: string;
  statementLines: number;
  matched: number;
  mismatchCount: number;
}

export interface ReconciliationReport extends Omit<ReconciliationSummary, 'mismatchCount'> {
  mismatches: Mismatch[];
}

type Row = Selectable<ReconciliationsTable>;

const reportOf = (row: Row): ReconciliationReport => ({
  id: row.id,
  provider: row.provider,
  day: row.day,
  importedAt: row.imported_at.toISOString(),
  importedBy: row.imported_by_label,
  statementLines: row.statement_lines,
  matched: row.matched,
  mismatches: row.mismatches,
});

const platformPayment = (row: PaymentRow): PlatformPayment => ({ paymentId: row.id, reference: row.reference, providerReference: row.provider_reference, amount: row.amount, currency: row.currency });

/** Daily reconciliation, stored: every import is kept as its own report (a corrected statement is imported again). */
export function reconciliationOperations(deps: PaymentServiceDeps) {
  const { db } = deps;

  /** The payments the statement is compared with: those the provider completed on `day` (UTC), and those the statement names. */
  async function platformSide(provider: PaymentProviderId, day: string, statement: readonly StatementLine[]) {
    const start = new Date(`${day}T00:00:00Z`);
    const end = new Date(start.getTime() + 86_400_000);
    const credited = await db.selectFrom('payments').selectAll().where('provider', '=', provider).where('completed_at', '>=', start).where('completed_at', '<', end).execute();
    const references = statement.map((line) => line.providerReference);
    const ids = statement.map((line) => line.merchantReference).filter(isUuid);
    const named = references.length
      ? await db
          .selectFrom('payments')
          .selectAll()
          .where('provider', '=', provider)
          .where((eb) => eb.or([eb('provider_reference', 'in', references), ...(ids.length ? [eb('id', 'in', ids)] : [])]))
          .execute()
      : [];
    const creditedIds = new Set(credited.map((p) => p.id));
    return { credited: credited.map(platformPayment), elsewhere: named.filter((p) => !creditedIds.has(p.id)).map(platformPayment) };
  }

  async function importStatement(principal: Principal, context: ChangeContext, provider: PaymentProviderId, day: string, csv: string): Promise<ReconciliationReport> {
    if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new AppError(400, 'validation_failed', { summary: `day ${day}` });
    let statement: StatementLine[];
    try {
      statement = parseStatement(csv);
    } catch (error) {
      if (error instanceof StatementError) throw new AppError(400, 'statement_invalid', { line: error.line, problem: error.problem });
      throw error;
    }
    const { credited, elsewhere } = await platformSide(provider, day, statement);
    const { matched, mismatches } = reconcile(statement, credited, elsewhere);
    const row = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('reconciliations')
        .values({
          provider,
          day,
          imported_by: principal.id,
          imported_by_label: principal.label,
          statement_sha256: createHash('sha256').update(csv).digest('hex'),
          statement_lines: statement.length,
          matched,
          mismatches: jsonb(mismatches),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, context, {
        action: 'reconciliation.imported',
        recordType: 'reconciliation',
        recordId: inserted.id,
        details: { provider, day, statementLines: statement.length, matched, mismatches: mismatches.length, statementSha256: inserted.statement_sha256 },
      });
      return inserted;
    });
    return reportOf(row);
  }

  async function reconciliations(): Promise<{ items: ReconciliationSummary[] }> {
    const rows = await db
      .selectFrom('reconciliations')
      .select(['id', 'provider', 'day', 'imported_at', 'imported_by_label', 'statement_lines', 'matched', sql<number>`jsonb_array_length(mismatches)`.as('mismatch_count')])
      .orderBy('day', 'desc')
      .orderBy('imported_at', 'desc')
      .limit(200)
      .execute();
    return {
      items: rows.map((r) => ({ id: r.id, provider: r.provider, day: r.day, importedAt: r.imported_at.toISOString(), importedBy: r.imported_by_label, statementLines: r.statement_lines, matched: r.matched, mismatchCount: r.mismatch_count })),
    };
  }

  async function reconciliation(id: string): Promise<ReconciliationReport> {
    const row = isUuid(id) ? await db.selectFrom('reconciliations').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (!row) throw notFound('reconciliation', id);
    return reportOf(row);
  }

  return { importStatement, reconciliations, reconciliation };
}
