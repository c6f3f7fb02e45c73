import type { ChangeContext } from '../../../platform/audit/record.ts';
import { assertAllowed, type Principal } from '../../../platform/auth/policy.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { assertMayRead, companyTaxIdOf } from './access.ts';
import { amendDeclaration } from './amend.ts';
import { documentProblems, lodgeDeclaration, type LodgeDeps } from './lodge.ts';
import { assertMove } from './lifecycle.ts';
import { releaseDeclaration } from './release.ts';
import type { DocumentCheck } from './document-checks.ts';
import { recordInspection, rejectDeclaration, type InspectionReport } from './officer.ts';
import type { RiskFeedback } from './ports.ts';
import type { Channel, DeclarationState } from './schema.ts';
import { findDeclaration, historyOf, type DeclarationRow } from './store.ts';
import type { DeclarationInput } from './types.ts';
import { detailOf, viewOf, type DeclarationDetail, type DeclarationView } from './view.ts';

export interface DeclarationService {
  lodge(principal: Principal, context: ChangeContext, input: DeclarationInput): Promise<DeclarationDetail>;
  get(principal: Principal, reference: string): Promise<DeclarationDetail>;
  /** A declaration as the platform's own outbox subscribers read it: no person asks, nothing is served over HTTP. */
  readForSubscriber(reference: string): Promise<DeclarationDetail>;
  amend(principal: Principal, context: ChangeContext, reference: string, input: DeclarationInput, reason: string): Promise<DeclarationDetail>;
  /** The declarations the principal's company declared or imports/exports, newest first. */
  ofMyCompany(principal: Principal, filter: { state?: DeclarationState; limit: number }): Promise<DeclarationView[]>;
  /** Customs officers' work: declarations waiting in a state, by channel, oldest first. */
  queue(principal: Principal, filter: { state: DeclarationState; channel?: Channel; limit: number }): Promise<DeclarationView[]>;
  inspect(principal: Principal, context: ChangeContext, reference: string, report: InspectionReport): Promise<DeclarationDetail>;
  reject(principal: Principal, context: ChangeContext, reference: string, reason: string): Promise<DeclarationDetail>;
  /** An officer tries the release of a paid declaration again (after a blocked release); 409 with the problems while it stays blocked. */
  release(principal: Principal, context: ChangeContext, reference: string): Promise<DeclarationDetail>;
}

export function createDeclarationService(deps: LodgeDeps & { feedback: RiskFeedback }): DeclarationService {
  const { db } = deps;
  const detail = async (row: DeclarationRow) => detailOf(row, await historyOf(db, row.id));
  const load = async (reference: string) => {
    const row = await findDeclaration(db, { reference });
    if (!row) throw notFound('declaration', reference);
    return row;
  };
  const asOfficer = async (principal: Principal) => assertAllowed(principal, 'customs.work', { agencyId: await deps.customsAgencyId() });

  return {
    async lodge(principal, context, input) {
      const taxId = await companyTaxIdOf(db, principal);
      if (input.declarant.taxId !== taxId) throw new AppError(403, 'declaration_not_declarant', { taxId: input.declarant.taxId });
      return detail(await lodgeDeclaration(deps, context, input, principal.kind === 'user' ? principal.id : null));
    },
    async get(principal, reference) {
      const row = await load(reference);
      await assertMayRead(db, principal, row, await deps.customsAgencyId());
      return detail(row);
    },
    async readForSubscriber(reference) {
      return detail(await load(reference));
    },
    async amend(principal, context, reference, input, reason) {
      const taxId = await companyTaxIdOf(db, principal);
      const row = await load(reference);
      if (row.declarant_tax_id !== taxId) throw notFound('declaration', reference);
      return detail(await amendDeclaration(deps, context, row, input, reason));
    },
    async ofMyCompany(principal, filter) {
      const taxId = await companyTaxIdOf(db, principal);
      let query = db
        .selectFrom('customs_declarations')
        .selectAll()
        .where((eb) => eb.or([eb('declarant_tax_id', '=', taxId), eb('importer_tax_id', '=', taxId), eb('exporter_tax_id', '=', taxId)]))
        .orderBy('created_at', 'desc')
        .limit(filter.limit);
      if (filter.state) query = query.where('state', '=', filter.state);
      return (await query.execute()).map(viewOf);
    },
    async queue(principal, filter) {
      await asOfficer(principal);
      let query = db.selectFrom('customs_declarations').selectAll().where('state', '=', filter.state).orderBy('lodged_at').limit(filter.limit);
      if (filter.channel) query = query.where('channel', '=', filter.channel);
      return (await query.execute()).map(viewOf);
    },
    async inspect(principal, context, reference, report) {
      await asOfficer(principal);
      const row = await load(reference);
      return detail(await recordInspection(deps, context, principal.kind === 'user' ? principal.id : null, row.id, report));
    },
    async reject(principal, context, reference, reason) {
      await asOfficer(principal);
      const row = await load(reference);
      return detail(await rejectDeclaration(deps, context, row.id, reason));
    },
    async release(principal, context, reference) {
      await asOfficer(principal);
      const row = await load(reference);
      assertMove(row.reference, row.state, 'released');
      const outcome = await releaseDeclaration(deps, row.id, context);
      const after = await load(reference);
      if (outcome === 'blocked') throw new AppError(409, 'declaration_release_blocked', { reference }, { fields: documentProblems(after.document_checks as DocumentCheck[]).map((p) => ({ ...p, messageKey: `errors.${p.code}` })) });
      return detail(after);
    },
  };
}
