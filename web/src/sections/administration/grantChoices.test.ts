import { describe, expect, it } from 'vitest';
import type { Agency, RoleAssignment, SessionUser } from '../../api/types';
import { draftGrant, grantChoices, roleNeedsAgency, toGrant } from './grantChoices';

function agency(code: string): Agency {
  return { id: `id-${code}`, code, names: { fr: code, ar: code, en: code } };
}

const agencies = [agency('COMMERCE'), agency('CUSTOMS'), agency('HEALTH')];

function userWith(...roles: RoleAssignment[]): SessionUser {
  return { id: 'u1', email: 'a@demo.guichet.test', displayName: 'A', locale: 'fr', roles, company: null, totpEnabled: false };
}

describe('what an administrator may grant', () => {
  it('lets the Commerce administrator grant agency roles in Commerce only', () => {
    const admin = userWith({ role: 'agency_admin', agencyId: 'id-COMMERCE', agencyCode: 'COMMERCE' });
    const choices = grantChoices(admin, agencies);
    expect(choices.roles).toEqual(['officer', 'agency_admin', 'archivist', 'cashier', 'accountant']);
    expect(choices.agencies.map((a) => a.code)).toEqual(['COMMERCE']);
    expect(draftGrant(choices)).toEqual({ role: 'officer', agencyId: 'id-COMMERCE' });
  });

  it('lets a platform administrator grant national roles and any agency', () => {
    const admin = userWith({ role: 'platform_admin', agencyId: null, agencyCode: null });
    const choices = grantChoices(admin, agencies);
    expect(choices.roles).toContain('auditor');
    expect(choices.roles).toContain('platform_admin');
    expect(choices.roles).not.toContain('applicant');
    expect(choices.agencies).toHaveLength(3);
    expect(draftGrant(choices).agencyId).toBe('');
  });

  it('ignores roles that do not administer, such as an officer grant elsewhere', () => {
    const admin = userWith(
      { role: 'agency_admin', agencyId: 'id-COMMERCE', agencyCode: 'COMMERCE' },
      { role: 'officer', agencyId: 'id-CUSTOMS', agencyCode: 'CUSTOMS' },
    );
    expect(grantChoices(admin, agencies).agencies.map((a) => a.code)).toEqual(['COMMERCE']);
  });

  it('sends an agency only with a role exercised inside one', () => {
    expect(roleNeedsAgency('cashier')).toBe(true);
    expect(roleNeedsAgency('auditor')).toBe(false);
    expect(toGrant({ role: 'auditor', agencyId: 'id-COMMERCE' })).toEqual({ role: 'auditor', agencyId: null });
    expect(toGrant({ role: 'officer', agencyId: 'id-COMMERCE' })).toEqual({ role: 'officer', agencyId: 'id-COMMERCE' });
  });
});
