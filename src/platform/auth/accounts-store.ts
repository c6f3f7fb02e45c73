import type { Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import { conflict } from '../http/errors.ts';
import type { RoleGrant } from './roles.ts';

export interface NewAccount {
  email: string;
  displayName: string;
  passwordHash: string;
  locale: string;
  companyId?: string | null;
  grants: RoleGrant[];
}

export async function findAccountByEmail(trx: Transaction<Database>, email: string) {
  return trx.selectFrom('users').select('id').where(({ fn }) => fn('lower', ['email']), '=', email.toLowerCase()).executeTakeFirst();
}

/** Inserts an account and its role grants; e-mails are unique whatever their case. */
export async function insertAccount(trx: Transaction<Database>, account: NewAccount): Promise<string> {
  if (await findAccountByEmail(trx, account.email)) throw conflict('email_taken', { email: account.email });
  const user = await trx
    .insertInto('users')
    .values({
      email: account.email,
      display_name: account.displayName,
      password_hash: account.passwordHash,
      locale: account.locale,
      company_id: account.companyId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('role_grants')
    .values(account.grants.map((g) => ({ user_id: user.id, role: g.role, agency_id: g.agencyId })))
    .execute();
  return user.id;
}
