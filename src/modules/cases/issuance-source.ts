import type { Principal } from '../../platform/auth/policy.ts';
import { pinnedDefinition, type ProcedureDefinition } from '../catalogue/index.ts';
import { standingOf, type Standing } from './access.ts';
import type { CaseCore, FileIdentity } from './core.ts';
import { loadFile } from './store.ts';

/** What the documents module needs to draw up the document a decided file earns. */
export interface IssuanceSource extends FileIdentity {
  /** The version the file was filed under: its `document` says what to issue and which fields it shows. */
  definition: ProcedureDefinition;
  data: Record<string, unknown>;
  applicant: { id: string; name: string; locale: string };
  company: { id: string; name: string; taxId: string | null } | null;
  /** When the file reached a final state, or null while it is open. */
  decidedAt: string | null;
}

/** Reads other modules make of a file without a screen of their own: issuing its document, guarding its documents. */
export function issuanceReads(core: CaseCore) {
  const { db } = core.deps;

  async function issuanceSource(applicationId: string): Promise<IssuanceSource> {
    const file = await loadFile(db, applicationId);
    const [definition, applicant, company] = await Promise.all([
      pinnedDefinition(db, file.procedure_version_id),
      db.selectFrom('users').select(['id', 'display_name', 'locale']).where('id', '=', file.applicant_id).executeTakeFirstOrThrow(),
      file.company_id ? db.selectFrom('companies').select(['id', 'name', 'tax_id']).where('id', '=', file.company_id).executeTakeFirst() : undefined,
    ]);
    const final = definition.workflow.states.find((s) => s.id === file.state)?.outcome !== undefined;
    return {
      ...(await core.identityOf(db, file)),
      definition,
      data: file.data as Record<string, unknown>,
      applicant: { id: applicant.id, name: applicant.display_name, locale: applicant.locale },
      company: company ? { id: company.id, name: company.name, taxId: company.tax_id } : null,
      decidedAt: final ? file.state_entered_at.toISOString() : null,
    };
  }

  /** How the caller stands to a file; 404 when it may not see it at all. */
  async function relationOf(principal: Principal, applicationId: string): Promise<Standing & { agencyId: string }> {
    const { file, relation } = await core.visibleFile(db, principal, applicationId);
    return { ...standingOf(principal, file.applicant_id, relation), agencyId: file.agency_id };
  }

  return { issuanceSource, relationOf };
}
