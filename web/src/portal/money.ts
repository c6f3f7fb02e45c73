import { useFormats } from '../i18n/formats';

/**
 * "25 000 XOF": the amount in the reader's digits, the currency by its ISO 4217 code, which reads
 * the same in every language (and is what receipts print). The currency comes with the amount: a
 * catalogue summary names its own, an application's fee names its own. Without one (a page that
 * has not learnt it yet) the amount shows alone rather than in a guessed currency.
 */
export function useMoney(): (amount: number, currency?: string) => string {
  const formats = useFormats();
  return (amount, currency) => (currency ? `${formats.number(amount)}\u00a0${currency}` : formats.number(amount));
}
