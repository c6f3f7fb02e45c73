/** The archive API's JSON, mirroring its response schemas (docs/archive/*.md, served at /docs). */

export type AccessLevel = 'public' | 'restricted' | 'confidential';
export const ACCESS_LEVELS: readonly AccessLevel[] = ['public', 'restricted', 'confidential'];

export type RecordType = 'application' | 'customs_declaration';
export const RECORD_TYPES: readonly RecordType[] = ['application', 'customs_declaration'];

export interface PackageSummary {
  identifier: string;
  source: { type: string; id: string; reference: string };
  /** The producing agency's code. */
  agency: string;
  title: string;
  retentionClass: string;
  accessLevel: string;
  /** stored | destroyed */
  state: string;
  createdAt: string;
  storedAt: string | null;
}

export interface ArchivedFile {
  path: string;
  size: number;
  sha256: string;
  sha512: string;
  format: string;
  role: string;
  copies: { root: string; state: string; checkedAt: string }[];
}

export interface PremisEvent {
  type: string;
  outcome: string;
  detail: string;
  agent: string;
  at: string;
  file: string | null;
}

export interface PackageView extends PackageSummary {
  files: ArchivedFile[];
  events: PremisEvent[];
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** What a hit and a reading say of a record. */
export interface RecordSummary {
  identifier: string;
  title: string;
  agency: string;
  recordType: string;
  /** Its retention class. */
  class: string;
  accessLevel: string;
  storedAt: string | null;
}

export interface SearchHit extends RecordSummary {
  /** The OCR'd file the words are on; null for the description. */
  file: string | null;
  page: number | null;
  language: string;
  snippet: SnippetPart[];
}

export interface Facet {
  value: string;
  count: number;
}

export type FacetName = 'agency' | 'recordType' | 'year' | 'class';

export interface SearchResult {
  /** Packages matching (a package may have several hits: its description and pages). */
  total: number;
  /** False when the total and the facet counts were estimated from a sample (a broad search). */
  exact: boolean;
  hits: SearchHit[];
  facets: Record<FacetName, Facet[]>;
}

/** A record as a reader sees it (public page, or a signed-in reader's). */
export interface ReadablePackage extends RecordSummary {
  files: { path: string; size: number; format: string; role: string }[];
}

export interface PackageRetention {
  identifier: string;
  state: string;
  retentionClass: {
    code: string;
    title: { fr: string; ar: string; en: string } | null;
    trigger: string | null;
    periodYears: number | null;
    action: string | null;
  };
  triggerAt: string;
  dueOn: string | null;
  holds: { reason: string; placedBy: string; placedAt: string; liftedBy: string | null; liftedAt: string | null; liftReason: string | null }[];
  disposition: {
    id: string;
    state: string;
    reason: string;
    proposedBy: string;
    decidedBy: string | null;
    decidedAt: string | null;
    certificate: Certificate | null;
  } | null;
}

export interface Certificate {
  /** The document's id: its PDF is at /api/documents/:id/pdf, for its holder (the deciding authority). */
  id: string;
  number: string | null;
}

export interface LegalHold {
  package: string;
  title: string;
  reason: string;
  placedBy: string;
  placedAt: string;
}

export interface DueItem {
  identifier: string;
  title: string;
  source: string;
  retentionClass: string;
  action: string;
  triggerAt: string;
  dueOn: string;
  onHold: boolean;
  /** The open proposal naming the package. */
  proposal: string | null;
}

export interface Proposal {
  id: string;
  action: string;
  reason: string;
  /** proposed | approved | refused */
  state: string;
  packages: string[];
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  certificate: Certificate | null;
}

export interface AccessRequest {
  id: string;
  package: string;
  title: string;
  applicant: string;
  reason: string;
  /** pending | granted | refused */
  state: string;
  createdAt: string;
  decidedAt: string | null;
  note: string | null;
  expiresAt: string | null;
}

export interface FixityProblem {
  kind: 'lost' | 'unrepaired';
  sha256: string;
  root: string | null;
  agencyId: string;
  package: string;
  path: string;
}

export interface FixityReport {
  id: string;
  startedAt: string;
  finishedAt: string;
  agent: string;
  checked: number;
  intact: number;
  repaired: number;
  lost: number;
  unrepaired: number;
  problems: FixityProblem[];
}
