import { sql, type Kysely } from 'kysely';

export const identityMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table agencies (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        names jsonb not null,
        created_at timestamptz not null default now()
      );
      create table companies (
        id uuid primary key default gen_random_uuid(),
        tax_id text not null unique,
        name text not null,
        created_at timestamptz not null default now()
      );
      create table users (
        id uuid primary key default gen_random_uuid(),
        email text not null,
        display_name text not null,
        password_hash text not null,
        locale text not null default 'fr' check (locale in ('fr', 'ar', 'en')),
        company_id uuid references companies (id),
        totp_secret text,
        totp_pending_secret text,
        totp_last_step bigint,
        failed_logins int not null default 0,
        locked_until timestamptz,
        disabled_at timestamptz,
        created_at timestamptz not null default now()
      );
      create unique index users_email on users (lower(email));
      create index users_company on users (company_id);
      create table role_grants (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        role text not null check (role in ('applicant', 'officer', 'agency_admin', 'platform_admin', 'archivist', 'auditor', 'cashier')),
        agency_id uuid references agencies (id),
        unique nulls not distinct (user_id, role, agency_id)
      );
      create table sessions (
        id text primary key,
        user_id uuid not null references users (id) on delete cascade,
        csrf_token text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        ip text
      );
      create index sessions_user on sessions (user_id);
      create index sessions_expiry on sessions (expires_at);
      create table api_clients (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        role text not null check (role in ('applicant', 'officer', 'agency_admin', 'platform_admin', 'archivist', 'auditor', 'cashier')),
        agency_id uuid references agencies (id),
        key_prefix text not null unique,
        key_hash text not null,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );
    `.execute(db);
  },
};
