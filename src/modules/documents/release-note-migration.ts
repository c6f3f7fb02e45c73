import { sql, type Kysely } from 'kysely';

/**
 * A customs declaration's release note (docs/documents.md): the link is written before the
 * document in the same transaction, so the declaration's key stops a second delivery before any
 * document row, and the foreign key to the document is checked at commit.
 */
export const releaseNotesMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table release_notes (
        declaration_id uuid primary key references customs_declarations (id),
        document_id uuid not null unique references documents (id) deferrable initially deferred
      );
    `.execute(db);
  },
};
