/** What the cases module publishes on the outbox (docs/applications.md). */
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
