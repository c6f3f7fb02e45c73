import { useFormats } from '../i18n/formats';

/**
 * The catalogue's amounts are in the country's currency, which its API does not name yet
 * (src/demo/country.ts: XOF); an application's fee names its own.
 */
export const catalogueCurrency = 'XOF';

/**
 * "25 000 XOF": the amount in the reader's digits, the currency by its ISO 4217 code, which reads
 * the same in every language (and is what receipts print).
 */
export function useMoney(): (amount: number, currency?: string) => string {
  const formats = useFormats();
  return (amount, currency = catalogueCurrency) => `${formats.number(amount)}\u00a0${currency}`;
}
