import { sql, type Kysely } from 'kysely';

/**
 * Entries stop taking the chain head's lock: each is inserted with its content hash and a number
 * from a sequence, and the linker (link.ts) gives committed entries their chain position and hash
 * shortly after. Entries written before this migration were linked at their seq, so `position = seq`
 * keeps their hashes valid.
 */
export const auditDeferredLinkMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create sequence audit_entries_seq owned by audit_entries.seq;
      select setval('audit_entries_seq', coalesce(max(seq), 0) + 1, false) from audit_entries;
      alter table audit_entries alter column seq set default nextval('audit_entries_seq');
      alter table audit_entries add column position bigint, add column content_hash text;
      update audit_entries set position = seq;
      alter table audit_entries alter column prev_hash drop not null, alter column hash drop not null;
      create unique index audit_entries_position on audit_entries (position);
      create index audit_entries_unlinked on audit_entries (seq) where position is null;
    `.execute(db);
  },
};
