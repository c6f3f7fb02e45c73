import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIdentifier, memberOf, parseIdentifier, parseMemberId, parseSubsystemId } from './identifiers.ts';

describe('exchange identifiers', () => {
  it('parses a subsystem and formats it back', () => {
    const parsed = parseSubsystemId('KD/GOV/COMMERCE/licences');
    expect(parsed).toEqual({ ok: true, value: { instance: 'KD', memberClass: 'GOV', memberCode: 'COMMERCE', subsystemCode: 'licences' } });
    if (!parsed.ok) return;
    expect(formatIdentifier(parsed.value)).toBe('KD/GOV/COMMERCE/licences');
    expect(formatIdentifier(memberOf(parsed.value))).toBe('KD/GOV/COMMERCE');
  });

  it('parses a member', () => {
    expect(parseMemberId('KD/FSW/NG-SW')).toEqual({ ok: true, value: { instance: 'KD', memberClass: 'FSW', memberCode: 'NG-SW' } });
  });

  it.each([
    ['', 'empty'],
    ['KD/GOV', 'wrong_part_count'],
    ['KD/GOV/COMMERCE/licences/extra', 'wrong_part_count'],
    ['kd/GOV/COMMERCE', 'bad_instance'],
    ['KDX/GOV/COMMERCE', 'bad_instance'],
    ['KD/NGO/COMMERCE', 'unknown_class'],
    ['KD/GOV/commerce', 'bad_member_code'],
    ['KD/GOV/', 'bad_member_code'],
    ['KD/GOV/COMMERCE/Licences', 'bad_subsystem_code'],
    ['KD/GOV/COMMERCE/', 'bad_subsystem_code'],
    ['KD/GOV/COM MERCE', 'bad_member_code'],
  ])('refuses %j as %s, with a reason', (text, error) => {
    const parsed = parseIdentifier(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toBe(error);
    expect(parsed.reason.length).toBeGreaterThan(10);
  });

  it('tells a member from a subsystem where one is expected', () => {
    expect(parseSubsystemId('KD/GOV/COMMERCE')).toMatchObject({ ok: false, error: 'subsystem_required' });
    expect(parseMemberId('KD/GOV/COMMERCE/licences')).toMatchObject({ ok: false, error: 'subsystem_not_allowed' });
  });

  it('round-trips every well-formed identifier', () => {
    const code = (first: string, rest: string) =>
      fc.tuple(fc.constantFrom(...first), fc.string({ unit: fc.constantFrom(...rest), maxLength: 20 })).map(([a, b]) => a + b);
    const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const lower = 'abcdefghijklmnopqrstuvwxyz0123456789';
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 2, maxLength: 2 }),
        fc.constantFrom('GOV', 'COM', 'FSW', 'EXT'),
        code(upper, `${upper}-_`),
        fc.option(code(lower, `${lower}-_`), { nil: undefined }),
        (instance, memberClass, member, subsystem) => {
          const text = [instance, memberClass, member, ...(subsystem === undefined ? [] : [subsystem])].join('/');
          const parsed = parseIdentifier(text);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(formatIdentifier(parsed.value)).toBe(text);
        },
      ),
    );
  });
});
