import { agencyScope, assertAllowed, type Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { fieldError, forbiddenAgency } from '../../platform/http/errors.ts';

/** The customs administration, whose dashboards customs staff, auditors and platform administrators read. */
export const CUSTOMS_AGENCY = 'CUSTOMS';

async function agencyIdOf(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

/** Customs figures: the customs administration's staff, or a national grant (auditor, platform administrator). */
export async function assertCustomsOversight(db: Db, principal: Principal): Promise<void> {
  assertAllowed(principal, 'oversight.customs', { agencyId: (await agencyIdOf(db, CUSTOMS_AGENCY)) ?? null });
}

/**
 * The agencies whose licences and procedures the principal may see, as ids and codes: a ministry's
 * staff their own agency, national grants every agency (null). Asking for one agency narrows it;
 * asking for another agency than one's own is a 403, an unknown code a 400.
 */
export async function agenciesInView(db: Db, principal: Principal, asked: string | undefined): Promise<{ ids: string[]; codes: string[] } | null> {
  assertAllowed(principal, 'oversight.agency');
  const scope = agencyScope(principal, 'oversight.agency');
  if (asked === undefined) {
    if (scope === null) return null;
    const rows = scope.length === 0 ? [] : await db.selectFrom('agencies').select(['id', 'code']).where('id', 'in', scope).execute();
    return { ids: rows.map((r) => r.id), codes: rows.map((r) => r.code) };
  }
  const id = await agencyIdOf(db, asked);
  if (id === undefined) throw fieldError(400, 'oversight_agency_unknown', 'querystring.agency', { agency: asked });
  if (scope !== null && !scope.includes(id)) throw forbiddenAgency();
  return { ids: [id], codes: [asked] };
}
