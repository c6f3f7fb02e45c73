import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import { LOCALES, translate } from '../../../platform/i18n/i18n.ts';
import { readRiskProfiles } from './read-profiles.ts';
import { profile } from './test-fixtures.ts';

const rice = () => profile({ id: 'rice', criteria: [{ kind: 'hs_prefix', prefixes: ['1006'] }] });

/** The refusal's fields, each message readable in every language. */
function refusal(json: unknown): { path: string; code: string }[] {
  try {
    readRiskProfiles(json);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error).toMatchObject({ status: 422, code: 'risk_profile_invalid' });
    const fields = (error.details as { fields: { path: string; code: string; messageKey: string; params: Record<string, unknown> }[] }).fields;
    expect(error.params.path).toBe(fields[0]?.path);
    for (const locale of LOCALES) {
      expect(translate(locale, 'errors.risk_profile_invalid', error.params)).not.toMatch(/errors\.|\{\{/);
      for (const field of fields) expect(translate(locale, field.messageKey, field.params)).not.toMatch(/errors\.|validation\.|\{\{/);
    }
    return fields.map(({ path, code }) => ({ path, code }));
  }
  throw new Error('expected a refusal');
}

describe('reading risk profiles', () => {
  it('accepts well-formed profiles as they are', () => {
    const profiles = [rice(), profile({ id: 'random', score: 0, channel: 'yellow', criteria: [{ kind: 'random', rate: 0.05 }], validTo: '2026-12-31' })];
    expect(readRiskProfiles(JSON.parse(JSON.stringify(profiles)))).toEqual(profiles);
  });

  it('points at the field of a criterion that is wrong for its kind', () => {
    const bad = { ...rice(), criteria: [{ kind: 'hs_prefix', prefixes: ['10.06'] }, { kind: 'undervaluation', ratio: 1.5 }] };
    expect(refusal([rice(), bad])).toEqual([
      { path: 'profiles[1].criteria[0].prefixes[0]', code: 'pattern' },
      { path: 'profiles[1].criteria[1].ratio', code: 'maximum' },
    ]);
  });

  it('names the kinds there are when a criterion has an unknown kind, and asks for a missing one', () => {
    expect(refusal([{ ...rice(), criteria: [{ kind: 'hs_code', prefixes: ['1006'] }, { prefixes: ['1006'] }] }])).toEqual([
      { path: 'profiles[0].criteria[0].kind', code: 'risk_criterion_unknown_kind' },
      { path: 'profiles[0].criteria[1].kind', code: 'required' },
    ]);
  });

  it('refuses missing and unknown fields, a bad date, a channel that is not one, and a non-array', () => {
    const { names: _names, ...unnamed } = rice();
    expect(refusal([unnamed])).toEqual([{ path: 'profiles[0].names', code: 'required' }]);
    expect(refusal([{ ...rice(), weight: 3 }])).toEqual([{ path: 'profiles[0].weight', code: 'additionalProperties' }]);
    expect(refusal([{ ...rice(), validFrom: '2026-13-01' }])).toEqual([{ path: 'profiles[0].validFrom', code: 'format' }]);
    expect(refusal([{ ...rice(), channel: 'green' }])).toEqual([{ path: 'profiles[0].channel', code: 'enum' }]);
    expect(refusal([{ ...rice(), criteria: [{ kind: 'origin_route', routes: [{ origins: ['TH'], dispatchFrom: ['TH'], modes: ['ship'] }] }] }])).toEqual([
      { path: 'profiles[0].criteria[0].routes[0].modes[0]', code: 'enum' },
    ]);
    expect(refusal({ profiles: [] })).toEqual([{ path: 'profiles', code: 'type' }]);
  });

  it('refuses a duplicate id, a validity that ends before it starts, and a profile that would change nothing', () => {
    expect(refusal([rice(), rice()])).toEqual([{ path: 'profiles[1].id', code: 'risk_profile_duplicate_id' }]);
    expect(refusal([{ ...rice(), validFrom: '2026-06-01', validTo: '2026-05-31' }])).toEqual([{ path: 'profiles[0].validTo', code: 'risk_profile_validity' }]);
    expect(refusal([{ ...rice(), score: 0 }])).toEqual([{ path: 'profiles[0].score', code: 'risk_profile_no_effect' }]);
  });
});
