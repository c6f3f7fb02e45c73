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

/** Which modules each mask inverts, for a symbol size: the same for every symbol of that version. */
const masksBySize = new Map<number, Uint8Array[]>();
function maskModules(size: number): Uint8Array[] {
  let masks = masksBySize.get(size);
  if (!masks) {
    masks = MASKS.map((inverts) => {
      const modules = new Uint8Array(size * size);
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) modules[i * size + j] = inverts(i, j) ? 1 : 0;
      return modules;
    });
    masksBySize.set(size, masks);
  }
  return masks;
}

/**
 * §7.8.3.1 Table 11 in one pass over the symbol, row by row, each column's run and pattern window
 * carried in arrays: N1 (3 + excess) for five or more modules of one colour in a line, N2 (3) for
 * each 2×2 block of one colour, N3 (40) for the 1:1:3:1:1 finder-like pattern with four light
 * modules on one side, N4 (10 per 5 % of dark modules away from half).
 */
function penalty(m: Uint8Array, size: number, columns: { run: Int32Array; previous: Int32Array; bits: Int32Array }): number {
  const { run: columnRun, previous: columnPrevious, bits: columnBits } = columns;
  columnRun.fill(0);
  columnPrevious.fill(-1);
  columnBits.fill(0);
  let points = 0;
  let dark = 0;
  for (let i = 0, k = 0; i < size; i++) {
    let run = 0;
    let previous = -1;
    let bits = 0;
    for (let j = 0; j < size; j++, k++) {
      // Typed-array reads inside the symbol: defined by construction.
      const module = m[k]!;
      dark += module;
      if (module === previous) run++;
      else {
        if (run >= 5) points += run - 2;
        run = 1;
        previous = module;
      }
      bits = ((bits << 1) & 0x7ff) | module;
      if (j >= 10 && (bits === 0x5d0 || bits === 0x05d)) points += 40;
      if (module === columnPrevious[j]) columnRun[j]!++;
      else {
        if (columnRun[j]! >= 5) points += columnRun[j]! - 2;
        columnRun[j] = 1;
        columnPrevious[j] = module;
      }
      const column = ((columnBits[j]! << 1) & 0x7ff) | module;
      columnBits[j] = column;
      if (i >= 10 && (column === 0x5d0 || column === 0x05d)) points += 40;
      if (i > 0 && j > 0) {
        const block = module + m[k - 1]! + m[k - size]! + m[k - size - 1]!;
        if (block === 0 || block === 4) points += 3;
      }
    }
    if (run >= 5) points += run - 2;
  }
  for (let j = 0; j < size; j++) if (columnRun[j]! >= 5) points += columnRun[j]! - 2;
  return points + Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10) * 10;
}

/**
 * The best-masked symbol, from a symbol built with mask `usedMask`: function patterns (`reserved`)
 * stay, data modules are unmasked and masked again, format information is rewritten per mask.
 */
export function bestMasked(modules: Uint8Array, reserved: Uint8Array, size: number, usedMask: number, level: ErrorCorrection): { mask: number; modules: Uint8Array } {
  const masks = maskModules(size);
  const undo = masks[usedMask];
  if (!undo) throw new RangeError(`no mask ${usedMask}`);
  // The data modules as they were before any mask.
  const bare = new Uint8Array(modules.length);
  for (let k = 0; k < modules.length; k++) bare[k] = reserved[k] ? modules[k]! : modules[k]! ^ undo[k]!;
  const columns = { run: new Int32Array(size), previous: new Int32Array(size), bits: new Int32Array(size) };
  let best = { mask: usedMask, score: Infinity, modules };
  masks.forEach((inverts, mask) => {
    const candidate = new Uint8Array(bare.length);
    for (let k = 0; k < bare.length; k++) candidate[k] = reserved[k] ? bare[k]! : bare[k]! ^ inverts[k]!;
    writeFormat(candidate, size, formatBits(level, mask));
    const score = penalty(candidate, size, columns);
    if (score < best.score) best = { mask, score, modules: candidate };
  });
  return { mask: best.mask, modules: best.modules };
}
