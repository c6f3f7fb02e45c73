import { sql, type Kysely } from 'kysely';
import { GENESIS_HASH } from '../../platform/audit/chain.ts';

export const exchangeLogMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table exchange_message_log (
        seq bigint primary key,
        logged_at timestamptz not null,
        message_id text not null,
        direction text not null check (direction in ('in', 'out')),
        kind text not null check (kind in ('request', 'response')),
        peer text not null,
        service text not null,
        signature text not null,
        body_digest text not null,
        status text not null,
        prev_hash text not null,
        hash text not null
      );
      create index exchange_message_log_message on exchange_message_log (message_id);
      create index exchange_message_log_peer on exchange_message_log (peer, seq);
      create table exchange_log_head (id int primary key check (id = 1), seq bigint not null, hash text not null, prev_hash text not null);
      insert into exchange_log_head (id, seq, hash, prev_hash) values (1, 0, ${sql.lit(GENESIS_HASH)}, ${sql.lit(GENESIS_HASH)});
    `.execute(db);
  },
};
