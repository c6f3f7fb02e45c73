import { describe, expect, it } from 'vitest';
import { agencyScope, assertAllowed, authorise, type Principal } from './policy.ts';
import type { RoleGrant } from './roles.ts';

const COMMERCE = '11111111-1111-4111-8111-111111111111';
const CUSTOMS = '22222222-2222-4222-8222-222222222222';

const someone = (grants: RoleGrant[], mfaPending = false): Principal => ({ kind: 'user', id: 'u', label: 'u', grants, companyId: null, mfaPending });

describe('authorisation policy', () => {
  it('lets an auditor read the audit trail and refuses an officer', () => {
    expect(authorise(someone([{ role: 'auditor', agencyId: null }]), 'audit.read')).toMatchObject({ allowed: true });
    expect(authorise(someone([{ role: 'officer', agencyId: COMMERCE }]), 'audit.read')).toEqual({ allowed: false, reason: 'role' });
  });

  it('confines an agency administrator to the users of their own agency', () => {
    const admin = someone([{ role: 'agency_admin', agencyId: COMMERCE }]);
    expect(authorise(admin, 'users.manage')).toMatchObject({ allowed: true });
    expect(authorise(admin, 'users.manage', { agencyId: COMMERCE })).toMatchObject({ allowed: true });
    expect(authorise(admin, 'users.manage', { agencyId: CUSTOMS })).toEqual({ allowed: false, reason: 'agency' });
    expect(authorise(admin, 'users.manage', { agencyId: null })).toEqual({ allowed: false, reason: 'agency' });
    expect(agencyScope(admin, 'users.manage')).toEqual([COMMERCE]);
  });

  it('lets a platform administrator act on every agency and on national roles', () => {
    const admin = someone([{ role: 'platform_admin', agencyId: null }]);
    expect(authorise(admin, 'users.manage', { agencyId: CUSTOMS })).toMatchObject({ allowed: true });
    expect(authorise(admin, 'users.manage', { agencyId: null })).toMatchObject({ allowed: true });
    expect(agencyScope(admin, 'users.manage')).toBeNull();
  });

  it('counts each grant on its own: officer of one agency and admin of another is not admin of both', () => {
    const mixed = someone([
      { role: 'officer', agencyId: CUSTOMS },
      { role: 'agency_admin', agencyId: COMMERCE },
    ]);
    expect(authorise(mixed, 'users.manage', { agencyId: CUSTOMS })).toEqual({ allowed: false, reason: 'agency' });
  });

  it('lets any signed-in account manage itself, applicants included', () => {
    expect(authorise(someone([{ role: 'applicant', agencyId: null }]), 'session.self')).toMatchObject({ allowed: true });
  });

  it('gives machine clients no personal account to manage', () => {
    const machine: Principal = { ...someone([{ role: 'auditor', agencyId: null }]), kind: 'api_client' };
    expect(authorise(machine, 'session.self')).toEqual({ allowed: false, reason: 'role' });
    expect(authorise(machine, 'audit.read')).toMatchObject({ allowed: true });
  });

  it('holds staff who must still enrol a second factor to their own account', () => {
    const pending = someone([{ role: 'platform_admin', agencyId: null }], true);
    expect(authorise(pending, 'session.self')).toMatchObject({ allowed: true });
    expect(authorise(pending, 'users.manage')).toEqual({ allowed: false, reason: 'mfa' });
  });

  it('throws 403 errors with the code the API returns', () => {
    const officer = someone([{ role: 'officer', agencyId: COMMERCE }]);
    expect(() => assertAllowed(officer, 'operations.manage')).toThrow(expect.objectContaining({ status: 403, code: 'forbidden' }));
    const admin = someone([{ role: 'agency_admin', agencyId: COMMERCE }]);
    expect(() => assertAllowed(admin, 'api_clients.manage', { agencyId: CUSTOMS })).toThrow(expect.objectContaining({ status: 403, code: 'forbidden_agency' }));
  });
});
