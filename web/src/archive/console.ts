import type { Role, SessionUser } from '../api/types';
import { archiveSearchPath, section } from '../session/access';

const base = section('archive').path;

/** The console's addresses under /archive, and the public reading room's. */
export const archivePaths = {
  console: base,
  packages: `${base}/packages`,
  package: (identifier: string) => `${base}/packages/${encodeURIComponent(identifier)}`,
  holds: `${base}/holds`,
  disposition: `${base}/disposition`,
  accessRequests: `${base}/access-requests`,
  fixity: `${base}/fixity`,
  /** The scanned-records ingest (web/src/archive/ingest/). */
  ingest: `${base}/ingest`,
  /** Public: anyone searches the public records, without an account. */
  search: archiveSearchPath,
  record: (identifier: string) => `${base}/records/${encodeURIComponent(identifier)}`,
} as const;

const packageApi = (identifier: string) => `/api/archive/packages/${encodeURIComponent(identifier)}`;

export const archiveApi = {
  packages: '/api/archive/packages',
  package: packageApi,
  retention: (identifier: string) => `${packageApi(identifier)}/retention`,
  accessLevel: (identifier: string) => `${packageApi(identifier)}/access-level`,
  hold: (identifier: string) => `${packageApi(identifier)}/legal-hold`,
  liftHold: (identifier: string) => `${packageApi(identifier)}/legal-hold/lift`,
  requestAccess: (identifier: string) => `${packageApi(identifier)}/access-requests`,
  holds: '/api/archive/legal-holds',
  due: '/api/archive/disposition/due',
  proposals: '/api/archive/disposition/proposals',
  decision: (proposalId: string) => `/api/archive/disposition/proposals/${encodeURIComponent(proposalId)}/decision`,
  accessRequests: '/api/archive/access-requests?state=pending',
  myAccessRequests: '/api/archive/access-requests/mine',
  accessDecision: (requestId: string) => `/api/archive/access-requests/${encodeURIComponent(requestId)}/decision`,
  fixity: '/api/archive/fixity/latest',
  /** A signed-in reader's view of a record, or the public's. */
  record: (identifier: string, signedIn: boolean) =>
    signedIn ? `/api/archive/records/${encodeURIComponent(identifier)}` : `/api/public/archive/packages/${encodeURIComponent(identifier)}`,
  recordFile: (identifier: string, path: string, signedIn: boolean) =>
    `${archiveApi.record(identifier, signedIn)}/file?path=${encodeURIComponent(path)}`,
  /** The destruction certificate's signed PDF, for its holder. */
  certificate: (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/pdf`,
};

export type ConsoleTab = 'packages' | 'holds' | 'disposition' | 'accessRequests' | 'fixity' | 'ingest';

export interface ArchiveAbilities {
  /** archive.read: packages, their files and events, the fixity report. */
  read: boolean;
  /** archive.retention: legal holds and disposition proposals. */
  retention: boolean;
  /** archive.manage: access levels and access requests, on the agencies of the archivist's grants. */
  manage: boolean;
  /** archive.approve_disposal: the disposal authority. */
  approve: boolean;
  /** archive.ingest: scanned paper records. */
  ingest: boolean;
}

const holds = (user: SessionUser, roles: readonly Role[]) => user.roles.some((assignment) => roles.includes(assignment.role));

/** What the console offers, as src/platform/auth/policy.ts grants it; the server decides again on every call. */
export function archiveAbilities(user: SessionUser): ArchiveAbilities {
  const archivist = holds(user, ['archivist']);
  return {
    read: holds(user, ['archivist', 'platform_admin']),
    retention: archivist,
    manage: archivist,
    approve: holds(user, ['agency_admin', 'platform_admin']),
    ingest: archivist,
  };
}

const tabAbility: Record<ConsoleTab, (abilities: ArchiveAbilities) => boolean> = {
  packages: (a) => a.read,
  holds: (a) => a.retention,
  disposition: (a) => a.retention || a.approve,
  accessRequests: (a) => a.manage,
  fixity: (a) => a.read,
  ingest: (a) => a.ingest,
};

const tabOrder: readonly ConsoleTab[] = ['packages', 'holds', 'disposition', 'accessRequests', 'fixity', 'ingest'];

/** The console's tabs this user may open, in order. */
export function consoleTabs(user: SessionUser): ConsoleTab[] {
  const abilities = archiveAbilities(user);
  return tabOrder.filter((tab) => tabAbility[tab](abilities));
}

/**
 * Whether the user sets access levels of (and decides requests on) an agency's records: only that
 * agency's archivist, or a national one (archive.manage is agency-scoped without the National
 * Archives' reach: opening a record is the producing agency's decision).
 */
export function managesAgency(user: SessionUser, agencyCode: string): boolean {
  return user.roles.some((assignment) => assignment.role === 'archivist' && (assignment.agencyId === null || assignment.agencyCode === agencyCode));
}

/** Identifiers typed or pasted in a list (spaces, commas or new lines), each once, as the server spells them. */
export function identifiersIn(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((part) => part.trim().toUpperCase()).filter(Boolean))];
}

/** The first 12 hex digits: enough to tell two contents apart at a glance; the full value is kept for copying. */
export const shortDigest = (sha256: string) => `${sha256.slice(0, 12)}…`;
