import { sql } from 'kysely';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { journal, normalBalance, prepaidAccount, type AccountKind, type JournalEntry, type LedgerAccount } from './ledger.ts';

/** Writes an entry built by the pure ledger; accounts are opened the first time money touches them. */
export async function postEntry(trx: Trx, paymentId: string, kind: 'credit' | 'reversal', entry: JournalEntry): Promise<void> {
  const accounts = new Map<string, LedgerAccount>();
  for (const p of entry.postings) accounts.set(p.debit.code, p.debit).set(p.credit.code, p.credit);
  await trx
    .insertInto('ledger_accounts')
    .values([...accounts.values()].map((a) => ({ code: a.code, kind: a.kind, agency_code: a.agencyCode, label: jsonb(a.label) })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const { id } = await trx.insertInto('ledger_entries').values({ payment_id: paymentId, kind, currency: entry.currency }).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('ledger_postings')
    .values(entry.postings.map((p) => ({ entry_id: id, debit_account: p.debit.code, credit_account: p.credit.code, amount: p.amount })))
    .execute();
}

interface AccountRow {
  code: string;
  kind: AccountKind;
  agency_code: string | null;
  label: LocalisedText;
}

const accountOf = (row: AccountRow): LedgerAccount => ({ code: row.code, kind: row.kind, agencyCode: row.agency_code, label: row.label });

/** The entry that credited a payment, read back so a refund can turn it round. */
export async function creditEntryOf(trx: Trx, paymentId: string): Promise<JournalEntry> {
  const { rows } = await sql<{ amount: number; currency: string; debit: AccountRow; credit: AccountRow }>`
    select p.amount, e.currency, to_jsonb(d) as debit, to_jsonb(c) as credit
      from ledger_entries e
      join ledger_postings p on p.entry_id = e.id
      join ledger_accounts d on d.code = p.debit_account
      join ledger_accounts c on c.code = p.credit_account
     where e.payment_id = ${paymentId} and e.kind = 'credit'
     order by p.id`.execute(trx);
  const currency = rows[0]?.currency;
  if (!currency) throw new Error(`payment ${paymentId} has no credit entry to reverse`);
  return journal(currency, rows.map((r) => ({ debit: accountOf(r.debit), credit: accountOf(r.credit), amount: r.amount })));
}

export interface BalanceView {
  account: string;
  label: LocalisedText;
  kind: AccountKind;
  agencyCode: string | null;
  balance: number;
  currency: string;
}

/** Every account's balance, per currency; `agencyCodes` null means every account. */
export async function accountBalances(db: Db, agencyCodes: readonly string[] | null): Promise<BalanceView[]> {
  if (agencyCodes !== null && agencyCodes.length === 0) return [];
  const { rows } = await sql<AccountRow & { currency: string; debits: number; credits: number }>`
    select a.code, a.kind, a.agency_code, a.label, m.currency, sum(m.debit)::bigint as debits, sum(m.credit)::bigint as credits
      from ledger_accounts a
      join (select p.debit_account as account, e.currency, p.amount as debit, 0::bigint as credit
              from ledger_postings p join ledger_entries e on e.id = p.entry_id
            union all
            select p.credit_account, e.currency, 0::bigint, p.amount
              from ledger_postings p join ledger_entries e on e.id = p.entry_id) m on m.account = a.code
     where ${agencyCodes === null ? sql`true` : sql`a.agency_code in (${sql.join([...agencyCodes])})`}
     group by a.code, a.kind, a.agency_code, a.label, m.currency
     order by a.kind, a.code, m.currency`.execute(db);
  return rows.map((r) => ({ account: r.code, label: r.label, kind: r.kind, agencyCode: r.agency_code, balance: normalBalance(r.kind, r.debits, r.credits), currency: r.currency }));
}

/** A company's prepaid balance in a currency, from the postings on its account (0 before any deposit). */
export async function prepaidBalance(executor: Db | Trx, taxId: string, currency: string): Promise<number> {
  const code = prepaidAccount(taxId).code;
  const { rows } = await sql<{ debits: string; credits: string }>`
    select coalesce(sum(case when p.debit_account = ${code} then p.amount else 0 end), 0)::text as debits,
           coalesce(sum(case when p.credit_account = ${code} then p.amount else 0 end), 0)::text as credits
      from ledger_postings p join ledger_entries e on e.id = p.entry_id
     where (p.debit_account = ${code} or p.credit_account = ${code}) and e.currency = ${currency}`.execute(executor);
  return normalBalance('liability', Number(rows[0]?.debits ?? 0), Number(rows[0]?.credits ?? 0));
}

/**
 * The same, with the account row locked until the transaction ends, so that payments spending it
 * are taken one at a time. No account yet: nothing was ever deposited.
 */
export async function lockedPrepaidBalance(trx: Trx, taxId: string, currency: string): Promise<number> {
  const row = await trx.selectFrom('ledger_accounts').select('code').where('code', '=', prepaidAccount(taxId).code).forUpdate().executeTakeFirst();
  return row ? prepaidBalance(trx, taxId, currency) : 0;
}
