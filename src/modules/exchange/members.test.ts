import { describe, expect, it } from 'vitest';
import { kindProblem } from './members.ts';

describe("a member's kind", () => {
  it('must fit the class of its identifier', () => {
    expect(kindProblem('agency', 'GOV', 'COMMERCE')).toBeNull();
    expect(kindProblem('agency', 'COM', 'COMMERCE')).toMatchObject({ path: '/identifier' });
    expect(kindProblem('agency', 'GOV', null)).toMatchObject({ path: '/agencyCode' });
    expect(kindProblem('foreign_single_window', 'FSW', null)).toBeNull();
    expect(kindProblem('external_system', 'FSW', null)).toMatchObject({ path: '/kind' });
    expect(kindProblem('external_system', 'COM', null)).toBeNull();
  });
});
