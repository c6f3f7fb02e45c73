import { describe, expect, it } from 'vitest';
import { visualRuns } from './bidi-runs.ts';

describe('visual runs of a line (UAX #9)', () => {
  it('keeps a Latin line as one run', () => {
    expect(visualRuns('Kandara Riz Import SARL', 'ltr')).toEqual([{ script: 'latin', glyphs: 'Kandara Riz Import SARL', text: 'Kandara Riz Import SARL' }]);
  });

  it('gives an Arabic run in logical order, which the shaper reverses itself', () => {
    expect(visualRuns('وزارة التجارة', 'rtl')).toEqual([{ script: 'arabic', glyphs: 'وزارة التجارة', text: 'وزارة التجارة' }]);
  });

  it('orders a date inside Arabic text: year on the left, day on the right', () => {
    const runs = visualRuns('صدرت بتاريخ 15 مارس 2026', 'rtl');
    expect(runs.map((r) => r.text)).toEqual(['2026', ' مارس ', '15', 'صدرت بتاريخ ']);
    expect(runs.map((r) => r.script)).toEqual(['latin', 'arabic', 'latin', 'arabic']);
  });

  it('places an Arabic name after a French label, and mirrors brackets in right-to-left stretches', () => {
    expect(visualRuns('Titulaire : سمير (فرع)', 'ltr').map((r) => [r.script, r.glyphs])).toEqual([
      ['latin', 'Titulaire : '],
      ['arabic', 'سمير )فرع('],
    ]);
    expect(visualRuns('Titulaire : سمير (فرع)', 'ltr')[1]?.text).toBe('سمير (فرع)');
  });

  it('hands a neutral-only right-to-left stretch over already reversed and mirrored', () => {
    // "(KD-1)" inside Arabic: the brackets sit at the Arabic level around a Latin reference.
    const runs = visualRuns('شركة (KD-1)', 'rtl');
    expect(runs.map((r) => [r.script, r.glyphs])).toEqual([
      ['arabic', '('],
      ['latin', 'KD-1'],
      ['arabic', 'شركة )'],
    ]);
  });

  it('reverses Arabic-Indic digits before the shaper reverses them back', () => {
    expect(visualRuns('رقم ١٢٣', 'rtl').map((r) => r.glyphs)).toEqual(['٣٢١', 'رقم ']);
  });

  it('drops bidi formatting characters', () => {
    expect(visualRuns('\u200f15 مارس\u200f', 'rtl').map((r) => r.text).join('')).not.toMatch(/\u200f/);
  });
});
