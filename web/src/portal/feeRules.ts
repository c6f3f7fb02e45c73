import type { Language } from '../api/types';
import type { FeeRule } from './definition';

/**
 * A fee rule as the service page explains it, before anyone has filled the form: a fixed amount,
 * an amount per unit of a form field, or bands of a form field's value.
 */
export type FeeExplanation =
  | { kind: 'fixed'; label: string; amount: number }
  | { kind: 'per_unit'; label: string; field: string; unitAmount: number }
  | { kind: 'band'; label: string; field: string; bands: { from: number | null; upTo: number | null; amount: number }[] };

/** The field's label when the form names it, else its path. */
function fieldLabel(labels: Record<string, Record<Language, string>>, field: string, language: Language): string {
  return labels[field]?.[language] ?? field;
}

export function explainFees(
  rules: readonly FeeRule[],
  labels: Record<string, Record<Language, string>>,
  language: Language,
): FeeExplanation[] {
  return rules.map((rule): FeeExplanation => {
    const label = rule.label[language];
    if (rule.kind === 'fixed') return { kind: 'fixed', label, amount: rule.amount };
    const field = fieldLabel(labels, rule.field, language);
    if (rule.kind === 'per_unit') return { kind: 'per_unit', label, field, unitAmount: rule.unitAmount };
    // Bands ascend: each starts above the previous one's upper bound (fees.ts picks the first band
    // whose upTo is at least the value).
    const bands = rule.bands.map((band, index) => ({
      from: index === 0 ? null : (rule.bands[index - 1]?.upTo ?? null),
      upTo: band.upTo,
      amount: band.amount,
    }));
    return { kind: 'band', label, field, bands };
  });
}

/** Only fixed fees: the total is known before filling the form. */
export function feeIsFixed(rules: readonly FeeRule[]): boolean {
  return rules.every((rule) => rule.kind === 'fixed');
}
