import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import type { Role } from './roles.ts';

export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  locale: 'fr' | 'ar' | 'en';
  roles: { role: Role; agencyId: string | null; agencyCode: string | null }[];
  company: { taxId: string; name: string } | null;
  totpEnabled: boolean;
}

/** What a signed-in person sees of their own account (never hashes or secrets). */
export async function accountView(db: Db, userId: string): Promise<AccountView> {
  const user = await db
    .selectFrom('users')
    .leftJoin('companies', 'companies.id', 'users.company_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.locale', 'users.totp_secret', 'companies.tax_id', 'companies.name as company_name'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('role_grants')
          .leftJoin('agencies', 'agencies.id', 'role_grants.agency_id')
          .select(['role_grants.role', 'role_grants.agency_id', 'agencies.code'])
          .whereRef('role_grants.user_id', '=', 'users.id')
          .orderBy('role_grants.role'),
      ).as('roles'),
    )
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('user', userId);
  const roles = user.roles;
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale as AccountView['locale'],
    roles: roles.map((r) => ({ role: r.role, agencyId: r.agency_id, agencyCode: r.code })),
    company: user.tax_id && user.company_name ? { taxId: user.tax_id, name: user.company_name } : null,
    totpEnabled: user.totp_secret !== null,
  };
}
