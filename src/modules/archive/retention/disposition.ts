import { sql } from 'kysely';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import { agencyScope, assertAllowed, type Principal } from '../../../platform/auth/policy.ts';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../../platform/http/errors.ts';
import { archivistScope, assertInScope, holdsInForce, retentionRows, triggerDateOf, type RetentionRow } from './packages.ts';
import type { ProposalState } from './schema.ts';
import { disposalDueOn, isDue, type RetentionClass } from './schedule.ts';
import { retentionClasses } from './scheme.ts';

export interface DueItem {
  identifier: string;
  title: string;
  source: string;
  retentionClass: string;
  action: RetentionClass['action'];
  triggerAt: string;
  dueOn: string;
  onHold: boolean;
  proposal: string | null;
}

/** Packages whose class says they may be destroyed (after review, for `review`). */
const DESTROYABLE: readonly RetentionClass['action'][] = ['destroy', 'review'];

/** Proposals not decided yet, by package. */
async function openProposals(db: Db | Trx, packageIds: readonly string[]): Promise<Map<string, string>> {
  if (packageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('archive_disposition_items as i')
    .innerJoin('archive_disposition_proposals as d', 'd.id', 'i.proposal_id')
    .select(['i.package_id', 'd.id'])
    .where('i.package_id', 'in', packageIds)
    .where('d.state', '=', 'proposed')
    .execute();
  return new Map(rows.map((r) => [r.package_id, r.id]));
}

/**
 * Why a package may not be destroyed now, as the 409 to answer (checked when proposing and again
 * when approving, inside the transaction holding the package rows).
 */
export async function assertDestroyable(db: Db | Trx, rows: readonly RetentionRow[], now: Date, proposalId: string | null): Promise<void> {
  const classes = await retentionClasses(db);
  const holds = await holdsInForce(db, rows.map((r) => r.id));
  const open = await openProposals(db, rows.map((r) => r.id));
  for (const row of rows) {
    const identifier = row.identifier;
    if (row.state === 'destroyed') throw conflict('archive_package_destroyed', { identifier });
    const hold = holds.get(row.id);
    if (hold) throw new AppError(409, 'archive_package_on_hold', { identifier, reason: hold.reason });
    const retention = classes.get(row.retention_class);
    if (!retention) throw conflict('archive_package_unclassified', { identifier, retentionClass: row.retention_class });
    if (!DESTROYABLE.includes(retention.action)) throw conflict('archive_class_not_destroyable', { identifier, retentionClass: retention.code, action: retention.action });
    const dueOn = disposalDueOn(triggerDateOf(row), retention);
    if (!isDue(dueOn, now)) throw conflict('archive_package_not_due', { identifier, dueOn });
    const pending = open.get(row.id);
    if (pending && pending !== proposalId) throw conflict('archive_package_already_proposed', { identifier });
  }
}

/** The packages of these identifiers in the archivist's scope, locked when read in a transaction. */
async function packagesNamed(trx: Trx, scope: string[] | null, identifiers: readonly string[]): Promise<RetentionRow[]> {
  const rows = await retentionRows(trx).where('p.identifier', 'in', identifiers).orderBy('p.identifier').forUpdate().execute();
  for (const identifier of identifiers) assertInScope(rows.find((r) => r.identifier === identifier), scope, identifier);
  return rows;
}

/** The disposition review: what is due, the archivist's proposal, the authority's refusal. Approval is destruction.ts. */
export function dispositionReview(db: Db, now: () => Date) {
  /** Stored packages of the archivist's agencies whose schedule has run out on `asOf`, oldest due first. */
  async function due(principal: Principal, query: { limit: number; offset: number }): Promise<DueItem[]> {
    const scope = await archivistScope(db, principal);
    if (scope?.length === 0) return [];
    const today = now().toISOString().slice(0, 10);
    // The same arithmetic as disposalDueOn: a UTC date plus whole years (PostgreSQL also ends 29 February on the 28th).
    const dueOn = sql<string>`to_char((p.stored_at at time zone 'UTC')::date + make_interval(years => c.period_years), 'YYYY-MM-DD')`;
    let rows = retentionRows(db)
      .innerJoin('archive_retention_classes as c', 'c.code', 'p.retention_class')
      .select(['c.action', dueOn.as('due_on')])
      .where('p.state', '=', 'stored')
      .where('c.period_years', 'is not', null)
      .where(sql<boolean>`(p.stored_at at time zone 'UTC')::date + make_interval(years => c.period_years) <= ${today}::date`)
      .orderBy('due_on')
      .orderBy('p.identifier')
      .limit(query.limit)
      .offset(query.offset);
    if (scope) rows = rows.where('p.agency_id', 'in', scope);
    const found = await rows.execute();
    const ids = found.map((r) => r.id);
    const [holds, open] = await Promise.all([holdsInForce(db, ids), openProposals(db, ids)]);
    return found.map((r) => ({
      identifier: r.identifier,
      title: r.title,
      source: r.source_reference,
      retentionClass: r.retention_class,
      action: r.action,
      triggerAt: triggerDateOf(r).toISOString(),
      dueOn: r.due_on,
      onHold: holds.has(r.id),
      proposal: open.get(r.id) ?? null,
    }));
  }

  /** The archivist proposes a batch for destruction; every package must be due, destroyable and free of holds. */
  async function propose(principal: Principal, context: ChangeContext, input: { packages: string[]; reason: string }) {
    const scope = await archivistScope(db, principal);
    const identifiers = [...new Set(input.packages)];
    return db.transaction().execute(async (trx) => {
      const rows = await packagesNamed(trx, scope, identifiers);
      await assertDestroyable(trx, rows, now(), null);
      const proposal = await trx
        .insertInto('archive_disposition_proposals')
        .values({ action: 'destroy', reason: input.reason, proposed_by_id: principal.id, proposed_by: principal.label })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.insertInto('archive_disposition_items').values(rows.map((r) => ({ proposal_id: proposal.id, package_id: r.id }))).execute();
      await recordAudit(trx, context, { action: 'archive.disposition_proposed', recordType: 'archive_disposition', recordId: proposal.id, after: { action: 'destroy', packages: identifiers, reason: input.reason }, details: { packages: identifiers.length } });
      return proposalView(proposal, identifiers);
    });
  }

  /** The authority refuses: the proposal is closed, its packages stay as they are and may be proposed again. */
  async function refuse(principal: Principal, context: ChangeContext, proposalId: string, reason: string) {
    assertAllowed(principal, 'archive.approve_disposal');
    return db.transaction().execute(async (trx) => {
      const { proposal, packages } = await openProposalFor(trx, principal, proposalId);
      const decided = await trx
        .updateTable('archive_disposition_proposals')
        .set({ state: 'refused', decided_by_id: principal.id, decided_by: principal.label, decided_at: new Date(), decision_reason: reason })
        .where('id', '=', proposal.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, context, { action: 'archive.disposition_refused', recordType: 'archive_disposition', recordId: proposal.id, before: { state: 'proposed' }, after: { state: 'refused', reason }, details: { packages: packages.length } });
      return proposalView(decided, packages.map((p) => p.identifier));
    });
  }

  /**
   * Proposals for the authority to decide (or decided, by `state`), oldest first: those naming a
   * package of an agency the authority answers for (all for a platform administrator).
   */
  async function proposals(principal: Principal, state: ProposalState = 'proposed'): Promise<ProposalView[]> {
    assertAllowed(principal, 'archive.approve_disposal');
    const agencies = agencyScope(principal, 'archive.approve_disposal');
    if (agencies?.length === 0) return [];
    let named = db.selectFrom('archive_disposition_items as i').innerJoin('archive_packages as p', 'p.id', 'i.package_id').select('i.proposal_id');
    if (agencies) named = named.where('p.agency_id', 'in', agencies);
    const rows = await proposalRows(db).where('state', '=', state).where('id', 'in', named).orderBy('proposed_at').orderBy('id').limit(200).execute();
    if (rows.length === 0) return [];
    const items = await db
      .selectFrom('archive_disposition_items as i')
      .innerJoin('archive_packages as p', 'p.id', 'i.package_id')
      .select(['i.proposal_id', 'p.identifier'])
      .where('i.proposal_id', 'in', rows.map((r) => r.id))
      .orderBy('p.identifier')
      .execute();
    return rows.map((row) => proposalView(row, items.filter((i) => i.proposal_id === row.id).map((i) => i.identifier)));
  }

  return { due, propose, refuse, proposals };
}

type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposalRows>['executeTakeFirstOrThrow']>>;
const proposalRows = (db: Db | Trx) => db.selectFrom('archive_disposition_proposals').selectAll();

export const proposalView = (row: ProposalRow, packages: string[]) => ({
  id: row.id,
  action: row.action,
  reason: row.reason,
  state: row.state,
  packages,
  proposedBy: row.proposed_by,
  proposedAt: row.proposed_at.toISOString(),
  decidedBy: row.decided_by,
  decidedAt: row.decided_at?.toISOString() ?? null,
  decisionReason: row.decision_reason,
  certificate: row.certificate_id ? { id: row.certificate_id, number: row.certificate_number } : null,
});

export type ProposalView = ReturnType<typeof proposalView>;

/**
 * A proposal still to decide, locked, with its packages (locked too); refused to its own proposer
 * (the four-eyes rule: who proposes a destruction never approves it) and to an authority that does
 * not cover every package's agency.
 */
export async function openProposalFor(trx: Trx, principal: Principal, proposalId: string) {
  const proposal = await proposalRows(trx).where('id', '=', proposalId).forUpdate().executeTakeFirst();
  if (!proposal) throw notFound('archive_disposition', proposalId);
  if (proposal.state !== 'proposed') throw conflict('archive_proposal_decided', { state: proposal.state });
  if (proposal.proposed_by_id === principal.id) throw new AppError(403, 'archive_disposal_own_proposal');
  const packages = await retentionRows(trx)
    .innerJoin('archive_disposition_items as i', 'i.package_id', 'p.id')
    .where('i.proposal_id', '=', proposal.id)
    .orderBy('p.identifier')
    .forUpdate('p')
    .execute();
  for (const row of packages) assertAllowed(principal, 'archive.approve_disposal', { agencyId: row.agency_id });
  return { proposal, packages };
}
