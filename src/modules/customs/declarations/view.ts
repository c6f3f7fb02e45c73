import type { Assessment } from '../assessment/types.ts';
import type { DocumentCheck } from './document-checks.ts';
import type { ChannelDecision } from './ports.ts';
import type { DeclarationNotification } from './notifications.ts';
import type { Channel, DeclarationState } from './schema.ts';
import type { DeclarationRow } from './store.ts';
import type { DeclarationInput } from './types.ts';

export interface DeclarationView {
  id: string;
  reference: string;
  localReference: string;
  state: DeclarationState;
  version: number;
  declaredOn: string;
  channel: Channel | null;
  declaration: DeclarationInput;
  assessment: Assessment | null;
  risk: (ChannelDecision & { tariffVersion: { id: string; label: string } }) | null;
  totalDue: number | null;
  currency: string;
  rejection: { reason: string } | null;
  awaitingDocuments: boolean;
  documentChecks: DocumentCheck[];
  lodgedAt: string | null;
  releasedAt: string | null;
}

export type DeclarationHistory = Pick<DeclarationDetail, 'history' | 'notifications' | 'versions' | 'inspections'>;

export interface DeclarationDetail extends DeclarationView {
  history: { state: DeclarationState; by: string; at: string }[];
  notifications: (DeclarationNotification & { id: string })[];
  versions: { version: number; reason: string | null; by: string; at: string }[];
  inspections: { id: string; outcome: string; findings: string; by: string; at: string }[];
}

export function viewOf(row: DeclarationRow): DeclarationView {
  return {
    id: row.id,
    reference: row.reference,
    localReference: row.local_reference,
    state: row.state,
    version: row.version,
    declaredOn: row.declared_on,
    channel: row.channel,
    declaration: row.payload as DeclarationInput,
    assessment: row.assessment as Assessment | null,
    risk: row.risk as DeclarationView['risk'],
    totalDue: row.total_due === null ? null : Number(row.total_due),
    currency: row.currency,
    rejection: row.rejection as DeclarationView['rejection'],
    awaitingDocuments: row.awaiting_documents,
    documentChecks: row.document_checks as DocumentCheck[],
    lodgedAt: row.lodged_at?.toISOString() ?? null,
    releasedAt: row.released_at?.toISOString() ?? null,
  };
}

export function detailOf(row: DeclarationRow, history: DeclarationHistory): DeclarationDetail {
  return { ...viewOf(row), ...history };
}
