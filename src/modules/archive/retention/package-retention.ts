import type { Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { agenciesInView } from '../access.ts';
import { retentionRows, triggerDateOf } from './packages.ts';
import { disposalDueOn, type RetentionClass } from './schedule.ts';
import { retentionClasses } from './scheme.ts';

/**
 * A package's retention as a reader of the archive sees it: its class and schedule, its due date,
 * its legal holds (in force and past), and the disposition that destroyed it with its certificate.
 * With the package view (files with their hashes, events), this is the residue a destruction leaves.
 */
export async function packageRetention(db: Db, principal: Principal, identifier: string) {
  const agencies = await agenciesInView(db, principal);
  const row = await retentionRows(db).where('p.identifier', '=', identifier).executeTakeFirst();
  if (!row || (agencies && !agencies.includes(row.agency_id))) throw notFound('archive_package', identifier);
  const retention: RetentionClass | null = (await retentionClasses(db)).get(row.retention_class) ?? null;
  const holds = await db.selectFrom('archive_legal_holds').selectAll().where('package_id', '=', row.id).orderBy('placed_at').execute();
  const disposition = await db
    .selectFrom('archive_disposition_items as i')
    .innerJoin('archive_disposition_proposals as d', 'd.id', 'i.proposal_id')
    .select(['d.id', 'd.state', 'd.reason', 'd.proposed_by', 'd.decided_by', 'd.decided_at', 'd.certificate_id', 'd.certificate_number'])
    .where('i.package_id', '=', row.id)
    .orderBy('d.proposed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const triggerAt = triggerDateOf(row);
  return {
    identifier: row.identifier,
    state: row.state,
    retentionClass: retention ?? { code: row.retention_class, title: null, trigger: null, periodYears: null, action: null },
    triggerAt: triggerAt.toISOString(),
    dueOn: retention ? disposalDueOn(triggerAt, retention) : null,
    holds: holds.map((h) => ({ reason: h.reason, placedBy: h.placed_by, placedAt: h.placed_at.toISOString(), liftedBy: h.lifted_by, liftedAt: h.lifted_at?.toISOString() ?? null, liftReason: h.lift_reason })),
    disposition: disposition
      ? {
          id: disposition.id,
          state: disposition.state,
          reason: disposition.reason,
          proposedBy: disposition.proposed_by,
          decidedBy: disposition.decided_by,
          decidedAt: disposition.decided_at?.toISOString() ?? null,
          certificate: disposition.certificate_id ? { id: disposition.certificate_id, number: disposition.certificate_number } : null,
        }
      : null,
  };
}
