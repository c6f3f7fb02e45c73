import { describe, expect, it } from 'vitest';
import type { RoleAssignment, SessionUser } from '../api/types';
import { administers, caseworkerAgencies, isCaseworker, worksFor } from './caseworker';

function userWith(...roles: RoleAssignment[]): SessionUser {
  return { id: 'u1', email: 'x@demo.guichet.test', displayName: 'X', locale: 'fr', roles, company: null, totpEnabled: false };
}

const at = (role: RoleAssignment['role'], agencyCode: string | null): RoleAssignment => ({
  role,
  agencyCode,
  agencyId: agencyCode ? `id-${agencyCode}` : null,
});

describe('whose files a staff member works on', () => {
  it('counts officers and agency administrators, not cashiers', () => {
    expect(isCaseworker(userWith(at('cashier', 'TREASURY')))).toBe(false);
    expect(isCaseworker(userWith(at('officer', 'COMMERCE')))).toBe(true);
  });

  it('lists the agencies of their grants once each, or all of them for a national grant', () => {
    const both = userWith(at('officer', 'COMMERCE'), at('agency_admin', 'COMMERCE'), at('officer', 'HEALTH'), at('cashier', 'TREASURY'));
    expect(caseworkerAgencies(both)).toEqual(['COMMERCE', 'HEALTH']);
    expect(worksFor(both, 'TREASURY')).toBe(false);
    expect(caseworkerAgencies(userWith(at('officer', null)))).toBeNull();
    expect(worksFor(userWith(at('officer', null)), 'CUSTOMS')).toBe(true);
  });

  it('lets only an administrator of the holding agency give back a colleague’s file', () => {
    expect(administers(userWith(at('agency_admin', 'COMMERCE')), 'COMMERCE')).toBe(true);
    expect(administers(userWith(at('officer', 'COMMERCE')), 'COMMERCE')).toBe(false);
    expect(administers(userWith(at('agency_admin', 'HEALTH')), 'COMMERCE')).toBe(false);
  });
});
