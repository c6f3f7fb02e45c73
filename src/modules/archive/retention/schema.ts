import type { ColumnType, Generated } from 'kysely';
import type { LocalisedText } from '../../../platform/auth/schema.ts';
import type { DisposalAction } from './schedule.ts';

export interface ArchiveRetentionClassesTable {
  code: string;
  title: ColumnType<LocalisedText, unknown, unknown>;
  trigger_event: string;
  period_years: number | null;
  action: DisposalAction;
  updated_at: Generated<Date>;
}

export interface ArchiveLegalHoldsTable {
  id: Generated<string>;
  package_id: string;
  reason: string;
  placed_by: string;
  placed_at: Generated<Date>;
  lifted_by: string | null;
  lifted_at: Date | null;
  lift_reason: string | null;
}

export type ProposalState = 'proposed' | 'approved' | 'refused';

export interface ArchiveDispositionProposalsTable {
  id: Generated<string>;
  action: 'destroy';
  reason: string;
  proposed_by_id: string;
  proposed_by: string;
  proposed_at: Generated<Date>;
  state: Generated<ProposalState>;
  decided_by_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  certificate_id: string | null;
  certificate_number: string | null;
}

export interface ArchiveDispositionItemsTable {
  proposal_id: string;
  package_id: string;
}

export interface ArchiveRetentionTables {
  archive_retention_classes: ArchiveRetentionClassesTable;
  archive_legal_holds: ArchiveLegalHoldsTable;
  archive_disposition_proposals: ArchiveDispositionProposalsTable;
  archive_disposition_items: ArchiveDispositionItemsTable;
}
