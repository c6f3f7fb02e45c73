/**
 * Mask selection for a QR symbol (ISO/IEC 18004:2015 §7.8): of the eight data masks, the one whose
 * symbol scores the lowest penalty. The qrcode package does the same, but through per-module
 * method calls that made it the largest single cost of issuing a document; this scores the eight
 * candidates on flat arrays, with the same rules and the same tie-break (the first lowest), so the
 * symbol is the one qrcode would draw.
 */

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** §7.9.1 Table 12: the error correction level's two bits in the format information. */
const LEVEL_BITS: Record<ErrorCorrection, number> = { L: 1, M: 0, Q: 3, H: 2 };
/** §7.9.1: the (15, 5) BCH generator polynomial and the mask that keeps format bits from being all zero. */
const FORMAT_GENERATOR = 0x537;
const FORMAT_MASK = 0x5412;

/** §7.8.2 Table 10: where each data mask inverts a module (row i, column j). */
const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/** The 15 format information bits for a level and a mask (§7.9.1). */
export function formatBits(level: ErrorCorrection, mask: number): number {
  const data = (LEVEL_BITS[level] << 3) | mask;
  let remainder = data << 10;
  for (let bit = 14; bit >= 10; bit--) if (remainder & (1 << bit)) remainder ^= FORMAT_GENERATOR << (bit - 10);
  return ((data << 10) | remainder) ^ FORMAT_MASK;
}

/** Writes both copies of the format information (§7.9.1, Figure 25) and the dark module. */
function writeFormat(modules: Uint8Array, size: number, bits: number): void {
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    modules[row * size + 8] = bit;
    const column = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
    modules[8 * size + column] = bit;
  }
  modules[(size - 8) * size + 8] = 1;
}

/** §7.8.3.1 Table 11: N1 = 3, N2 = 3, N3 = 40, N4 = 10. */
function penalty(m: Uint8Array, size: number): number {
  let points = 0;
  let dark = 0;
  for (let a = 0; a < size; a++) {
    let rowRun = 0;
    let columnRun = 0;
    let rowBits = 0;
    let columnBits = 0;
    for (let b = 0; b < size; b++) {
      const inRow = m[a * size + b] ?? 0;
      const inColumn = m[b * size + a] ?? 0;
      dark += inRow;
      // N1: five or more modules of one colour in a row or a column.
      if (b > 0 && inRow === m[a * size + b - 1]) rowRun++;
      else {
        if (rowRun >= 5) points += rowRun - 2;
        rowRun = 1;
      }
      if (b > 0 && inColumn === m[(b - 1) * size + a]) columnRun++;
      else {
        if (columnRun >= 5) points += columnRun - 2;
        columnRun = 1;
      }
      // N3: 1:1:3:1:1 finder-like pattern with four light modules on one side.
      rowBits = ((rowBits << 1) & 0x7ff) | inRow;
      columnBits = ((columnBits << 1) & 0x7ff) | inColumn;
      if (b >= 10) {
        if (rowBits === 0x5d0 || rowBits === 0x05d) points += 40;
        if (columnBits === 0x5d0 || columnBits === 0x05d) points += 40;
      }
      // N2: 2×2 blocks of one colour.
      if (a < size - 1 && b < size - 1) {
        const block = inRow + (m[a * size + b + 1] ?? 0) + (m[(a + 1) * size + b] ?? 0) + (m[(a + 1) * size + b + 1] ?? 0);
        if (block === 0 || block === 4) points += 3;
      }
    }
    if (rowRun >= 5) points += rowRun - 2;
    if (columnRun >= 5) points += columnRun - 2;
  }
  // N4: 10 points per 5 % of dark modules away from half.
  return points + Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10) * 10;
}

/**
 * The best-masked symbol, from a symbol built with mask `usedMask`: function patterns (`reserved`)
 * stay, data modules are unmasked and masked again, format information is rewritten per mask.
 */
export function bestMasked(modules: Uint8Array, reserved: Uint8Array, size: number, usedMask: number, level: ErrorCorrection): { mask: number; modules: Uint8Array } {
  const undo = MASKS[usedMask];
  if (!undo) throw new RangeError(`no mask ${usedMask}`);
  const candidate = new Uint8Array(modules.length);
  let best = { mask: usedMask, score: Infinity, modules };
  MASKS.forEach((apply, mask) => {
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        const k = i * size + j;
        const bit = modules[k] ?? 0;
        candidate[k] = reserved[k] ? bit : bit ^ (undo(i, j) ? 1 : 0) ^ (apply(i, j) ? 1 : 0);
      }
    }
    writeFormat(candidate, size, formatBits(level, mask));
    const score = penalty(candidate, size);
    if (score < best.score) best = { mask, score, modules: candidate.slice() };
  });
  return { mask: best.mask, modules: best.modules };
}
