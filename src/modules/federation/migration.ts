import { sql, type Kysely } from 'kysely';

/**
 * Federation between Guichet instances (docs/federation.md): this instance's registry anchor, the
 * agreements with partner instances, which exchange members and document keys were learnt from
 * each, and the cross-border documents received from them.
 */
export const federationMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table federation_anchor (
        -- One anchor per instance: the only row has id true.
        id boolean primary key default true check (id),
        kid text not null unique,
        public_jwk jsonb not null,
        sealed_private_key text not null,
        created_at timestamptz not null default now()
      );
      create table federations (
        instance text primary key check (instance ~ '^[A-Z]{2}$'),
        base_url text not null,
        anchor_kid text not null,
        anchor_jwk jsonb not null,
        status text not null default 'active' check (status in ('active', 'ended')),
        established_at timestamptz not null default now(),
        established_by text not null,
        ended_at timestamptz,
        ended_by text,
        last_synced_at timestamptz,
        last_error text
      );
      create table federation_members (
        member_id uuid primary key references exchange_members (id),
        instance text not null references federations (instance)
      );
      create index federation_members_instance on federation_members (instance);
      create table federation_document_keys (
        instance text not null references federations (instance),
        kid text not null,
        agency_code text not null,
        x text not null,
        status text not null check (status in ('active', 'retired')),
        primary key (instance, kid)
      );
      create table crossborder_documents (
        id uuid primary key default gen_random_uuid(),
        message_id text not null unique,
        kind text not null check (kind in ('certificate_of_origin', 'transit_declaration')),
        partner text not null,
        sender text not null,
        receiver text not null,
        receiver_agency_id uuid references agencies (id),
        reference text not null,
        certificate_ref text,
        body jsonb not null,
        signature text not null check (signature in ('verified', 'invalid', 'pending', 'none')),
        signature_reason text,
        issuer_document_id uuid,
        status text not null check (status in ('received', 'checking', 'valid', 'expired', 'revoked', 'unknown', 'invalid_signature', 'unavailable')),
        revoked_at timestamptz,
        checked_at timestamptz,
        last_error text,
        received_at timestamptz not null default now()
      );
      create index crossborder_documents_received on crossborder_documents (received_at);
      create index crossborder_documents_reference on crossborder_documents (partner, reference);
    `.execute(db);
  },
};
