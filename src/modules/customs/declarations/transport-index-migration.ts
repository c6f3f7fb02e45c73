import { sql, type Kysely } from 'kysely';

/**
 * Matching a port manifest finds declarations by bill of lading and by container
 * (transport-lookup.ts): two indexes on exactly the expressions it queries, so a manifest's lines
 * are matched by index lookups rather than by reading every declaration's payload.
 */
export const customsTransportIndexesMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create index customs_declarations_transport_document
        on customs_declarations ((upper(regexp_replace(payload->'transport'->>'transportDocument', '\\s', '', 'g'))));
      create index customs_declarations_containers on customs_declarations using gin ((payload->'transport'->'containers'));
    `.execute(db);
  },
};
