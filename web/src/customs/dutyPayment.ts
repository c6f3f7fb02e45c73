/**
 * Paying a declaration's duties and following its release, as the payments and customs modules
 * decide them on the server (docs/payments.md, "Customs duties" and "Prepaid accounts";
 * docs/customs/declarations.md, "Lifecycle"). The server decides again on every request: these
 * only choose what the page offers and says.
 */
import { ApiError } from '../api/client';
import type { DeclarationView, DocumentCheck, ExplanationPart } from './types';

/** `GET /api/payments/prepaid/:taxId`: a company's prepaid account, for its own users. */
export interface PrepaidAccount {
  taxId: string;
  name: string;
  balance: number;
  currency: string;
}

export const dutyPaymentPaths = {
  prepaid: '/api/payments/prepaid',
  account: (taxId: string) => `/api/payments/prepaid/${encodeURIComponent(taxId)}`,
  releaseNote: (declarationId: string) => `/api/documents/release-notes/${encodeURIComponent(declarationId)}`,
};

/**
 * The company's users may pay an assessed declaration it is a party to (declarant, importer or
 * exporter: customs/declarations/duties.ts), when something is due.
 */
export function mayPayDuties(view: Pick<DeclarationView, 'state' | 'totalDue' | 'declaration'>, company: { taxId: string } | null): boolean {
  if (company === null || view.state !== 'assessed' || !view.totalDue || view.totalDue <= 0) return false;
  const { declarant, importer, exporter } = view.declaration;
  return [declarant, importer, exporter].some((party) => party?.taxId === company.taxId);
}

/** What the account lacked: `details` of a 409 `prepaid_insufficient` (nothing was taken). */
export interface Shortfall {
  balance: number;
  amount: number;
  currency: string;
  missing: number;
}

export function shortfallOf(error: unknown): Shortfall | null {
  if (!(error instanceof ApiError) || error.code !== 'prepaid_insufficient') return null;
  const details = error.details as Partial<Record<'balance' | 'amount' | 'currency', unknown>> | null | undefined;
  const { balance, amount, currency } = details ?? {};
  if (typeof balance !== 'number' || typeof amount !== 'number' || typeof currency !== 'string') return null;
  return { balance, amount, currency, missing: Math.max(amount - balance, 0) };
}

/**
 * Where the goods stand after payment. Paid, the release runs from the outbox: the cited documents
 * are confirmed again, and one no longer valid blocks it (the declaration stays paid, the refusal
 * in its document checks).
 */
export type ReleaseStanding = 'releasing' | 'blocked' | 'released';

export function releaseStanding(view: Pick<DeclarationView, 'state' | 'documentChecks'>): ReleaseStanding | null {
  if (view.state === 'released') return 'released';
  if (view.state !== 'paid') return null;
  return (view.documentChecks ?? []).some((check) => check.status === 'refused') ? 'blocked' : 'releasing';
}

/**
 * How long to wait before reading again something the platform does by itself soon after (the
 * release, the release note): a few quick readings, then the page stops and offers to check.
 */
export function followUpDelay(attempt: number): number | null {
  if (attempt < 5) return 1_500;
  if (attempt < 15) return 4_000;
  return null;
}

/**
 * A refusal of a cited document as a sentence of the catalogue (`customs.documentProblems.*`,
 * mirroring the server's `errors.declaration_document_*`), with the document and its issuer named
 * and its last valid day in the reader's calendar.
 */
export function documentProblemPart(check: Pick<DocumentCheck, 'reference' | 'provider'>, problem: DocumentCheck['problems'][number], day: (value: string) => string): ExplanationPart {
  const params: Record<string, string | number> = { ...problem.params, document: check.reference, agency: check.provider };
  if (typeof params.validUntil === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.validUntil)) params.validUntil = day(params.validUntil);
  return { key: `customs.documentProblems.${problem.code}`, params };
}
