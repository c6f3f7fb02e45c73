/** ISO 6346 letter values: A=10 … Z=38, skipping the multiples of 11. */
const LETTER_VALUES = new Map<string, number>();
for (let code = 65, value = 10; code <= 90; code += 1, value += 1) {
  if (value % 11 === 0) value += 1;
  LETTER_VALUES.set(String.fromCharCode(code), value);
}

/** A container number with its check digit right (`MSCU1234565`): a mistyped number would match no manifest. */
export function isIso6346(id: string): boolean {
  if (!/^[A-Z]{3}[UJZ][0-9]{7}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const char = id.charAt(i);
    const value = i < 4 ? (LETTER_VALUES.get(char) ?? 0) : Number(char);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10 === Number(id.charAt(10));
}
