import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

// bidi-js is CommonJS whose module.exports is the factory, which its type declarations call a
// default export: required as what it is.
const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();

/** Characters drawn with Noto Sans Arabic even at a left-to-right level (Arabic-Indic digits, Arabic punctuation). */
const ARABIC_BLOCKS = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** fontkit lays out a run right-to-left, reversing it, when it holds a character of the Arabic script. */
const SHAPED_RIGHT_TO_LEFT = /\p{Script=Arabic}/u;
/** Characters of the right-to-left scripts and bidi controls: a line without any is laid out as it is. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\u200F\u202B\u202E\u2067\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Bidi formatting characters (UAX #9 §2): they steer the algorithm and are never drawn. */
const FORMATTING = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A stretch of a line drawn with one font, in the order it goes on the page (left to right). */
export interface TextRun {
  script: 'arabic' | 'latin';
  /** What the shaper is given for the visible glyphs: brackets of right-to-left stretches mirrored (UAX #9 L4). */
  glyphs: string;
  /** The same characters, unmirrored, in the same order: the hidden text layer extraction reads. */
  text: string;
}

/**
 * Splits one line into runs in visual order with the Unicode Bidirectional Algorithm (UAX #9, via
 * bidi-js): a French label with an Arabic name, an Arabic sentence with a date and a reference in
 * Latin letters. fontkit shapes Arabic and reverses a run it reads as Arabic script, but knows
 * nothing of mixed lines, so each run is given in the order that makes the glyphs come out right:
 * logical for a run fontkit reverses itself, visual for the others.
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl'): TextRun[] {
  if (line.length === 0) return [];
  // Most lines of a French or English document: nothing to reorder.
  if (direction === 'ltr' && !RIGHT_TO_LEFT.test(line)) return [{ script: 'latin', glyphs: line, text: line }];
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const runs: TextRun[] = [];
  let current: { script: TextRun['script']; rtl: boolean; chars: string[]; last: number } | undefined;
  for (const index of bidi.getReorderedIndices(line, embedding)) {
    const char = line[index] ?? '';
    if (FORMATTING.test(char)) continue;
    const rtl = ((embedding.levels[index] ?? 0) & 1) === 1;
    // Right-to-left stretches hold Arabic letters and the neutrals around them: Noto Sans Arabic has both.
    const script = rtl || ARABIC_BLOCKS.test(char) ? 'arabic' : 'latin';
    const follows = current && current.script === script && current.rtl === rtl && index === current.last + (rtl ? -1 : 1);
    if (current && follows) {
      current.chars.push(char);
      current.last = index;
    } else {
      if (current) runs.push(runOf(current.script, current.rtl, current.chars));
      current = { script, rtl, chars: [char], last: index };
    }
  }
  if (current) runs.push(runOf(current.script, current.rtl, current.chars));
  return runs;
}

function runOf(script: TextRun['script'], rtl: boolean, visual: string[]): TextRun {
  const mirrored = rtl ? visual.map((c) => bidi.getMirroredCharacter(c) ?? c) : visual;
  const reversedByShaper = script === 'arabic' && SHAPED_RIGHT_TO_LEFT.test(visual.join(''));
  const order = (chars: string[]) => (reversedByShaper ? [...chars].reverse() : chars).join('');
  return { script, glyphs: order(mirrored), text: order(visual) };
}
