import { sql } from 'kysely';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { DocumentField } from './schema.ts';

/** A document as lists and the verification page show it (never its content beyond the title). */
export interface DocumentSummary {
  id: string;
  number: string;
  type: string;
  kind: 'document' | 'receipt';
  title: LocalisedText;
  agencyCode: string;
  applicationId: string | null;
  paymentId: string | null;
  holderName: string;
  language: Locale;
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  kid: string;
  revokedAt: string | null;
  revocationReason: string | null;
}

/** The documents table with its agency's code: every read goes through here. */
export const documentRows = (executor: Db | Trx) =>
  executor
    .selectFrom('documents')
    .innerJoin('agencies', 'agencies.id', 'documents.agency_id')
    .select([
      'documents.id',
      'documents.number',
      'documents.type',
      'documents.kind',
      'documents.title',
      'documents.agency_id',
      'agencies.code as agency_code',
      'documents.application_id',
      'documents.payment_id',
      'documents.holder_id',
      'documents.holder_company_id',
      'documents.holder_name',
      'documents.language',
      'documents.fields',
      'documents.issued_at',
      'documents.valid_from',
      'documents.valid_until',
      'documents.kid',
      'documents.pdf_sha256',
      'documents.revoked_at',
      'documents.revocation_reason',
    ]);

export type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentRows>['executeTakeFirstOrThrow']>>;

export function summaryOf(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    kind: row.kind,
    title: row.title,
    agencyCode: row.agency_code,
    applicationId: row.application_id,
    paymentId: row.payment_id,
    holderName: row.holder_name,
    language: row.language,
    issuedAt: row.issued_at.toISOString(),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    kid: row.kid,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revocationReason: row.revocation_reason,
  };
}

export const signedFieldsOf = (row: Pick<DocumentRow, 'fields'>): DocumentField[] => (row.fields as DocumentField[]).filter((f) => f.signed);

/** COMMERCE-2026-000042: the agency, the year, then a platform-wide sequence (unique, not gapless). */
export async function nextNumber(db: Db, agencyCode: string, at: Date): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('document_number_seq') as n`.execute(db);
  return `${agencyCode}-${at.getUTCFullYear()}-${String(rows[0]?.n ?? 0).padStart(6, '0')}`;
}
