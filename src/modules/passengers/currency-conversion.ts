import { multiply, readDecimal, roundHalfUp } from '../customs/index.ts';

/** An amount of cash in one currency, as the traveller declares it (a decimal written in figures). */
export interface CarriedAmount {
  currency: string;
  amount: string;
}

export interface ConvertedAmount extends CarriedAmount {
  /** National currency units for one unit of `currency`, as published for the day. */
  rate: string;
  /** amount × rate, rounded half up to the whole national unit (the franc has no subunit). */
  national: number;
}

export interface Conversion {
  lines: ConvertedAmount[];
  totalNational: number;
}

/**
 * Converts each amount at the customs rate of the day, each line rounded once, and adds the
 * rounded lines: the total is the sum a traveller can check against the printed lines.
 */
export function convertCarried(amounts: readonly CarriedAmount[], rates: Readonly<Record<string, string>>): Conversion {
  const lines = amounts.map((carried, index) => {
    const rate = rates[carried.currency];
    if (rate === undefined) throw new Error(`no rate for ${carried.currency}`);
    const national = roundHalfUp(multiply(readDecimal(carried.amount, `amounts[${index}].amount`), readDecimal(rate, `rates.${carried.currency}`)));
    return { ...carried, rate, national: Number(national) };
  });
  return { lines, totalNational: lines.reduce((sum, line) => sum + line.national, 0) };
}

/** A declaration is due from the threshold on: carrying exactly the threshold is declared. */
export const declarationRequired = (conversion: Conversion, threshold: number) => conversion.totalNational >= threshold;
