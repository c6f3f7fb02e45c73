import { sql, type Kysely } from 'kysely';

/** Issue 4's accountant (reconciliation, ledger): the role checks of grants and API clients widened to admit it. */
export const accountantRoleMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table role_grants drop constraint role_grants_role_check;
      alter table role_grants add constraint role_grants_role_check
        check (role in ('applicant', 'officer', 'agency_admin', 'platform_admin', 'archivist', 'auditor', 'cashier', 'accountant'));
      alter table api_clients drop constraint api_clients_role_check;
      alter table api_clients add constraint api_clients_role_check
        check (role in ('applicant', 'officer', 'agency_admin', 'platform_admin', 'archivist', 'auditor', 'cashier', 'accountant'));
    `.execute(db);
  },
};
