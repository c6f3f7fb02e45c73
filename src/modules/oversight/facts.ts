import type { Insertable } from 'kysely';
import type { Customs } from '../customs/index.ts';
import type { OversightDeclarationFactsTable } from './schema.ts';

export type DeclarationFact = Insertable<OversightDeclarationFactsTable>;
/** A declaration as the customs service hands it out. */
export type DeclarationDetail = Awaited<ReturnType<Customs['declarations']['get']>>;

/** The duties and taxes the read model keeps a column for (customs/assessment LineCode). */
export const TAX_CODES = ['duty', 'statistical_fee', 'community_levy', 'excise', 'vehicle_surcharge', 'vat'] as const;
export type TaxCode = (typeof TAX_CODES)[number];

const isTaxCode = (code: string): code is TaxCode => (TAX_CODES as readonly string[]).includes(code);
const dayOf = (iso: string) => iso.slice(0, 10);
const secondsBetween = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** Whole units of national currency per tax, zero for those not due. */
export function taxColumns(totals: readonly { code: string; amount: number }[]): Record<TaxCode, number> {
  const columns: Record<TaxCode, number> = { duty: 0, statistical_fee: 0, community_levy: 0, excise: 0, vehicle_surcharge: 0, vat: 0 };
  for (const { code, amount } of totals) if (isTaxCode(code)) columns[code] += amount;
  return columns;
}

/**
 * The fact row of a Guichet declaration as customs states it now; undefined for a draft (never
 * lodged, so not counted). Pure: the subscriber reads the declaration and writes this.
 * - the day counted is the declaration's own (declaredOn: the day of lodgement, whose tariff applies);
 * - revenue is collected on the day the declaration entered `paid` (its history);
 * - clearance time runs from lodgement to release, the WCO Time Release Study's overall measure.
 */
export function factOf(declaration: DeclarationDetail): DeclarationFact | undefined {
  if (declaration.lodgedAt === null) return undefined;
  const paid = declaration.history.find((entry) => entry.state === 'paid');
  const hits = new Set((declaration.risk?.hits ?? []).map((hit) => `${hit.profileId}:${hit.criterion}`));
  return {
    system: 'guichet',
    source_id: declaration.id,
    reference: declaration.reference,
    office_code: declaration.declaration.officeCode,
    regime: declaration.declaration.regime,
    channel: declaration.channel,
    state: declaration.state,
    lodged_on: declaration.declaredOn,
    lodged_at: new Date(declaration.lodgedAt),
    paid_on: paid ? dayOf(paid.at) : null,
    released_at: declaration.releasedAt === null ? null : new Date(declaration.releasedAt),
    clearance_seconds: declaration.releasedAt === null ? null : secondsBetween(declaration.lodgedAt, declaration.releasedAt),
    ...taxColumns(declaration.assessment?.totals ?? []),
    risk_hits: [...hits].sort(),
    inspection_outcome: (declaration.inspections.at(-1)?.outcome as DeclarationFact['inspection_outcome']) ?? null,
    // Every move adds a state to the history, an inspection or an amendment adds its own line.
    progress: declaration.history.length + declaration.inspections.length + declaration.versions.length,
  };
}

/**
 * A declaration of the legacy system as the legacy module states it for statistics (its
 * `LegacyDeclarationFact`): the legacy reference is unique there, so it is the row's key here.
 */
export interface LegacyDeclaration {
  reference: string;
  officeCode: string;
  regime: string;
  channel: 'green' | 'yellow' | 'red' | 'blue' | null;
  lodgedAt: Date;
  releasedAt: Date | null;
  /** Duties and taxes collected, decimals in national currency, by the assessment's codes. */
  taxes: Readonly<Record<string, string>>;
}

/**
 * The legacy system kept no payment day: goods leave only once paid, so its taxes are counted as
 * collected on the day of release (on the day of lodgement while not released).
 */
export function legacyFactOf(record: LegacyDeclaration): DeclarationFact {
  const { lodgedAt, releasedAt } = record;
  return {
    system: 'legacy',
    source_id: record.reference,
    reference: record.reference,
    office_code: record.officeCode,
    regime: record.regime,
    channel: record.channel,
    state: releasedAt ? 'released' : 'lodged',
    lodged_on: dayOf(lodgedAt.toISOString()),
    lodged_at: lodgedAt,
    paid_on: dayOf((releasedAt ?? lodgedAt).toISOString()),
    released_at: releasedAt,
    clearance_seconds: releasedAt === null ? null : secondsBetween(lodgedAt.toISOString(), releasedAt.toISOString()),
    ...taxColumns(Object.entries(record.taxes).map(([code, amount]) => ({ code, amount: Math.round(Number(amount)) }))),
    risk_hits: [],
    inspection_outcome: null,
    progress: 0,
  };
}
