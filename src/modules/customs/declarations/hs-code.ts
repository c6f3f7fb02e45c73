/** `1006.30.00.00`, `1006 30 00 00` and `1006300000` name the same national line; the tariff keys it with dots. */
export function nationalLineOf(hsCode: string): string {
  const digits = hsCode.replace(/[.\s]/g, '');
  if (!/^[0-9]{10}$/.test(digits)) return hsCode;
  return `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6, 8)}.${digits.slice(8, 10)}`;
}
