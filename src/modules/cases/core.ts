import type { Principal } from '../../platform/auth/policy.ts';
import type { BlobStore } from '../../platform/blobs/index.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pinnedDefinition, type ProcedureDefinition, type WorkflowTransition } from '../catalogue/index.ts';
import { canSee, DRAFT, relationTo, staffActor, type Relation } from './access.ts';
import { agencyDirectory, type AgencyDirectory } from './agencies.ts';
import { today } from './calendar.ts';
import type { CaseTopics } from './events.ts';
import type { MoveDeps } from './moves.ts';
import { loadDetails, loadFile, namesOf, type FileRow } from './store.ts';
import { summaryOf, viewOf, type ApplicationView, type ViewContext } from './view.ts';
import { availableActions } from './workflow.ts';
import type { WorkingCalendar } from './working-days.ts';

export interface CaseServiceDeps {
  db: Db;
  bus: EventBus<CaseTopics>;
  blobs: BlobStore;
  calendar: WorkingCalendar;
  /** The country's code (references) and currency (fees). */
  country: { code: string; currency: string };
}

export interface FileIdentity {
  applicationId: string;
  reference: string;
  agencyId: string;
  agencyCode: string;
  procedureId: string;
  procedureVersion: number;
}

const relationOf = (file: FileRow, principal: Principal): Relation =>
  relationTo(principal, { applicantId: file.applicant_id, companyId: file.company_id, agencyId: file.agency_id, holdingAgencyId: file.holding_agency_id, state: file.state });

/** States an applicant fills the form in: a draft, or a state they leave by sending the file back to an agency. */
export function applicantEdits(definition: ProcedureDefinition, state: string): boolean {
  if (state === DRAFT) return true;
  return definition.workflow.transitions.some((t) => {
    if (t.by !== 'applicant' || !t.from.includes(state)) return false;
    return definition.workflow.states.find((s) => s.id === t.to)?.holder === 'agency';
  });
}

/** What every part of the cases service shares: finding a file its reader may see, and showing it. */
export function caseCore(deps: CaseServiceDeps) {
  const agencies: AgencyDirectory = agencyDirectory(deps.db);
  const moves: MoveDeps = { bus: deps.bus, agencies, calendar: deps.calendar };

  /** The file if `principal` may see it; 404 otherwise, so other agencies' files are not even confirmed to exist. */
  async function visibleFile(db: Db | Trx, principal: Principal, id: string, forUpdate = false) {
    const file = await loadFile(db, id, forUpdate);
    const relation = relationOf(file, principal);
    if (!canSee(relation)) throw notFound('application', id);
    const definition = await pinnedDefinition(db, file.procedure_version_id);
    return { file, relation, definition };
  }

  async function viewContext(db: Db | Trx, file: FileRow, definition: ProcedureDefinition, names: ViewContext['names']): Promise<ViewContext> {
    return {
      definition,
      agencyCode: await agencies.codeOf(file.agency_id, db),
      holdingAgencyCode: file.holding_agency_id ? await agencies.codeOf(file.holding_agency_id, db) : null,
      names,
      calendar: deps.calendar,
      today: today(),
    };
  }

  /** The buttons a reader gets: the applicant's moves and the staff's, as the workflow allows them now. */
  async function actionsFor(db: Db | Trx, principal: Principal, file: FileRow, relation: Relation, definition: ProcedureDefinition): Promise<WorkflowTransition[]> {
    if (file.state === DRAFT) return [];
    const actions = relation.applicant ? availableActions(definition, file.state, { kind: 'applicant', isOwner: true }) : [];
    if (relation.staff) actions.push(...availableActions(definition, file.state, await staffActor(principal, (id) => agencies.codeOf(id, db))));
    return actions;
  }

  async function present(db: Db | Trx, principal: Principal, file: FileRow, relation: Relation, definition: ProcedureDefinition): Promise<ApplicationView> {
    const { events, attachments, names } = await loadDetails(db, file);
    const context = await viewContext(db, file, definition, names);
    return viewOf(file, context, {
      events,
      attachments,
      relation,
      actions: await actionsFor(db, principal, file, relation, definition),
      editable: relation.applicant && applicantEdits(definition, file.state),
    });
  }

  /** Summaries of many files with one query for names. */
  async function summaries(db: Db | Trx, files: FileRow[]) {
    const names = await namesOf(
      db,
      files.flatMap((f) => [f.applicant_id, ...(f.assigned_to ? [f.assigned_to] : [])]),
      files.flatMap((f) => (f.company_id ? [f.company_id] : [])),
    );
    return Promise.all(files.map(async (f) => summaryOf(f, await viewContext(db, f, await pinnedDefinition(db, f.procedure_version_id), names))));
  }

  /** Which file, of which procedure and agency: how other modules name the file they work on. */
  async function identityOf(db: Db | Trx, file: FileRow): Promise<FileIdentity> {
    return {
      applicationId: file.id,
      reference: file.reference,
      agencyId: file.agency_id,
      agencyCode: await agencies.codeOf(file.agency_id, db),
      procedureId: file.procedure_id,
      procedureVersion: file.procedure_version,
    };
  }

  return { deps, agencies, moves, visibleFile, present, summaries, relationOf, identityOf };
}

export type CaseCore = ReturnType<typeof caseCore>;
