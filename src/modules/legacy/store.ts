import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { fromUnits, toUnits } from './amounts.ts';
import type { LegacyDeclaration } from './record.ts';

/** What a stored declaration adds to the daily totals the dashboards read. */
interface Counted {
  lodged_at: Date;
  released_at: Date | null;
  office_code: string;
  regime: string;
  channel: string | null;
  taxes_total: string;
}

export interface DailyTotal {
  day: string;
  office_code: string;
  /** '' when the declaration had no channel (part of the primary key, so not null). */
  channel: string;
  regime: string;
  declarations: number;
  released: number;
  release_ms: number;
  taxes_total: string;
}

/** Daily totals by office, regime and channel of the declarations just stored (pure). */
export function dailyTotalsOf(stored: readonly Counted[]): DailyTotal[] {
  const totals = new Map<string, DailyTotal & { units: bigint }>();
  for (const row of stored) {
    const day = row.lodged_at.toISOString().slice(0, 10);
    const key = [day, row.office_code, row.regime, row.channel ?? ''].join('\u0000');
    const total = totals.get(key) ?? { day, office_code: row.office_code, regime: row.regime, channel: row.channel ?? '', declarations: 0, released: 0, release_ms: 0, taxes_total: '0', units: 0n };
    total.declarations += 1;
    if (row.released_at) {
      total.released += 1;
      total.release_ms += row.released_at.getTime() - row.lodged_at.getTime();
    }
    total.units += toUnits(String(row.taxes_total));
    totals.set(key, total);
  }
  // Sorted by key: two imports adding to the same days lock the rows in the same order (no deadlock).
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, { units, ...total }]) => ({ ...total, taxes_total: fromUnits(units) }));
}

/**
 * Stores a batch in one statement; a reference already there is left as it is. The declarations
 * really inserted are added to the daily totals in the same transaction, so the totals always
 * match the rows. Returns how many were new.
 */
export async function storeBatch(db: Db, runId: string, batch: readonly LegacyDeclaration[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('legacy_declarations')
      .values(
        batch.map((d) => ({
          source_format: d.sourceFormat,
          legacy_reference: d.reference,
          office_code: d.officeCode,
          regime: d.regime,
          lodged_at: d.lodgedAt,
          released_at: d.releasedAt,
          channel: d.channel,
          importer_tax_id: d.importerTaxId,
          declarant_tax_id: d.declarantTaxId,
          currency: d.currency,
          customs_value: d.customsValue,
          taxes: jsonb(d.taxes),
          taxes_total: d.taxesTotal,
          items: jsonb(d.items),
          import_run_id: runId,
        })),
      )
      .onConflict((conflict) => conflict.column('legacy_reference').doNothing())
      .returning(['lodged_at', 'released_at', 'office_code', 'regime', 'channel', 'taxes_total'])
      .execute();
    const totals = dailyTotalsOf(inserted);
    if (totals.length > 0) {
      await trx
        .insertInto('legacy_daily_totals')
        .values(totals)
        .onConflict((conflict) =>
          conflict.columns(['day', 'office_code', 'regime', 'channel']).doUpdateSet({
            declarations: sql`legacy_daily_totals.declarations + excluded.declarations`,
            released: sql`legacy_daily_totals.released + excluded.released`,
            release_ms: sql`legacy_daily_totals.release_ms + excluded.release_ms`,
            taxes_total: sql`legacy_daily_totals.taxes_total + excluded.taxes_total`,
          }),
        )
        .execute();
    }
    return inserted.length;
  });
}
