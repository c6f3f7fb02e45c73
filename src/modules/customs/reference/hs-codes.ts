/** The digits of a code as written with dots or spaces: `1006.30.00.00` → `1006300000`. */
export const codeDigits = (code: string) => code.replace(/[.\s]/g, '');

/** A national tariff line's ten digits, or null when `code` is not ten digits once dots and spaces are removed. */
export function nationalLineDigits(code: string): string | null {
  const digits = codeDigits(code);
  return /^[0-9]{10}$/.test(digits) ? digits : null;
}

/**
 * A code as customs writes it: chapter `10`, heading `10.06`, subheading `1006.30`, national line
 * `1006.30.00.00` (the national tariff keys its lines in this form).
 */
export function displayCode(digits: string): string {
  switch (digits.length) {
    case 4:
      return `${digits.slice(0, 2)}.${digits.slice(2)}`;
    case 6:
      return `${digits.slice(0, 4)}.${digits.slice(4)}`;
    case 10:
      return `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6, 8)}.${digits.slice(8)}`;
    default:
      return digits;
  }
}
