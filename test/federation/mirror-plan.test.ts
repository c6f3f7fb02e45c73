import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InstanceConfiguration } from '../../src/modules/federation/configuration.ts';
import { mirrorPlan } from '../../src/modules/federation/mirror-plan.ts';
import { kidOf, publicJwkOf } from '../../src/platform/crypto/signing-keys-jwk.ts';

const names = { fr: 'Membre', ar: 'عضو', en: 'Member' };
const member = (identifier: string) => ({ identifier, kind: 'agency' as const, names, keys: [] });
const documentKey = (iss: string, kid?: string) => {
  const jwk = publicJwkOf(generateKeyPairSync('ed25519').publicKey);
  return { ...jwk, kid: kid ?? kidOf(jwk), alg: 'EdDSA' as const, use: 'sig' as const, iss, status: 'active' as const };
};

const configuration = (overrides: Partial<InstanceConfiguration>): InstanceConfiguration => ({
  instance: 'KB',
  issuedAt: new Date().toISOString(),
  baseUrl: 'https://elsewhere.example',
  members: [],
  services: [],
  documentKeys: [],
  ...overrides,
});

describe('what is taken from a partner’s configuration', () => {
  it("mirrors the partner's own members as outside systems answering at the address agreed", () => {
    const plan = mirrorPlan(configuration({ members: [member('KB/GOV/CUSTOMS'), member('KB/FSW/SINGLE-WINDOW')] }), { instance: 'KB', baseUrl: 'https://guichet.kb.example' });
    expect(plan.members.map((m) => [m.identifier, m.kind, m.endpoint])).toEqual([
      ['KB/GOV/CUSTOMS', 'external_system', 'https://guichet.kb.example'],
      ['KB/FSW/SINGLE-WINDOW', 'foreign_single_window', 'https://guichet.kb.example'],
    ]);
  });

  it('refuses members the partner does not speak for: this instance’s, a third country’s, malformed ones', () => {
    const plan = mirrorPlan(configuration({ members: [member('KD/GOV/CUSTOMS'), member('ML/GOV/CUSTOMS'), member('KB/GOV')] }), { instance: 'KB', baseUrl: 'https://guichet.kb.example' });
    expect(plan.members).toEqual([]);
    expect(plan.refused.map((r) => r.identifier)).toEqual(['KD/GOV/CUSTOMS', 'ML/GOV/CUSTOMS', 'KB/GOV']);
  });

  it('keeps document keys only when filed under their own thumbprint', () => {
    const good = documentKey('COMMERCE');
    const misfiled = documentKey('COMMERCE', good.kid.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    const plan = mirrorPlan(configuration({ documentKeys: [good, misfiled] }), { instance: 'KB', baseUrl: 'https://guichet.kb.example' });
    expect(plan.documentKeys).toEqual([{ kid: good.kid, agencyCode: 'COMMERCE', x: good.x, status: 'active' }]);
  });
});
