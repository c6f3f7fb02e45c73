import { agencyScope, type Principal } from '../../platform/auth/policy.ts';
import type { WorkflowActor } from './workflow.ts';

/** The parts of a file that decide who may see it. */
export interface FileParties {
  applicantId: string;
  companyId: string | null;
  agencyId: string;
  holdingAgencyId: string | null;
  state: string;
}

/** How a principal stands to a file: any, several or none of these. */
export interface Relation {
  /** The applicant, or a user of the applicant's company. */
  applicant: boolean;
  /** Staff of the issuing agency, or of the agency holding the file now (a review step). */
  staff: boolean;
  /** A cashier, who sees what is owed on a submitted file and nothing of its content. */
  cashier: boolean;
}

export const DRAFT = 'draft';

export function relationTo(principal: Principal, file: FileParties): Relation {
  const applicant = principal.kind === 'user' && (file.applicantId === principal.id || (file.companyId !== null && file.companyId === principal.companyId));
  const submitted = file.state !== DRAFT;
  const works = principal.grants.some((g) => g.role === 'officer' || g.role === 'agency_admin');
  const scope = agencyScope(principal, 'cases.work');
  const ofMyAgency = scope === null || scope.includes(file.agencyId) || (file.holdingAgencyId !== null && scope.includes(file.holdingAgencyId));
  return {
    applicant,
    staff: submitted && works && ofMyAgency,
    cashier: submitted && principal.grants.some((g) => g.role === 'cashier'),
  };
}

/** The same relation as other modules read it: the owner told apart from a colleague of the owner's company. */
export interface Standing {
  owner: boolean;
  company: boolean;
  staff: boolean;
  cashier: boolean;
}

export function standingOf(principal: Principal, applicantId: string, relation: Relation): Standing {
  const owner = principal.kind === 'user' && applicantId === principal.id;
  return { owner, company: relation.applicant && !owner, staff: relation.staff, cashier: relation.cashier };
}

export const canSee = (relation: Relation) => relation.applicant || relation.staff || relation.cashier;

/** The principal's staff grants with agency codes, as the workflow engine reads them. */
export async function staffActor(principal: Principal, codeOf: (agencyId: string) => Promise<string>): Promise<WorkflowActor> {
  const grants = await Promise.all(
    principal.grants.map(async (g) => ({ role: g.role as string, agencyCode: g.agencyId === null ? null : await codeOf(g.agencyId) })),
  );
  return { kind: 'staff', grants };
}
