import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { CargoManifest } from './manifest.ts';

/** SHA-256 of the canonical manifest in RFC 8785 JSON: the same content, whatever its form, has one digest. */
export const manifestDigest = (canonical: CargoManifest) => createHash('sha256').update(canonicalize(canonical) ?? '').digest('hex');

export interface StoredManifestHead {
  id: string;
  reference: string;
  digest: string;
}

export interface ManifestOrigin {
  portMember: string;
  format: 'json' | 'cuscar';
  submittedBy: string;
}

/**
 * Inserts the manifest with its lines and containers, or returns the one already stored under the
 * port's reference (`created` false) — the unique index decides between two racing submissions.
 */
export async function insertManifest(trx: Trx, canonical: CargoManifest, digest: string, origin: ManifestOrigin): Promise<{ head: StoredManifestHead; created: boolean }> {
  const inserted = await trx
    .insertInto('port_manifests')
    .values({
      port_member: origin.portMember,
      reference: canonical.reference,
      digest,
      format: origin.format,
      transport_mode: canonical.transportMode,
      means_id: canonical.meansId,
      voyage: canonical.voyage,
      port_of_arrival: canonical.portOfArrival,
      arrival_date: canonical.arrivalDate,
      submitted_by: origin.submittedBy,
    })
    .onConflict((oc) => oc.columns(['port_member', 'reference']).doNothing())
    .returning(['id', 'reference', 'digest'])
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx.selectFrom('port_manifests').select(['id', 'reference', 'digest']).where('port_member', '=', origin.portMember).where('reference', '=', canonical.reference).executeTakeFirstOrThrow();
    return { head: existing, created: false };
  }
  const lines = await trx
    .insertInto('port_manifest_lines')
    .values(
      canonical.lines.map((line, index) => ({
        manifest_id: inserted.id,
        line_number: index + 1,
        bill_of_lading: line.billOfLading,
        consignee_name: line.consignee.name,
        consignee_tax_id: line.consignee.taxId,
        packages_count: line.packages.count,
        packages_kind: line.packages.kind,
        gross_mass_kg: line.grossMassKg,
        description: line.description,
      })),
    )
    .returning(['id', 'line_number'])
    .execute();
  const containers = lines.flatMap((row) => (canonical.lines[row.line_number - 1]?.containers ?? []).map((container) => ({ line_id: row.id, container })));
  if (containers.length > 0) await trx.insertInto('port_manifest_containers').values(containers).execute();
  return { head: inserted, created: true };
}

export interface StoredLine {
  id: string;
  lineNumber: number;
  billOfLading: string;
  consignee: { name: string; taxId: string };
  containers: string[];
  packages: { count: number; kind: string };
  grossMassKg: string;
  description: string;
}

/** A manifest's lines in order, with their containers (through the caller's transaction when it has one). */
export async function linesOf(trx: Db, manifestId: string): Promise<StoredLine[]> {
  const rows = await trx.selectFrom('port_manifest_lines').selectAll().where('manifest_id', '=', manifestId).orderBy('line_number').execute();
  const containers = rows.length ? await trx.selectFrom('port_manifest_containers').select(['line_id', 'container']).where('line_id', 'in', rows.map((r) => r.id)).orderBy('container').execute() : [];
  return rows.map((row) => ({
    id: row.id,
    lineNumber: row.line_number,
    billOfLading: row.bill_of_lading,
    consignee: { name: row.consignee_name, taxId: row.consignee_tax_id },
    containers: containers.filter((c) => c.line_id === row.id).map((c) => c.container),
    packages: { count: row.packages_count, kind: row.packages_kind },
    grossMassKg: String(Number(row.gross_mass_kg)),
    description: row.description,
  }));
}
