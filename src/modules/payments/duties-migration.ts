import { sql, type Kysely } from 'kysely';

/**
 * A payment may pay a customs declaration's duties and taxes instead of a file's fee, and may be
 * spent from (or deposited on) a company's prepaid account.
 */
export const paymentsDutiesMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table payments add column declaration_id uuid references customs_declarations (id);
      create index payments_declaration on payments (declaration_id) where declaration_id is not null;
      alter table payments add column prepaid_tax_id text;
      alter table payments drop constraint payments_provider_check;
      alter table payments add constraint payments_provider_check check (provider in ('mobile_money', 'counter', 'prepaid'));
    `.execute(db);
  },
};
