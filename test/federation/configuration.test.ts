import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memberKid } from '../../src/modules/exchange/index.ts';
import { openConfiguration, signConfiguration, type InstanceConfiguration } from '../../src/modules/federation/configuration.ts';
import { publicJwkOf } from '../../src/platform/crypto/signing-keys-jwk.ts';

function anchorKey(instance: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicJwkOf(publicKey);
  return { trusted: { instance, kid: memberKid(jwk), jwk }, sign: (data: Buffer) => sign(null, data, privateKey) };
}

const issuedAt = new Date('2026-11-23T20:00:00Z');
const configurationOf = (instance: string, overrides: Partial<InstanceConfiguration> = {}): InstanceConfiguration => ({
  instance,
  issuedAt: issuedAt.toISOString(),
  baseUrl: 'https://guichet.kb.example',
  members: [{ identifier: `${instance}/GOV/CUSTOMS`, kind: 'agency', names: { fr: 'Douanes', ar: 'الجمارك', en: 'Customs' }, keys: [] }],
  services: [],
  documentKeys: [],
  ...overrides,
});

const kb = anchorKey('KB');
const signed = (configuration = configurationOf('KB'), key = kb) => signConfiguration(configuration, key.trusted.kid, key.sign);

describe("a partner's signed configuration", () => {
  it('opens when the trusted anchor signed exactly this content, for this instance, lately', () => {
    const opened = openConfiguration(signed(), kb.trusted, new Date(issuedAt.getTime() + 60_000));
    expect(opened).toEqual({ ok: true, configuration: configurationOf('KB') });
    // Canonical JSON: the same content written with its keys in another order verifies alike.
    const reversed = Object.fromEntries(Object.entries(configurationOf('KB')).reverse());
    const reordered = JSON.parse(JSON.stringify({ signature: signed().signature, kid: signed().kid, configuration: reversed }));
    expect(openConfiguration(reordered, kb.trusted, issuedAt).ok).toBe(true);
  });

  it('refuses a configuration changed on the way: a member added is a bad signature', () => {
    const tampered = signed();
    tampered.configuration.members.push({ identifier: 'KB/GOV/COMMERCE', kind: 'agency', names: { fr: 'C', ar: 'C', en: 'C' }, keys: [] });
    expect(openConfiguration(tampered, kb.trusted, issuedAt)).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it('refuses a configuration signed by another anchor, even one claiming the trusted kid', () => {
    const impostor = anchorKey('KB');
    expect(openConfiguration(signed(configurationOf('KB'), impostor), kb.trusted, issuedAt)).toMatchObject({ ok: false, problem: 'unknown_anchor' });
    const claiming = signConfiguration(configurationOf('KB'), kb.trusted.kid, impostor.sign);
    expect(openConfiguration(claiming, kb.trusted, issuedAt)).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it("refuses another instance's configuration, an old one replayed, and anything malformed", () => {
    expect(openConfiguration(signed(configurationOf('KC')), kb.trusted, issuedAt)).toMatchObject({ ok: false, problem: 'wrong_instance' });
    expect(openConfiguration(signed(), kb.trusted, new Date(issuedAt.getTime() + 301_000))).toMatchObject({ ok: false, problem: 'stale' });
    expect(openConfiguration({ configuration: { instance: 'KB' }, kid: kb.trusted.kid, signature: 'x' }, kb.trusted, issuedAt)).toMatchObject({ ok: false, problem: 'malformed' });
    expect(openConfiguration('<html>', kb.trusted, issuedAt)).toMatchObject({ ok: false, problem: 'malformed' });
  });
});
