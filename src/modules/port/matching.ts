import type { DeclarationForTransport } from '../customs/index.ts';
import { documentKey, type ManifestLine } from './manifest.ts';

export type { DeclarationForTransport };

/**
 * Declared gross mass may differ from the manifested one by this share before it is a
 * discrepancy: weighing at loading and declared item masses round differently (pallets, dunnage).
 */
export const GROSS_MASS_TOLERANCE = 0.05;

export type MatchedBy = 'transport_document' | 'containers_and_consignee';
export type DiscrepancyKind = 'undeclared' | 'quantity_short' | 'quantity_over';
export type GateOutRefusal = 'not_declared' | 'not_released';

export interface LineJudgement {
  matches: { declaration: DeclarationForTransport; by: MatchedBy }[];
  discrepancy: { kind: DiscrepancyKind; manifestedKg: number; declaredKg: number | null } | null;
  /** Whether the line's containers may leave the port, and why not. */
  gateOut: { allowed: true } | { allowed: false; reason: GateOutRefusal };
}

/**
 * Which declarations clear a manifest line, and what is wrong with it. A declaration citing the
 * line's bill of lading clears it; failing any, one for the same consignee (importer tax id)
 * sharing a container and citing no other bill. Several declarations may clear one line (a split
 * consignment): their gross masses add up. The containers may leave once every one is released.
 */
export function judgeLine(line: ManifestLine, candidates: readonly DeclarationForTransport[]): LineJudgement {
  const bill = documentKey(line.billOfLading);
  const byDocument = candidates.filter((d) => d.transportDocument !== null && documentKey(d.transportDocument) === bill);
  const containers = new Set(line.containers.map((c) => c.toUpperCase()));
  const byContainers = byDocument.length > 0 ? [] : candidates.filter((d) => d.transportDocument === null && d.importerTaxId === line.consignee.taxId && d.containers.some((c) => containers.has(c.toUpperCase())));
  const matches = [...byDocument.map((declaration) => ({ declaration, by: 'transport_document' as const })), ...byContainers.map((declaration) => ({ declaration, by: 'containers_and_consignee' as const }))];
  const manifestedKg = Number(line.grossMassKg);
  if (matches.length === 0) return { matches, discrepancy: { kind: 'undeclared', manifestedKg, declaredKg: null }, gateOut: { allowed: false, reason: 'not_declared' } };
  const declaredKg = Math.round(matches.reduce((sum, m) => sum + m.declaration.grossMassKg, 0) * 1000) / 1000;
  const gap = declaredKg - manifestedKg;
  const kind = Math.abs(gap) <= manifestedKg * GROSS_MASS_TOLERANCE ? null : gap < 0 ? 'quantity_short' : 'quantity_over';
  const allReleased = matches.every((m) => m.declaration.released);
  return { matches, discrepancy: kind && { kind, manifestedKg, declaredKg }, gateOut: allReleased ? { allowed: true } : { allowed: false, reason: 'not_released' } };
}
