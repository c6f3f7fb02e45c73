import { sql } from 'kysely';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import { agencyScope, assertAllowed, type Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import type { AccessRequestState } from './schema.ts';

/** How long a grant lasts unless the archivist says otherwise. */
export const DEFAULT_GRANT_DAYS = 30;

export interface AccessRequestView {
  id: string;
  package: string;
  title: string;
  applicant: string;
  reason: string;
  state: AccessRequestState;
  createdAt: string;
  decidedAt: string | null;
  note: string | null;
  expiresAt: string | null;
}

const requestRows = (db: Db) =>
  db
    .selectFrom('archive_access_requests as r')
    .innerJoin('archive_packages as p', 'p.id', 'r.package_id')
    .innerJoin('users as u', 'u.id', 'r.applicant_id')
    .select(['r.id', 'p.identifier', 'p.title', 'p.agency_id', 'u.display_name', 'r.reason', 'r.state', 'r.created_at', 'r.decided_at', 'r.note', 'r.expires_at']);

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestRows>['executeTakeFirstOrThrow']>>;

const viewOf = (r: RequestRow): AccessRequestView => ({
  id: r.id,
  package: r.identifier,
  title: r.title,
  applicant: r.display_name,
  reason: r.reason,
  state: r.state,
  createdAt: r.created_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null,
  note: r.note,
  expiresAt: r.expires_at?.toISOString() ?? null,
});

/**
 * A signed-in person asks to read a restricted package. Public ones need no request; confidential
 * ones are not open to requests and answer as unknown, so a request does not reveal they exist.
 */
export async function requestAccess(db: Db, principal: Principal, context: ChangeContext, identifier: string, reason: string): Promise<AccessRequestView> {
  assertAllowed(principal, 'archive.request');
  const id = await db.transaction().execute(async (trx) => {
    const pkg = await trx.selectFrom('archive_packages').select(['id', 'agency_id', 'access_level']).where('identifier', '=', identifier).where('state', '=', 'stored').executeTakeFirst();
    if (!pkg || pkg.access_level === 'confidential') throw notFound('archive_package', identifier);
    if (pkg.access_level === 'public') throw conflict('archive_access_not_needed', { identifier });
    const pending = await trx.selectFrom('archive_access_requests').select('id').where('package_id', '=', pkg.id).where('applicant_id', '=', principal.id).where('state', '=', 'pending').executeTakeFirst();
    if (pending) throw conflict('archive_access_request_pending', { identifier });
    const inserted = await trx.insertInto('archive_access_requests').values({ package_id: pkg.id, applicant_id: principal.id, reason, state: 'pending' }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, context, { action: 'archive.access_requested', recordType: 'archive_access_request', recordId: inserted.id, agencyId: pkg.agency_id, after: { state: 'pending' }, details: { identifier } });
    return inserted.id;
  });
  return viewOf(await requestRows(db).where('r.id', '=', id).executeTakeFirstOrThrow());
}

/** The requests on the archivist's agencies' packages, oldest first (pending by default). */
export async function listAccessRequests(db: Db, principal: Principal, state: AccessRequestState = 'pending'): Promise<AccessRequestView[]> {
  assertAllowed(principal, 'archive.manage');
  const agencies = agencyScope(principal, 'archive.manage');
  if (agencies?.length === 0) return [];
  let rows = requestRows(db).where('r.state', '=', state).orderBy('r.created_at').orderBy('r.id').limit(200);
  if (agencies) rows = rows.where('p.agency_id', 'in', agencies);
  return (await rows.execute()).map(viewOf);
}

/** The signed-in person's own requests, newest first, with their state: what they asked for and what was decided. */
export async function myAccessRequests(db: Db, principal: Principal): Promise<AccessRequestView[]> {
  assertAllowed(principal, 'archive.request');
  return (await requestRows(db).where('r.applicant_id', '=', principal.id).orderBy('r.created_at', 'desc').orderBy('r.id').limit(200).execute()).map(viewOf);
}

export interface Decision {
  grant: boolean;
  note?: string | undefined;
  /** How long a grant lasts. */
  days?: number | undefined;
}

/** The producing agency's archivist grants (for a period) or refuses a pending request. */
export async function decideAccessRequest(db: Db, principal: Principal, context: ChangeContext, requestId: string, decision: Decision): Promise<AccessRequestView> {
  await db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('archive_access_requests as r')
      .innerJoin('archive_packages as p', 'p.id', 'r.package_id')
      .select(['r.id', 'r.state', 'p.agency_id', 'p.identifier'])
      .where('r.id', '=', requestId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw notFound('archive_access_request', requestId);
    assertAllowed(principal, 'archive.manage', { agencyId: request.agency_id });
    if (request.state !== 'pending') throw conflict('archive_access_request_decided', { state: request.state });
    const days = decision.days ?? DEFAULT_GRANT_DAYS;
    const state = decision.grant ? 'granted' : 'refused';
    await trx
      .updateTable('archive_access_requests')
      .set({ state, decided_by: principal.id, decided_at: new Date(), note: decision.note ?? null, expires_at: decision.grant ? sql<Date>`now() + make_interval(days => ${days}::int)` : null })
      .where('id', '=', requestId)
      .execute();
    await recordAudit(trx, context, {
      action: decision.grant ? 'archive.access_granted' : 'archive.access_refused',
      recordType: 'archive_access_request',
      recordId: requestId,
      agencyId: request.agency_id,
      before: { state: 'pending' },
      after: { state },
      details: { identifier: request.identifier, ...(decision.grant ? { days } : {}) },
    });
  });
  return viewOf(await requestRows(db).where('r.id', '=', requestId).executeTakeFirstOrThrow());
}
