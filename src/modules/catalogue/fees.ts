import type { FeeRule, LocalisedText } from './definition.ts';

export interface FeeLine {
  label: LocalisedText;
  /** How the amount was reached, for the applicant's receipt: e.g. 20 × 500. */
  basis: { kind: 'fixed' } | { kind: 'per_unit'; units: number; unitAmount: number } | { kind: 'band'; value: number; upTo: number | null };
  amount: number;
}

/**
 * The fee of an application from its form data, one explained line per rule. Amounts are whole
 * units of the country's currency; per-unit fees are rounded up to the next unit of currency so a
 * fractional quantity never pays less than its share.
 */
export function computeFees(rules: readonly FeeRule[], form: Record<string, unknown>): { lines: FeeLine[]; total: number } {
  const lines = rules.map((rule): FeeLine => {
    if (rule.kind === 'fixed') return { label: rule.label, basis: { kind: 'fixed' }, amount: rule.amount };
    const value = Number(form[rule.field] ?? 0);
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`fee field ${rule.field} must be a number of 0 or more`);
    if (rule.kind === 'per_unit') {
      return { label: rule.label, basis: { kind: 'per_unit', units: value, unitAmount: rule.unitAmount }, amount: Math.ceil(value * rule.unitAmount) };
    }
    const band = rule.bands.find((b) => b.upTo === null || value <= b.upTo) ?? rule.bands[rule.bands.length - 1];
    if (!band) throw new RangeError('a band fee needs at least one band');
    return { label: rule.label, basis: { kind: 'band', value, upTo: band.upTo }, amount: band.amount };
  });
  return { lines, total: lines.reduce((sum, line) => sum + line.amount, 0) };
}
