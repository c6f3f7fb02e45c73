import { fieldError } from '../../../platform/http/errors.ts';
import { type Decimal, formatDecimal, invalidAmount, multiply, readDecimal, roundHalfUp } from './decimal.ts';
import type { AssessmentContext, ExplanationPart } from './types.ts';

/** Beyond this a customs value is a typing error, and amounts would leave the safe-integer range. */
const LARGEST_VALUE = 10n ** 15n;

export interface NationalValue {
  rate: Decimal;
  national: bigint;
  explanation: ExplanationPart;
}

/**
 * The customs value in national currency: invoice amount × rate of the day, rounded half up to
 * the franc once, here, so every line of the item is computed on the same whole-franc value.
 */
export function toNationalValue(value: Decimal, currency: string, context: AssessmentContext, path: string): NationalValue {
  const rate = rateOfTheDay(currency, context, path);
  const exact = multiply(value, rate);
  const national = roundHalfUp(exact);
  if (national > LARGEST_VALUE) throw invalidAmount(`${path}.customsValue`, formatDecimal(value));
  const params = { value: formatDecimal(value), currency, rate: formatDecimal(rate), date: context.date, exact: formatDecimal(exact), national: Number(national), nationalCurrency: context.nationalCurrency };
  return { rate, national, explanation: { key: 'customs.assessment.conversion', params } };
}

function rateOfTheDay(currency: string, context: AssessmentContext, path: string): Decimal {
  if (currency === context.nationalCurrency) return { units: 1n, scale: 0 };
  const written = Object.hasOwn(context.exchangeRates, currency) ? context.exchangeRates[currency] : undefined;
  if (written === undefined) {
    throw fieldError(422, 'assessment_unknown_exchange_rate', `${path}.invoiceCurrency`, { currency, date: context.date });
  }
  const rate = readDecimal(written, `context.exchangeRates.${currency}`);
  // A nil rate would assess foreign goods at nothing: it is a gap in the rate table, not a price.
  if (rate.units === 0n) throw invalidAmount(`context.exchangeRates.${currency}`, written);
  return rate;
}
