import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** One issuing agency's use of one kind of permit over a period (the oversight dashboards' licence figure). */
export interface PermitUsage {
  agencyCode: string;
  type: string;
  /** UN/ECE Rec. 20 unit of the quantities below. */
  unit: string;
  /** Permits recorded in the period. */
  issued: number;
  /** Permits valid on some day of the period, not revoked before it. */
  active: number;
  /** Quantity the active permits allow in all. */
  authorised: number;
  /** Quantity drawn down by declarations released in the period, and how many declarations drew. */
  drawn: number;
  drawingDeclarations: number;
  /** Quantity held now by declarations not yet released. */
  heldNow: number;
}

export interface UsageFilter {
  /** YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** The issuing agencies counted; null for all of them. */
  agencyCodes: readonly string[] | null;
}

/**
 * Licence usage by issuing agency, kind and unit. Holds settle on the day customs releases or
 * rejects the declaration, so a draw-down is counted on its settlement day.
 */
export async function permitUsage(db: Db, filter: UsageFilter): Promise<PermitUsage[]> {
  if (filter.agencyCodes?.length === 0) return [];
  const end = sql`(${filter.to}::date + 1)`;
  const { rows } = await sql<PermitUsage>`
    select p.agency_code as "agencyCode", p.type, p.unit,
           (count(*) filter (where p.created_at >= ${filter.from}::date and p.created_at < ${end}))::int as issued,
           (count(*) filter (where p.valid_from <= ${filter.to} and p.valid_until >= ${filter.from} and (p.revoked_at is null or p.revoked_at >= ${filter.from}::date)))::int as active,
           coalesce(sum(p.quantity) filter (where p.valid_from <= ${filter.to} and p.valid_until >= ${filter.from} and (p.revoked_at is null or p.revoked_at >= ${filter.from}::date)), 0)::float8 as authorised,
           coalesce(sum(h.drawn), 0)::float8 as drawn,
           coalesce(sum(h.drawing), 0)::int as "drawingDeclarations",
           coalesce(sum(h.held), 0)::float8 as "heldNow"
      from permits p
      left join lateral (
        select sum(quantity) filter (where state = 'drawn' and settled_at >= ${filter.from}::date and settled_at < ${end}) as drawn,
               count(*) filter (where state = 'drawn' and settled_at >= ${filter.from}::date and settled_at < ${end}) as drawing,
               sum(quantity) filter (where state = 'held') as held
          from permit_holds where permit_id = p.id) h on true
     where ${filter.agencyCodes === null ? sql`true` : sql`p.agency_code in (${sql.join(filter.agencyCodes)})`}
     group by 1, 2, 3
     order by 1, 2, 3`.execute(db);
  return rows;
}
