import { sql } from 'kysely';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import type { Trx } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { AppError, conflict, fieldError, forbiddenAgency } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { computeFees, latestPublishedVersion, type ProcedureDefinition } from '../catalogue/index.ts';
import { DRAFT, staffActor } from './access.ts';
import { applicantEdits, type CaseCore } from './core.ts';
import { submissionProblems } from './form-check.ts';
import { addEvent, automaticSteps, finishChange, moveFile, type PathStep } from './moves.ts';
import { loadAttachments, type FileRow } from './store.ts';
import { timelineEntryOf } from './view.ts';
import { automaticPath, decide, type WorkflowActor } from './workflow.ts';

/** Refuses a submission or resubmission with every field at fault, in the applicant's language. */
async function assertComplete(trx: Trx, file: FileRow, definition: ProcedureDefinition, locale: Locale) {
  const kinds = new Set((await loadAttachments(trx, file.id)).map((a) => a.kind));
  const problems = submissionProblems(definition, file.procedure_version_id, file.data, kinds, locale);
  if (problems.length) throw new AppError(400, 'validation_failed', { summary: problems.map((p) => p.path).join(', ') }, { fields: problems });
}

const REFUSALS = {
  not_in_this_state: (action: string, state: string) => conflict('transition_not_allowed', { action, state }),
  unknown_action: (action: string, state: string) => conflict('transition_not_allowed', { action, state }),
  role: (action: string) => new AppError(403, 'action_not_yours', { action }),
  agency: () => forbiddenAgency(),
  comment_required: () => fieldError(400, 'comment_required', 'comment'),
} as const;

export function applicationOperations(core: CaseCore) {
  const { db, country } = core.deps;

  async function touch(trx: Trx, id: string, set: Record<string, unknown> = {}) {
    return trx.updateTable('applications').set({ ...set, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Opens a draft pinned to the latest published version of the procedure. */
  async function createDraft(principal: Principal, context: ChangeContext, input: { procedureId: string; data?: Record<string, unknown> | undefined }) {
    if (principal.kind !== 'user') throw new AppError(403, 'applicant_account_required');
    const { id: versionId, agencyId, definition } = await latestPublishedVersion(db, input.procedureId);
    const forCompany = definition.applicants.includes('business') && principal.companyId !== null;
    if (!forCompany && !definition.applicants.includes('citizen')) throw new AppError(403, 'procedure_for_businesses');
    const file = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ seq: number }>`select nextval('application_reference_seq')::int as seq`.execute(trx);
      const reference = `${country.code}-${new Date().getUTCFullYear()}-${String(rows[0]?.seq).padStart(6, '0')}`;
      const people = await trx
        .selectFrom('users')
        .leftJoin('companies', 'companies.id', 'users.company_id')
        .select(['users.display_name', 'companies.name as company_name'])
        .where('users.id', '=', principal.id)
        .executeTakeFirstOrThrow();
      const created = await trx
        .insertInto('applications')
        .values({
          reference,
          procedure_version_id: versionId,
          procedure_id: definition.id,
          procedure_version: definition.version,
          agency_id: agencyId,
          applicant_id: principal.id,
          company_id: forCompany ? principal.companyId : null,
          state: DRAFT,
          data: jsonb(input.data ?? {}),
          search_text: [reference, people.display_name, forCompany ? people.company_name : ''].join(' ').toLowerCase(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await addEvent(trx, context, created.id, { kind: 'created' });
      await recordAudit(trx, context, {
        action: 'application.created',
        recordType: 'application',
        recordId: created.id,
        agencyId,
        after: created.data,
        details: { reference, procedureId: definition.id, version: definition.version },
      });
      return created;
    });
    return core.present(db, principal, file, core.relationOf(file, principal), definition);
  }

  /** The applicant's side of a change: the file locked, theirs, and in a state they fill in. */
  async function editableFile(trx: Trx, principal: Principal, id: string) {
    const found = await core.visibleFile(trx, principal, id, true);
    if (!found.relation.applicant) throw new AppError(403, 'action_not_yours', { action: 'edit' });
    if (!applicantEdits(found.definition, found.file.state)) throw conflict('application_not_editable', { state: found.file.state });
    return found;
  }

  /** Saves the form as typed so far; checked in full only on submission. */
  async function saveData(principal: Principal, context: ChangeContext, id: string, data: Record<string, unknown>) {
    const { saved, relation, definition } = await db.transaction().execute(async (trx) => {
      const found = await editableFile(trx, principal, id);
      const { file } = found;
      const saved = await touch(trx, id, { data: jsonb(data) });
      await recordAudit(trx, context, { action: 'application.data_saved', recordType: 'application', recordId: id, agencyId: file.agency_id, before: file.data, after: data, details: { reference: file.reference } });
      return { ...found, saved };
    });
    return core.present(db, principal, saved, relation, definition);
  }

  /** Validates the draft against its pinned version, fixes the fee, and hands it to the workflow. */
  async function submit(principal: Principal, context: ChangeContext, id: string, locale: Locale) {
    const { moved, relation, definition } = await db.transaction().execute(async (trx) => {
      const found = await editableFile(trx, principal, id);
      const { file, definition } = found;
      if (file.state !== DRAFT) throw conflict('application_not_draft', { state: file.state });
      await assertComplete(trx, file, definition, locale);
      const fees = computeFees(definition.fees, file.data);
      const fee = fees.total > 0 ? { total: fees.total, currency: country.currency, lines: fees.lines.map((l) => ({ label: l.label, amount: l.amount })) } : null;
      const { initial } = definition.workflow;
      const path: PathStep[] = [{ action: 'submit', to: initial, kind: 'submitted' }, ...automaticSteps(automaticPath(definition, initial, 'submitted'))];
      // Nothing to pay: the file goes on as if paid.
      if (!fee) path.push(...automaticSteps(automaticPath(definition, path.at(-1)?.to ?? initial, 'fee_paid')));
      const { moved, steps } = await moveFile(trx, core.moves, context, file, definition, path, { submitted_at: new Date(), fee: fee ? jsonb(fee) : null });
      await finishChange(trx, core.moves, context, { before: file, after: moved, definition, action: 'submit', steps }, {
        action: 'application.submitted',
        recordType: 'application',
        recordId: id,
        agencyId: file.agency_id,
        after: { data: file.data, fee },
        details: { reference: file.reference, fee: fee?.total ?? 0 },
      });
      return { ...found, moved };
    });
    return core.present(db, principal, moved, relation, definition);
  }

  /** Takes a workflow action for whoever asks, if the pinned definition lets them; otherwise changes nothing. */
  async function act(principal: Principal, context: ChangeContext, id: string, input: { action: string; comment?: string | undefined }, locale: Locale) {
    const { moved, relation, definition } = await db.transaction().execute(async (trx) => {
      const found = await core.visibleFile(trx, principal, id, true);
      const { file, relation, definition } = found;
      if (file.state === DRAFT) throw conflict('transition_not_allowed', { action: input.action, state: file.state });
      const transition = definition.workflow.transitions.find((t) => t.action === input.action);
      const actor: WorkflowActor =
        transition?.by === 'applicant' ? { kind: 'applicant', isOwner: relation.applicant } : await staffActor(principal, (agencyId) => core.agencies.codeOf(agencyId, trx));
      const decision = decide(definition, file.state, input.action, actor, input.comment);
      if (!decision.allowed) throw REFUSALS[decision.refused](input.action, file.state);
      if (actor.kind === 'applicant' && decision.to.holder === 'agency') await assertComplete(trx, file, definition, locale);
      const comment = input.comment?.trim() || null;
      const { moved, steps } = await moveFile(trx, core.moves, context, file, definition, [{ action: input.action, to: decision.to.id, kind: 'transition', comment }]);
      await finishChange(trx, core.moves, context, { before: file, after: moved, definition, action: input.action, comment, steps }, {
        action: 'application.moved',
        recordType: 'application',
        recordId: id,
        agencyId: file.agency_id,
        details: { reference: file.reference, commented: comment !== null },
      });
      return { ...found, moved };
    });
    return core.present(db, principal, moved, relation, definition);
  }

  /** A message on the file's timeline; `internal` notes are for staff only. */
  async function comment(principal: Principal, context: ChangeContext, id: string, input: { text: string; internal?: boolean | undefined }) {
    return db.transaction().execute(async (trx) => {
      const { file, relation, definition } = await core.visibleFile(trx, principal, id, true);
      if (!relation.applicant && !relation.staff) throw new AppError(403, 'action_not_yours', { action: 'comment' });
      if (input.internal && !relation.staff) throw fieldError(403, 'internal_note_staff_only', 'internal');
      if (file.state === DRAFT) throw conflict('application_not_submitted');
      const event = await addEvent(trx, context, id, { kind: 'comment', comment: input.text.trim(), internal: input.internal ?? false });
      await touch(trx, id);
      await recordAudit(trx, context, { action: 'application.commented', recordType: 'application', recordId: id, agencyId: file.agency_id, details: { reference: file.reference, internal: input.internal ?? false } });
      return timelineEntryOf(event, definition);
    });
  }

  /** Throws a draft away; a submitted file is withdrawn through the workflow instead. */
  async function discard(principal: Principal, context: ChangeContext, id: string) {
    await db.transaction().execute(async (trx) => {
      const { file } = await editableFile(trx, principal, id);
      if (file.state !== DRAFT) throw conflict('application_not_draft', { state: file.state });
      await trx.deleteFrom('applications').where('id', '=', id).execute();
      await recordAudit(trx, context, { action: 'application.discarded', recordType: 'application', recordId: id, agencyId: file.agency_id, before: file.data, details: { reference: file.reference } });
    });
  }

  async function view(principal: Principal, id: string) {
    const { file, relation, definition } = await core.visibleFile(db, principal, id);
    return core.present(db, principal, file, relation, definition);
  }

  return { createDraft, saveData, submit, act, comment, discard, view };
}
