import type { RiskRecord } from './types.ts';

export type InspectionOutcome = 'conform' | 'discrepancy' | 'seizure';

/**
 * How far one inspection moves the score, in per cent of the way: a discrepancy or a seizure moves
 * it towards 100 (a seizure much further), a conform inspection towards 0. Recent behaviour weighs
 * more than old: a seizure after years of clean inspections still counts (docs/customs/risk.md).
 */
export const FEEDBACK_PERCENT = { conform: 10, discrepancy: 25, seizure: 60 } as const;

/** A trader or broker customs has not seen yet: not trusted, not suspected. */
export const NEW_RISK_RECORD: RiskRecord = { declarations: 0, inspections: 0, discrepancies: 0, seizures: 0, score: 20 };

/**
 * The record after one inspection of a declaration of the party. The score is a whole number
 * from 0 to 100: after a conform inspection `floor(s × 90 / 100)`, after a discrepancy
 * `ceil(s + (100 − s) × 25 / 100)`, after a seizure `ceil(s + (100 − s) × 60 / 100)`. Rounding goes
 * the outcome's way, so a conform inspection never raises the score and a seizure never lowers it.
 */
export function riskAfterInspection(record: RiskRecord, outcome: InspectionOutcome): RiskRecord {
  const s = Math.min(100, Math.max(0, record.score));
  const score = outcome === 'conform' ? Math.floor((s * (100 - FEEDBACK_PERCENT.conform)) / 100) : Math.min(100, Math.ceil(s + ((100 - s) * FEEDBACK_PERCENT[outcome]) / 100));
  return {
    declarations: record.declarations,
    inspections: record.inspections + 1,
    discrepancies: record.discrepancies + (outcome === 'discrepancy' ? 1 : 0),
    seizures: record.seizures + (outcome === 'seizure' ? 1 : 0),
    score,
  };
}
