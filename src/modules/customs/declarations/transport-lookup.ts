import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../database.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { DeclarationInput } from './types.ts';

/**
 * What the port module may know of declarations to match cargo manifests (docs/customs/port-manifests.md):
 * the declarations citing given bills of lading or containers, or given by id, without their
 * goods or values. Drafts and rejected declarations clear nothing and are left out.
 */
export interface DeclarationForTransport {
  id: string;
  reference: string;
  state: string;
  released: boolean;
  importerTaxId: string | null;
  /** WCO TransportContractDocument/ID as declared, or null. */
  transportDocument: string | null;
  containers: string[];
  /** The items' gross masses added up. */
  grossMassKg: number;
}

export interface TransportQuery {
  transportDocuments?: readonly string[];
  containers?: readonly string[];
  ids?: readonly string[];
}

/** Takes the caller's transaction when it has one (PGlite has one connection). */
export async function declarationsForTransport(db: Db | Transaction<Database>, query: TransportQuery): Promise<DeclarationForTransport[]> {
  const documents = (query.transportDocuments ?? []).map((d) => d.replace(/\s+/g, '').toUpperCase());
  const containers = [...(query.containers ?? [])];
  const ids = [...(query.ids ?? [])];
  if (documents.length + containers.length + ids.length === 0) return [];
  // The payload is the declaration as lodged (types.ts); the bill is compared as manifests write it.
  const transportDocument = sql<string>`upper(regexp_replace(payload->'transport'->>'transportDocument', '\\s', '', 'g'))`;
  const rows = await db
    .selectFrom('customs_declarations')
    .select(['id', 'reference', 'state', 'importer_tax_id', 'payload'])
    .where('state', 'not in', ['draft', 'rejected'])
    .where((eb) =>
      eb.or([
        ...(documents.length ? [eb(transportDocument, 'in', documents)] : []),
        ...(containers.length ? [eb(sql<boolean>`payload->'transport'->'containers' ?| ${sql.val(containers)}::text[]`, '=', true)] : []),
        ...(ids.length ? [eb('id', 'in', ids)] : []),
      ]),
    )
    .orderBy('reference')
    .execute();
  return rows.map((row) => {
    const payload = row.payload as DeclarationInput;
    return {
      id: row.id,
      reference: row.reference,
      state: row.state,
      released: row.state === 'released',
      importerTaxId: row.importer_tax_id,
      transportDocument: payload.transport.transportDocument ?? null,
      containers: payload.transport.containers,
      grossMassKg: Math.round(payload.items.reduce((sum, item) => sum + Number(item.grossMassKg), 0) * 1000) / 1000,
    };
  });
}
