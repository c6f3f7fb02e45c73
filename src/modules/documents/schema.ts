import type { ColumnType, Generated } from 'kysely';
import type { LocalisedText } from '../../platform/auth/schema.ts';

/** One line of an issued document: the form label in the three languages, the value as printed. */
export interface DocumentField {
  label: LocalisedText;
  value: string;
  /** Carried in the QR payload too (the key fields); the others are on the PDF only. */
  signed: boolean;
}

/** A document the platform issued and signed: a procedure's licence or certificate, or a payment receipt. */
export interface DocumentsTable {
  id: string;
  /** What people quote: COMMERCE-2026-000042. */
  number: string;
  kind: 'document' | 'receipt';
  /** The definition's `document.type`, or `payment_receipt`. */
  type: string;
  title: ColumnType<LocalisedText, unknown, unknown>;
  agency_id: string;
  application_id: string | null;
  payment_id: string | null;
  /** The account holding the document (the applicant, or the payer of a receipt). */
  holder_id: string | null;
  /** A business's documents belong to the company: every user of it sees them. */
  holder_company_id: string | null;
  holder_name: string;
  /** The company's tax id when a company holds it. */
  holder_reference: string | null;
  language: 'fr' | 'ar' | 'en';
  fields: ColumnType<DocumentField[], unknown, unknown>;
  issued_at: Date;
  /** YYYY-MM-DD */
  valid_from: string;
  valid_until: string | null;
  kid: string;
  /** The QR payload, as printed. */
  payload: string;
  pdf_sha256: string;
  revoked_at: Date | null;
  revoked_by: string | null;
  revocation_reason: string | null;
  created_at: Generated<Date>;
}

export interface DocumentTables {
  documents: DocumentsTable;
}
