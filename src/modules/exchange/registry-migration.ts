import { sql, type Kysely } from 'kysely';

/** The interconnection registry: who takes part, with which keys, offering which services to whom. */
export const exchangeRegistryMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table exchange_members (
        id uuid primary key default gen_random_uuid(),
        -- X-Road style: instance/class/member[/subsystem]
        identifier text not null unique check (identifier ~ '^[A-Z]{2}/(GOV|COM|FSW|EXT)/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)?$'),
        kind text not null check (kind in ('agency', 'external_system', 'foreign_single_window')),
        names jsonb not null,
        agency_id uuid references agencies (id),
        status text not null default 'active' check (status in ('active', 'suspended')),
        created_at timestamptz not null default now()
      );
      create table exchange_member_keys (
        kid text primary key,
        member_id uuid not null references exchange_members (id),
        public_jwk jsonb not null,
        status text not null default 'active' check (status in ('active', 'retired', 'revoked')),
        created_at timestamptz not null default now(),
        retired_at timestamptz,
        revoked_at timestamptz,
        revocation_reason text
      );
      create index exchange_member_keys_member on exchange_member_keys (member_id);
      create table exchange_services (
        id uuid primary key default gen_random_uuid(),
        member_id uuid not null references exchange_members (id),
        code text not null,
        version text not null,
        title jsonb not null,
        request_schema jsonb not null,
        response_schema jsonb not null,
        created_at timestamptz not null default now(),
        constraint exchange_services_version unique (member_id, code, version)
      );
      create table exchange_access_rights (
        service_id uuid not null references exchange_services (id),
        client_member_id uuid not null references exchange_members (id),
        granted_at timestamptz not null default now(),
        granted_by text not null,
        primary key (service_id, client_member_id)
      );
    `.execute(db);
  },
};
