import { describe, expect, it } from 'vitest';
import type { RoleAssignment, SessionUser } from '../api/types';
import { assignmentsFor, canOpen, isStaff, openSections } from './access';

function userWith(...roles: RoleAssignment[]): SessionUser {
  return {
    id: 'u1',
    email: 'someone@demo.guichet.test',
    displayName: 'Someone',
    locale: 'fr',
    roles,
    company: null,
    totpEnabled: false,
  };
}

const commerce = { agencyId: 'a-commerce', agencyCode: 'COMMERCE' };
const national = { agencyId: null, agencyCode: null };

describe('who opens which section', () => {
  it('gives a citizen the applicant portal only', () => {
    const citizen = userWith({ role: 'applicant', ...national });
    expect(openSections(citizen).map((s) => s.id)).toEqual(['applicant']);
    expect(isStaff(citizen)).toBe(false);
  });

  it('gives a commerce officer the back office but not the portal nor administration', () => {
    const officer = userWith({ role: 'officer', ...commerce });
    expect(canOpen(officer, 'backOffice')).toBe(true);
    expect(canOpen(officer, 'applicant')).toBe(false);
    expect(canOpen(officer, 'administration')).toBe(false);
    expect(isStaff(officer)).toBe(true);
  });

  it('opens both back office and administration to an agency administrator, for their agency', () => {
    const admin = userWith({ role: 'agency_admin', ...commerce });
    expect(openSections(admin).map((s) => s.id)).toEqual(['backOffice', 'finance', 'administration', 'archive', 'oversight']);
    expect(assignmentsFor(admin, 'administration')).toEqual([{ role: 'agency_admin', ...commerce }]);
  });

  it('lets a cashier into the back office and an auditor into the exchange console, audit and the dashboards only', () => {
    expect(canOpen(userWith({ role: 'cashier', ...commerce }), 'backOffice')).toBe(true);
    const auditor = userWith({ role: 'auditor', ...national });
    expect(openSections(auditor).map((s) => s.id)).toEqual(['exchange', 'audit', 'oversight']);
  });

  it('opens the exchange console to the platform administrator, not to an agency administrator', () => {
    expect(canOpen(userWith({ role: 'platform_admin', ...national }), 'exchange')).toBe(true);
    expect(canOpen(userWith({ role: 'agency_admin', ...commerce }), 'exchange')).toBe(false);
  });

  it('gives an accountant the finance section only: reconciliation and the ledger, no files', () => {
    const accountant = userWith({ role: 'accountant', ...national });
    expect(openSections(accountant).map((s) => s.id)).toEqual(['finance']);
  });
});
