import type { LocalisedText } from '../../platform/auth/schema.ts';

/**
 * The double-entry ledger, as pure values. A posting moves one amount from the account it
 * credits to the account it debits, so every posting — and every entry made of postings — is
 * balanced by construction: there is no way to write a debit without its credit.
 */
export type AccountKind = 'asset' | 'revenue' | 'liability';
export type PaymentProviderId = 'mobile_money' | 'counter' | 'prepaid';

export interface LedgerAccount {
  code: string;
  kind: AccountKind;
  /** The agency the account belongs to; null for the platform's own (mobile-money clearing, refunds due). */
  agencyCode: string | null;
  label: LocalisedText;
}

export interface Posting {
  debit: LedgerAccount;
  credit: LedgerAccount;
  /** Whole units of the entry's currency, > 0. */
  amount: number;
}

export interface JournalEntry {
  readonly currency: string;
  readonly postings: readonly Readonly<Posting>[];
}

/** Money the operator has collected for us and owes the Treasury until it settles. */
export const MOBILE_MONEY_CLEARING: LedgerAccount = {
  code: 'asset.mobile_money_clearing',
  kind: 'asset',
  agencyCode: null,
  label: { fr: 'Compte d’attente monnaie mobile', ar: 'حساب انتظار النقود عبر الهاتف المحمول', en: 'Mobile-money clearing' },
};

/** Money received for a fee that was no longer due (paid twice, file withdrawn): owed back to the payer. */
export const UNALLOCATED_RECEIPTS: LedgerAccount = {
  code: 'liability.unallocated_receipts',
  kind: 'liability',
  agencyCode: null,
  label: { fr: 'Encaissements à rembourser', ar: 'مقبوضات واجبة الرد', en: 'Receipts to refund' },
};

/** The cash drawer of an agency's payment desk. */
export function cashDeskAccount(agencyCode: string): LedgerAccount {
  return {
    code: `asset.cash_desk.${agencyCode}`,
    kind: 'asset',
    agencyCode,
    label: { fr: `Caisse du guichet — ${agencyCode}`, ar: `صندوق الشباك — ${agencyCode}`, en: `Cash desk — ${agencyCode}` },
  };
}

/** One account per fee line of a procedure, held by the agency that levies it. */
export function revenueAccount(agencyCode: string, procedureId: string, label: LocalisedText): LedgerAccount {
  return { code: `revenue.${agencyCode}.${procedureId}.${slug(label.en)}`, kind: 'revenue', agencyCode, label };
}

/** Money a company deposited ahead of its payments (a broker's prepaid account): owed to it until spent. */
export function prepaidAccount(taxId: string): LedgerAccount {
  return { code: `liability.prepaid.${taxId}`, kind: 'liability', agencyCode: null, label: { fr: `Compte prépayé — ${taxId}`, ar: `حساب مسبق الدفع — ${taxId}`, en: `Prepaid account — ${taxId}` } };
}

/** Payments with this procedure id are deposits on a prepaid account, not fees. */
export const PREPAID_DEPOSIT = 'prepaid-deposit';

/** Where a provider's money lands first: the operator's clearing account, the desk's drawer, or (spent from it) the payer's prepaid account. */
export function collectingAccount(provider: PaymentProviderId, deskAgencyCode: string | null, prepaidTaxId: string | null = null): LedgerAccount {
  if (provider === 'mobile_money') return MOBILE_MONEY_CLEARING;
  if (provider === 'prepaid') {
    if (!prepaidTaxId) throw new RangeError('a prepaid payment is spent from some company’s account');
    return prepaidAccount(prepaidTaxId);
  }
  if (!deskAgencyCode) throw new RangeError('a counter payment is taken at some agency’s desk');
  return cashDeskAccount(deskAgencyCode);
}

/**
 * The one way to build an entry. Zero-amount lines (a fee line that came to nothing) are left
 * out; a negative, fractional or self-cancelling posting is a programming error.
 */
export function journal(currency: string, postings: readonly Posting[]): JournalEntry {
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`currency must be an ISO 4217 code, got ${currency}`);
  const kept = postings.filter((p) => p.amount !== 0);
  for (const p of kept) {
    if (!Number.isSafeInteger(p.amount) || p.amount < 0) throw new RangeError(`a posting moves a whole positive amount, got ${p.amount}`);
    if (p.debit.code === p.credit.code) throw new RangeError(`a posting moves money between two accounts, not within ${p.debit.code}`);
  }
  if (kept.length === 0) throw new RangeError('an entry moves some money');
  return Object.freeze({ currency, postings: Object.freeze(kept.map((p) => Object.freeze({ ...p }))) });
}

export interface CreditedPayment {
  provider: PaymentProviderId;
  /** The agency whose desk took the cash (counter payments). */
  deskAgencyCode: string | null;
  /** The company whose prepaid account is spent from (provider `prepaid`) or deposited on (a deposit). */
  prepaidTaxId: string | null;
  agencyCode: string;
  procedureId: string;
  amount: number;
  currency: string;
  lines: readonly { label: LocalisedText; amount: number }[];
}

/** A fee paid: the collecting account is debited, each fee line's revenue account credited. */
export function feeCredit(payment: CreditedPayment): JournalEntry {
  const total = payment.lines.reduce((sum, line) => sum + line.amount, 0);
  if (total !== payment.amount) throw new RangeError(`fee lines add up to ${total}, the payment is ${payment.amount}`);
  const collecting = collectingAccount(payment.provider, payment.deskAgencyCode, payment.procedureId === PREPAID_DEPOSIT ? null : payment.prepaidTaxId);
  // A deposit is owed to the depositor, never revenue.
  const credited = (label: LocalisedText) => (payment.procedureId === PREPAID_DEPOSIT ? prepaidAccount(payment.prepaidTaxId ?? '') : revenueAccount(payment.agencyCode, payment.procedureId, label));
  return journal(
    payment.currency,
    payment.lines.map((line) => ({ debit: collecting, credit: credited(line.label), amount: line.amount })),
  );
}

/** Money for a fee no longer due: held as owed back to the payer, never as revenue. */
export function unallocatedCredit(payment: CreditedPayment): JournalEntry {
  return journal(payment.currency, [{ debit: collectingAccount(payment.provider, payment.deskAgencyCode, payment.prepaidTaxId), credit: UNALLOCATED_RECEIPTS, amount: payment.amount }]);
}

/** A refund: the credit entry, every posting turned round. */
export function reversal(entry: JournalEntry): JournalEntry {
  return journal(entry.currency, entry.postings.map((p) => ({ debit: p.credit, credit: p.debit, amount: p.amount })));
}

export interface AccountBalance {
  account: LedgerAccount;
  currency: string;
  /** Debits less credits for an asset; credits less debits for revenue and liabilities. */
  balance: number;
}

export const normalBalance = (kind: AccountKind, debits: number, credits: number) => (kind === 'asset' ? debits - credits : credits - debits);

/** Every account's balance after `entries`, per currency. */
export function balances(entries: readonly JournalEntry[]): AccountBalance[] {
  const totals = new Map<string, { account: LedgerAccount; currency: string; debits: number; credits: number }>();
  const touch = (account: LedgerAccount, currency: string) => {
    const key = `${account.code}\u0000${currency}`;
    let total = totals.get(key);
    if (!total) totals.set(key, (total = { account, currency, debits: 0, credits: 0 }));
    return total;
  };
  for (const entry of entries) {
    for (const p of entry.postings) {
      touch(p.debit, entry.currency).debits += p.amount;
      touch(p.credit, entry.currency).credits += p.amount;
    }
  }
  return [...totals.values()].map(({ account, currency, debits, credits }) => ({ account, currency, balance: normalBalance(account.kind, debits, credits) }));
}

/** Assets = revenue + liabilities, per currency: what a balanced ledger of ours always satisfies. */
export function accountingGap(accounts: readonly AccountBalance[]): Map<string, number> {
  const gap = new Map<string, number>();
  for (const { account, currency, balance } of accounts) gap.set(currency, (gap.get(currency) ?? 0) + (account.kind === 'asset' ? balance : -balance));
  return gap;
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'fee'
  );
}
