/**
 * The applications API as the browser sees it (server: src/modules/cases/http-schema.ts).
 * Shared by the applicant portal and the back office.
 */
export interface Localised {
  fr: string;
  ar: string;
  en: string;
}

export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue';
export type Outcome = 'approved' | 'rejected' | 'withdrawn';

export interface PersonRef {
  id: string;
  label: string;
}

export interface FeeLine {
  label: Localised;
  amount: number;
}

export interface Fee {
  total: number;
  currency: string;
  lines: FeeLine[];
  paid: boolean;
  /** The workflow waits for this fee now (the server's rule, cases/fee-settlement.ts). */
  due: boolean;
}

export interface AttachmentView {
  id: string;
  kind: string;
  fileName: string;
  size: number;
  mediaType: string;
  uploadedAt: string;
  uploadedBy: PersonRef;
}

export type TimelineKind = 'created' | 'submitted' | 'transition' | 'comment' | 'attachment_added' | 'attachment_removed' | 'claimed' | 'released' | 'escalated';

export interface TimelineEntry {
  id: string;
  at: string;
  kind: TimelineKind;
  /** For transitions: the workflow action, its label and the states either side. */
  action: string | null;
  label: Localised | null;
  fromState: string | null;
  toState: string | null;
  actor: PersonRef & { kind: 'user' | 'api_client' | 'system' };
  comment: string | null;
  /** Staff-only notes; never sent to the applicant. */
  internal: boolean;
}

export interface AvailableAction {
  action: string;
  label: Localised;
  requiresComment: boolean;
}

export interface ApplicationSummary {
  id: string;
  reference: string;
  procedureId: string;
  procedureVersion: number;
  procedureTitle: Localised;
  agency: string;
  /** Agency whose staff hold the file now (a reviewing agency during a review step). */
  holdingAgency: string;
  /** `draft` before submission, then a state id of the pinned workflow. */
  state: string;
  stateLabel: Localised;
  /** Who must act now. */
  holder: 'agency' | 'applicant' | 'none';
  outcome: Outcome | null;
  applicant: PersonRef;
  company: { id: string; name: string } | null;
  submittedAt: string | null;
  /** Due day (YYYY-MM-DD, working days) of the current step, when it has a deadline. */
  dueOn: string | null;
  deadlineStatus: DeadlineStatus | null;
  assignedTo: PersonRef | null;
  escalated: boolean;
  updatedAt: string;
}

export interface ApplicationView extends ApplicationSummary {
  data: Record<string, unknown>;
  fee: Fee | null;
  attachments: AttachmentView[];
  timeline: TimelineEntry[];
  /** What the caller may do now (buttons); empty for someone who may only read. */
  actions: AvailableAction[];
  /** The caller may change `data` and attachments now (a draft, or a correction requested). */
  editable: boolean;
  createdAt: string;
}

export interface CaseQueuePage {
  items: ApplicationSummary[];
  total: number;
}
