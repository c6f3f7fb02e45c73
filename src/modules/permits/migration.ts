import { sql, type Kysely } from 'kysely';

/**
 * The issuing agencies' register of quantity-limited permits (import and export licences,
 * pharmaceutical import authorisations): what each allows, to whom, until when, how much is left,
 * and the quantities customs declarations hold on it until release.
 */
export const permitsMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table permits (
        id uuid primary key default gen_random_uuid(),
        number text not null unique,
        type text not null,
        agency_code text not null,
        holder_tax_id text not null,
        holder_name text not null,
        hs_prefix text not null check (hs_prefix ~ '^[0-9]{2,10}$'),
        unit text not null,
        quantity numeric(18, 3) not null check (quantity > 0),
        drawn numeric(18, 3) not null default 0 check (drawn >= 0 and drawn <= quantity),
        valid_from date not null,
        valid_until date not null,
        revoked_at timestamptz,
        revocation_reason text,
        document_id uuid,
        created_at timestamptz not null default now()
      );
      create index permits_holder on permits (holder_tax_id);
      create table permit_holds (
        permit_id uuid not null references permits (id),
        declaration_id text not null,
        quantity numeric(18, 3) not null check (quantity > 0),
        state text not null check (state in ('held', 'drawn', 'released')),
        created_at timestamptz not null default now(),
        settled_at timestamptz,
        primary key (permit_id, declaration_id)
      );
    `.execute(db);
  },
};
