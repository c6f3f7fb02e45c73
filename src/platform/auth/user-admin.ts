import type { Db } from '../db/database.ts';
import { recordAudit, type ChangeContext } from '../audit/record.ts';
import { AppError, fieldError, notFound } from '../http/errors.ts';
import type { Locale } from '../i18n/i18n.ts';
import { assertPasswordStrength } from './account.ts';
import { assertAgencyExists, insertAccount } from './accounts-store.ts';
import { hashPassword } from './passwords.ts';
import { agencyScope, assertAllowed, authorise, type Principal } from './policy.ts';
import { roleNeedsAgency, type RoleGrant } from './roles.ts';

export interface NewStaffUser {
  email: string;
  displayName: string;
  password: string;
  locale: Locale;
  grants: RoleGrant[];
}

export function assertGrantShape(grant: RoleGrant): void {
  if (roleNeedsAgency(grant.role) !== (grant.agencyId !== null)) {
    const code = roleNeedsAgency(grant.role) ? 'role_needs_agency' : 'role_is_national';
    throw fieldError(400, code, 'body.grants.agencyId', { role: grant.role });
  }
}

/** An administrator creates a staff account; each grant must fall inside the administrator's scope. */
export async function createStaffUser(db: Db, principal: Principal, context: ChangeContext, input: NewStaffUser): Promise<string> {
  for (const grant of input.grants) {
    assertGrantShape(grant);
    assertAllowed(principal, 'users.manage', { agencyId: grant.agencyId });
  }
  assertPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    for (const grant of input.grants) await assertAgencyExists(trx, grant.agencyId);
    const userId = await insertAccount(trx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      locale: input.locale,
      grants: input.grants,
    });
    await recordAudit(trx, context, {
      action: 'user.created',
      recordType: 'user',
      recordId: userId,
      agencyId: input.grants.find((g) => g.agencyId)?.agencyId ?? null,
      after: { email: input.email, displayName: input.displayName, grants: input.grants },
    });
    return userId;
  });
}

/** Staff accounts an administrator may see: all of them nationally, or those of their agency. */
export async function listStaffUsers(db: Db, principal: Principal, agencyId: string | undefined) {
  const scope = agencyScope(principal, 'users.read');
  if (agencyId) assertAllowed(principal, 'users.read', { agencyId });
  let query = db
    .selectFrom('users')
    .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.disabled_at', 'role_grants.role', 'role_grants.agency_id'])
    .where('role_grants.role', '!=', 'applicant')
    .orderBy('users.email');
  if (agencyId) query = query.where('role_grants.agency_id', '=', agencyId);
  else if (scope) query = query.where('role_grants.agency_id', 'in', scope);
  const rows = await query.execute();
  const users = new Map<string, { id: string; email: string; displayName: string; disabled: boolean; grants: RoleGrant[] }>();
  for (const row of rows) {
    const user = users.get(row.id) ?? { id: row.id, email: row.email, displayName: row.display_name, disabled: row.disabled_at !== null, grants: [] };
    user.grants.push({ role: row.role, agencyId: row.agency_id });
    users.set(row.id, user);
  }
  return [...users.values()];
}

/** Disables an account and ends its sessions; allowed when the administrator covers one of its agencies. */
export async function disableUser(db: Db, principal: Principal, context: ChangeContext, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'email', 'disabled_at']).where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) throw notFound('user', userId);
    // An administrator locking themself out leaves nobody to undo it.
    if (principal.kind === 'user' && principal.id === userId) throw new AppError(409, 'cannot_disable_self');
    const grants = await trx.selectFrom('role_grants').select(['role', 'agency_id']).where('user_id', '=', userId).execute();
    const agencies = grants.map((g) => g.agency_id);
    if (!agencies.some((agencyId) => authorise(principal, 'users.manage', { agencyId }).allowed)) assertAllowed(principal, 'users.manage', { agencyId: agencies[0] ?? null });
    if (user.disabled_at) return;
    await trx.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, context, {
      action: 'user.disabled',
      recordType: 'user',
      recordId: userId,
      agencyId: agencies.find((a) => a) ?? null,
      before: { disabled: false },
      after: { disabled: true },
    });
  });
}
