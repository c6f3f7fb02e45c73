import { sql, type Kysely } from 'kysely';

/** A payment may pay a customs declaration's duties and taxes instead of a file's fee. */
export const paymentsDutiesMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table payments add column declaration_id uuid references customs_declarations (id);
      create index payments_declaration on payments (declaration_id) where declaration_id is not null;
    `.execute(db);
  },
};
