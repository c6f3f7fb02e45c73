import type { ColumnType, Generated } from 'kysely';

/** One file: filed by an applicant under one pinned procedure version, then moved by its workflow. */
export interface ApplicationsTable {
  id: Generated<string>;
  /** What people quote on the phone: KD-2026-000123. */
  reference: string;
  procedure_version_id: string;
  procedure_id: string;
  procedure_version: number;
  /** The issuing agency (the procedure's). */
  agency_id: string;
  /** The agency whose staff hold the file now; null while the applicant or nobody holds it. */
  holding_agency_id: string | null;
  applicant_id: string;
  company_id: string | null;
  /** `draft`, then a state id of the pinned workflow. */
  state: string;
  data: ColumnType<Record<string, unknown>, unknown, unknown>;
  fee: ColumnType<FeeSnapshot | null, unknown, unknown>;
  fee_paid_at: Date | null;
  submitted_at: Date | null;
  state_entered_at: Generated<Date>;
  /** Due day of the current step (working days), YYYY-MM-DD. */
  due_on: string | null;
  escalated_at: Date | null;
  assigned_to: string | null;
  /** Lower-cased reference, applicant and company names: the queue's free-text search. */
  search_text: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface FeeSnapshot {
  total: number;
  currency: string;
  lines: { label: { fr: string; ar: string; en: string }; amount: number }[];
}

/** The file's history: every move, comment, attachment and claim, in order. */
export interface ApplicationEventsTable {
  id: Generated<string>;
  application_id: string;
  at: Generated<Date>;
  kind: string;
  action: string | null;
  from_state: string | null;
  to_state: string | null;
  actor_kind: string;
  actor_id: string | null;
  actor_label: string;
  comment: string | null;
  internal: boolean;
}

export interface ApplicationAttachmentsTable {
  id: Generated<string>;
  application_id: string;
  kind: string;
  file_name: string;
  sha256: string;
  size: number;
  media_type: string;
  uploaded_by: string;
  uploaded_at: Generated<Date>;
}

export interface CasesTables {
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  application_attachments: ApplicationAttachmentsTable;
}
