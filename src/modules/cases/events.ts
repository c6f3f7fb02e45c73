/** What the cases module publishes on the outbox (docs/applications.md). */

/**
 * A change that moved a file: from the state before to the state after, through `steps` (a
 * submission is `submit` then the automatic `compute_fees`, say). `action` is what was asked for.
 */
export interface ApplicationStateChanged {
  applicationId: string;
  reference: string;
  procedureId: string;
  procedureVersion: number;
  agencyCode: string;
  applicantId: string;
  action: string;
  fromState: string;
  toState: string;
  outcome: 'approved' | 'rejected' | 'withdrawn' | null;
  comment: string | null;
  steps: { action: string; from: string; to: string }[];
  occurredAt: string;
}

export interface ApplicationEscalated {
  applicationId: string;
  reference: string;
  procedureId: string;
  procedureVersion: number;
  agencyCode: string;
  holdingAgencyCode: string;
  state: string;
  dueOn: string;
}

export interface CaseTopics {
  'application.state_changed': ApplicationStateChanged;
  'application.escalated': ApplicationEscalated;
}
