import type { Db } from '../platform/db/database.ts';
import { recordAudit, systemContext } from '../platform/audit/record.ts';
import { findAccountByEmail, findCompanyByTaxId, insertAccount, insertCompany } from '../platform/auth/accounts-store.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { jsonb } from '../platform/db/json.ts';
import { insertMember } from '../modules/exchange/members.ts';
import { DEMO_ACCOUNTS, DEMO_AGENCIES, DEMO_COUNTRY, DEMO_PASSWORD } from './country.ts';

export interface SeedReport {
  agenciesCreated: number;
  accountsCreated: number;
}

/**
 * Loads the demo country. Every row is looked up by its natural key first, so running it again —
 * on every start — creates nothing twice and never overwrites what users changed.
 */
export async function seedDemoCountry(db: Db, options: { instance?: string } = {}): Promise<SeedReport> {
  const instance = options.instance ?? DEMO_COUNTRY.code;
  const context = systemContext('demo seed');
  return db.transaction().execute(async (trx) => {
    let agenciesCreated = 0;
    let accountsCreated = 0;
    for (const agency of DEMO_AGENCIES) {
      const inserted = await trx
        .insertInto('agencies')
        .values({ code: agency.code, names: jsonb(agency.names) })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      agenciesCreated += 1;
      await recordAudit(trx, context, { action: 'agency.created', recordType: 'agency', recordId: inserted.id, agencyId: inserted.id, after: agency });
    }
    // Every agency is a member of the interconnection layer (<instance>/GOV/<code>, KD/GOV/CUSTOMS in the
    // demo); an existing member is left as it is.
    for (const agency of DEMO_AGENCIES) {
      await insertMember(trx, context, { identifier: `${instance}/GOV/${agency.code}`, kind: 'agency', names: agency.names, agencyCode: agency.code });
    }
    const agencyIds = new Map((await trx.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
    for (const account of DEMO_ACCOUNTS) {
      if (await findAccountByEmail(trx, account.email)) continue;
      let companyId: string | null = null;
      if (account.company) {
        const company = account.company;
        companyId = (await findCompanyByTaxId(trx, company.taxId))?.id ?? (await insertCompany(trx, company));
      }
      const agencyId = account.agencyCode ? (agencyIds.get(account.agencyCode) ?? null) : null;
      const userId = await insertAccount(trx, {
        email: account.email,
        displayName: account.displayName,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        locale: account.locale,
        companyId,
        grants: [{ role: account.role, agencyId }],
      });
      accountsCreated += 1;
      await recordAudit(trx, context, {
        action: 'user.created',
        recordType: 'user',
        recordId: userId,
        agencyId,
        after: { email: account.email, displayName: account.displayName, role: account.role, agencyCode: account.agencyCode },
      });
    }
    return { agenciesCreated, accountsCreated };
  });
}
