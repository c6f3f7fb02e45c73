import { describe, expect, it } from 'vitest';
import type { RoleAssignment, SessionUser } from '../api/types';
import { canOpen, openSections } from '../session/access';

function userWith(company: SessionUser['company'], ...roles: RoleAssignment[]): SessionUser {
  return { id: 'u1', email: 'someone@demo.guichet.test', displayName: 'Someone', locale: 'fr', roles, company, totpEnabled: false };
}

const customs = { agencyId: 'a-customs', agencyCode: 'CUSTOMS' };
const commerce = { agencyId: 'a-commerce', agencyCode: 'COMMERCE' };
const national = { agencyId: null, agencyCode: null };
const transitSahel = { taxId: 'KD-2015-000871', name: 'Transit Sahel SARL' };

describe('who sees the customs screens', () => {
  it('opens the queues to the officers and administrators of Customs, and to national grants', () => {
    expect(canOpen(userWith(null, { role: 'officer', ...customs }), 'customs')).toBe(true);
    expect(canOpen(userWith(null, { role: 'agency_admin', ...customs }), 'customs')).toBe(true);
    expect(canOpen(userWith(null, { role: 'officer', ...national }), 'customs')).toBe(true);
  });

  it('keeps them from other ministries’ officers, cashiers and applicants', () => {
    expect(canOpen(userWith(null, { role: 'officer', ...commerce }), 'customs')).toBe(false);
    expect(canOpen(userWith(null, { role: 'cashier', ...customs }), 'customs')).toBe(false);
    expect(canOpen(userWith(transitSahel, { role: 'applicant', ...national }), 'customs')).toBe(false);
  });

  it('opens the declarations to an account acting for a company, not to a citizen nor to staff', () => {
    const broker = userWith(transitSahel, { role: 'applicant', ...national });
    expect(openSections(broker).map((section) => section.id)).toEqual(['applicant', 'declarations']);
    expect(canOpen(userWith(null, { role: 'applicant', ...national }), 'declarations')).toBe(false);
    expect(canOpen(userWith(null, { role: 'officer', ...customs }), 'declarations')).toBe(false);
  });
});
