import { sql, type Kysely } from 'kysely';
import { GENESIS_HASH } from './chain.ts';

export const auditMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table audit_entries (
        seq bigint primary key,
        occurred_at timestamptz not null,
        actor_type text not null,
        actor_id text,
        actor_label text not null,
        agency_id uuid,
        action text not null,
        record_type text not null,
        record_id text,
        before_digest text,
        after_digest text,
        request_id text,
        ip text,
        details jsonb not null default '{}'::jsonb,
        prev_hash text not null,
        hash text not null
      );
      create index audit_entries_record on audit_entries (record_type, record_id);
      create index audit_entries_actor on audit_entries (actor_id, seq);
      create index audit_entries_action on audit_entries (action, seq);
      create index audit_entries_time on audit_entries (occurred_at);
      create table audit_head (id int primary key check (id = 1), seq bigint not null, hash text not null, prev_hash text not null);
      insert into audit_head (id, seq, hash, prev_hash) values (1, 0, ${sql.lit(GENESIS_HASH)}, ${sql.lit(GENESIS_HASH)});
    `.execute(db);
  },
};
