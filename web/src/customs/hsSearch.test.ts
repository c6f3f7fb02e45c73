import { describe, expect, it } from 'vitest';
import { hsQueryOf, hsSearchPath, isDeclarable, narrowingQuery } from './hsSearch';
import type { HsMatch } from './types';

const heading: HsMatch = { code: '25.23', level: 'heading', description: 'Ciments hydrauliques', descriptionLocale: 'fr', parent: '25' };
const line: HsMatch = { code: '2523.29.00.00', level: 'national_line', description: 'Portland cement', descriptionLocale: 'en', parent: '2523.29' };

describe('searching the tariff', () => {
  it('sends words or codes as typed, trimmed and within the route’s length', () => {
    expect(hsQueryOf('  ciment gris ')).toBe('ciment gris');
    expect(hsQueryOf('   ')).toBeNull();
    expect(hsQueryOf('x'.repeat(150))).toHaveLength(100);
    expect(new URL(hsSearchPath('riz blanchi'), 'http://guichet.test').searchParams.get('q')).toBe('riz blanchi');
  });

  it('declares only national lines, and narrows a heading by its code', () => {
    expect(isDeclarable(line)).toBe(true);
    expect(isDeclarable(heading)).toBe(false);
    expect(narrowingQuery(heading)).toBe('2523');
  });
});
