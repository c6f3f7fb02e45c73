import { sql, type Kysely } from 'kysely';

/**
 * What each issuing agency answered about the documents a declaration cites, kept on the
 * declaration (docs/customs/document-checks.md), the partial index finding those still waiting
 * for an answer; and how its duties were paid.
 */
export const customsDocumentChecksMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table customs_declarations add column document_checks jsonb not null default '[]';
      alter table customs_declarations add column awaiting_documents boolean not null default false;
      alter table customs_declarations add column payment jsonb;
      create index customs_declarations_awaiting on customs_declarations (lodged_at) where awaiting_documents;
    `.execute(db);
  },
};
