import { type Decimal, formatDecimal, fromWhole, multiply, percentOf, roundHalfUp } from './decimal.ts';
import type { AssessmentLine, ExplanationPart, LineCode } from './types.ts';

/** Names the exact product when rounding changed it, so the officer sees where a franc came from. */
function rounding(exact: Decimal, amount: bigint): ExplanationPart[] {
  const written = formatDecimal(exact);
  return written === amount.toString() ? [] : [{ key: 'customs.assessment.rounded', params: { exact: written, amount: Number(amount) } }];
}

/** `percent` % of a whole-franc base, rounded half up to the franc. */
export function adValoremLine(code: LineCode, key: string, base: bigint, percent: Decimal, extra: ExplanationPart[] = []): AssessmentLine {
  const exact = percentOf(fromWhole(base), percent);
  const amount = roundHalfUp(exact);
  const rate = formatDecimal(percent);
  return {
    code,
    basis: { kind: 'ad_valorem', base: Number(base), percent: rate },
    amount: Number(amount),
    explanation: [{ key, params: { percent: rate, base: Number(base), amount: Number(amount) } }, ...extra, ...rounding(exact, amount)],
  };
}

/** An amount per unit of quantity (excise on litres, packets…), rounded half up to the franc. */
export function specificLine(code: LineCode, quantity: Decimal, unit: string, amountPerUnit: Decimal): AssessmentLine {
  const exact = multiply(quantity, amountPerUnit);
  const amount = roundHalfUp(exact);
  const [q, perUnit] = [formatDecimal(quantity), formatDecimal(amountPerUnit)];
  return {
    code,
    basis: { kind: 'specific', quantity: q, unit, amountPerUnit: perUnit },
    amount: Number(amount),
    explanation: [{ key: 'customs.assessment.excise_specific', params: { quantity: q, unit, amountPerUnit: perUnit, amount: Number(amount) } }, ...rounding(exact, amount)],
  };
}

/** The duty line of goods let in duty-free: the band is shown, the amount is nil, the rule is named. */
export function exemptDutyLine(base: bigint, band: number, origin: string): AssessmentLine {
  return {
    code: 'duty',
    basis: { kind: 'ad_valorem', base: Number(base), percent: String(band) },
    amount: 0,
    exemption: 'community_preference',
    explanation: [{ key: 'customs.assessment.duty_exempt', params: { percent: String(band), base: Number(base), origin } }],
  };
}
