import { describe, expect, it } from 'vitest';
import type { RoleAssignment, SessionUser } from '../api/types';
import { archiveAbilities, consoleTabs, identifiersIn, managesAgency } from './console';

const userWith = (...roles: RoleAssignment[]): SessionUser => ({ id: 'u1', email: 'someone@demo.guichet.test', displayName: 'Someone', locale: 'fr', roles, company: null, totpEnabled: false });
const archives = { agencyId: 'a-archives', agencyCode: 'ARCHIVES' };
const commerce = { agencyId: 'a-commerce', agencyCode: 'COMMERCE' };

describe('the archive console by role', () => {
  it('gives an archivist every tab but the authority’s decision, and an agency administrator only the disposition', () => {
    const archivist = userWith({ role: 'archivist', ...archives });
    expect(consoleTabs(archivist)).toEqual(['packages', 'holds', 'disposition', 'accessRequests', 'fixity', 'ingest']);
    expect(archiveAbilities(archivist).approve).toBe(false);
    const authority = userWith({ role: 'agency_admin', ...commerce });
    expect(consoleTabs(authority)).toEqual(['disposition']);
    expect(archiveAbilities(authority)).toMatchObject({ read: false, approve: true });
  });

  it('lets a platform administrator read packages and fixity and decide disposals, not hold or open records', () => {
    const admin = userWith({ role: 'platform_admin', agencyId: null, agencyCode: null });
    expect(consoleTabs(admin)).toEqual(['packages', 'disposition', 'fixity']);
    expect(managesAgency(admin, 'COMMERCE')).toBe(false);
  });

  it('lets only the producing agency’s archivist (or a national one) set access levels', () => {
    expect(managesAgency(userWith({ role: 'archivist', ...commerce }), 'COMMERCE')).toBe(true);
    expect(managesAgency(userWith({ role: 'archivist', ...archives }), 'COMMERCE')).toBe(false);
    expect(managesAgency(userWith({ role: 'archivist', agencyId: null, agencyCode: null }), 'CUSTOMS')).toBe(true);
  });

  it('reads package identifiers typed in a list, each once', () => {
    expect(identifiersIn(' kd-arc-2026-000001, KD-ARC-2026-000002\nKD-ARC-2026-000001 ;')).toEqual(['KD-ARC-2026-000001', 'KD-ARC-2026-000002']);
    expect(identifiersIn('  ')).toEqual([]);
  });
});
