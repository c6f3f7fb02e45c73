import { sql, type Kysely } from 'kysely';

/**
 * What the exchange needs to send and receive: where each member answers, the private keys this
 * instance signs with for its own members, the inbox (one row per message accepted, the replay and
 * deduplication record) and the outbox of asynchronous messages still owed to their providers.
 */
export const exchangeDeliveryMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table exchange_members add column endpoint text;
      create table exchange_local_keys (
        kid text primary key references exchange_member_keys (kid),
        member_id uuid not null references exchange_members (id),
        sealed_private_key text not null,
        created_at timestamptz not null default now()
      );
      create index exchange_local_keys_member on exchange_local_keys (member_id, created_at);
      create table exchange_inbox (
        message_id text primary key,
        client text not null,
        service text not null,
        signature text not null,
        body_digest text not null,
        response_status int not null,
        response_body jsonb not null,
        received_at timestamptz not null default now()
      );
      create index exchange_inbox_received on exchange_inbox (received_at);
      create table exchange_outbox (
        message_id text primary key,
        client text not null,
        provider text not null,
        service_code text not null,
        service_version text not null,
        body jsonb not null,
        represented_party text,
        case_ref text,
        status text not null default 'pending' check (status in ('pending', 'delivered', 'refused', 'dead')),
        attempts int not null default 0,
        last_attempt_at timestamptz,
        last_error text,
        response_status int,
        response_body jsonb,
        created_at timestamptz not null default now(),
        delivered_at timestamptz
      );
      create index exchange_outbox_status on exchange_outbox (status, created_at);
    `.execute(db);
  },
};
