import type { Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import { conflict, fieldError, notFound } from '../http/errors.ts';
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
  if (await findAccountByEmail(trx, account.email)) throw fieldError(409, 'email_taken', 'body.email', { email: account.email });
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

export interface NewCompany {
  taxId: string;
  name: string;
}

/** Tax ids are compared in one written form: trimmed, upper case. */
export const normaliseTaxId = (taxId: string) => taxId.trim().toUpperCase();

export async function findCompanyByTaxId(trx: Transaction<Database>, taxId: string) {
  return trx.selectFrom('companies').select(['id', 'name']).where('tax_id', '=', normaliseTaxId(taxId)).executeTakeFirst();
}

/** Registers a company under its tax id, which identifies it across the platform. */
export async function insertCompany(trx: Transaction<Database>, company: NewCompany): Promise<string> {
  const taxId = normaliseTaxId(company.taxId);
  if (await findCompanyByTaxId(trx, taxId)) throw conflict('company_already_registered', { taxId });
  const row = await trx.insertInto('companies').values({ tax_id: taxId, name: company.name.trim() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A role grant or API key names an agency: it must be one that joined the platform. */
export async function assertAgencyExists(trx: Transaction<Database>, agencyId: string | null): Promise<void> {
  if (agencyId && !(await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst())) throw notFound('agency', agencyId);
}
