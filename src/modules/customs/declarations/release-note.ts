import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Channel } from './schema.ts';
import { findDeclaration } from './store.ts';
import type { DeclarationInput, Regime } from './types.ts';

/**
 * What a release note states (the documents module prints and signs it): which declaration,
 * who declared and imports, which goods, what was paid and when the goods were released.
 */
export interface ReleaseNote {
  declarationId: string;
  reference: string;
  localReference: string;
  officeCode: string;
  regime: Regime;
  channel: Channel | null;
  declarant: { taxId: string; name: string };
  /** The importer, or the exporter of an export: who holds the note. */
  holder: { taxId: string; name: string };
  items: { hsCode: string; description: string; quantity: string; unit: string; netMassKg: string }[];
  totalPaid: number;
  currency: string;
  /** The payment receipt's number, when duties were due. */
  receiptNumber: string | null;
  releasedAt: string;
  /** The users of the declarant's company who lodged it, for the note's language. */
  createdBy: string | null;
}

/** The release note of a released declaration; 404 before its release. */
export async function releaseNoteOf(db: Db, declarationId: string): Promise<ReleaseNote> {
  const row = await findDeclaration(db, { id: declarationId });
  if (!row || row.state !== 'released' || !row.released_at) throw notFound('released declaration', declarationId);
  const input = row.payload as DeclarationInput;
  const holder = (input.regime === 'export' ? input.exporter : input.importer) ?? input.declarant;
  return {
    declarationId: row.id,
    reference: row.reference,
    localReference: row.local_reference,
    officeCode: row.office_code,
    regime: row.regime,
    channel: row.channel,
    declarant: { taxId: input.declarant.taxId, name: input.declarant.name },
    holder: { taxId: holder.taxId, name: holder.name },
    items: input.items.map((i) => ({ hsCode: i.hsCode, description: i.description, quantity: i.quantity.amount, unit: i.quantity.unit, netMassKg: i.netMassKg })),
    totalPaid: Number(row.total_due ?? 0),
    currency: row.currency,
    receiptNumber: (row.payment as { receiptNumber?: string } | null)?.receiptNumber ?? null,
    releasedAt: row.released_at.toISOString(),
    createdBy: row.created_by,
  };
}
