import { createPublicKey, verify } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Static } from 'typebox';
import { canonicalJson } from '../../platform/audit/chain.ts';
import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import { SignedConfiguration as SignedConfigurationSchema } from './http-schema.ts';

export type SignedConfiguration = Static<typeof SignedConfigurationSchema>;
export type InstanceConfiguration = SignedConfiguration['configuration'];

/**
 * How long a signed configuration is good for: it is signed afresh on every request, so an old one
 * replayed by someone on the path (to bring back a key since removed) is refused. Clocks of two
 * countries' servers may differ by this much, as the exchange's replay window allows (300 s).
 */
export const CONFIGURATION_MAX_AGE_SECONDS = 300;

/** The bytes the anchor signs: RFC 8785 canonical JSON, so both sides hash the same text whatever their JSON writer. */
const signedBytes = (configuration: InstanceConfiguration) => Buffer.from(canonicalJson(configuration), 'utf8');

export function signConfiguration(configuration: InstanceConfiguration, kid: string, sign: (data: Buffer) => Buffer): SignedConfiguration {
  return { configuration, kid, signature: sign(signedBytes(configuration)).toString('base64url') };
}

const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats.default(ajv);
const wellFormed = ajv.compile<SignedConfiguration>(SignedConfigurationSchema);

function signatureHolds(signed: SignedConfiguration, anchor: TrustedAnchor): boolean {
  try {
    return verify(null, signedBytes(signed.configuration), createPublicKey({ key: { ...anchor.jwk }, format: 'jwk' }), Buffer.from(signed.signature, 'base64url'));
  } catch {
    return false;
  }
}

export type ConfigurationProblem = 'malformed' | 'unknown_anchor' | 'bad_signature' | 'wrong_instance' | 'stale';
export type OpenedConfiguration = { ok: true; configuration: InstanceConfiguration } | { ok: false; problem: ConfigurationProblem; detail: string };

export interface TrustedAnchor {
  instance: string;
  kid: string;
  jwk: OkpPublicJwk;
}

/**
 * Accepts a partner's configuration only when its anchor — the one trusted when the federation was
 * established — signed exactly this content, for this instance, recently. Pure apart from `now`;
 * never throws: the input comes from the network.
 */
export function openConfiguration(signed: unknown, anchor: TrustedAnchor, now: Date): OpenedConfiguration {
  if (!wellFormed(signed)) {
    const first = wellFormed.errors?.[0];
    return { ok: false, problem: 'malformed', detail: `${first?.instancePath || '/'} ${first?.message ?? ''}`.trim() };
  }
  if (signed.kid !== anchor.kid) return { ok: false, problem: 'unknown_anchor', detail: `signed by ${signed.kid}, trusted anchor ${anchor.kid}` };
  if (!signatureHolds(signed, anchor)) return { ok: false, problem: 'bad_signature', detail: 'the signature does not verify with the trusted anchor' };
  const { configuration } = signed;
  if (configuration.instance !== anchor.instance) return { ok: false, problem: 'wrong_instance', detail: `configuration of ${configuration.instance}, expected ${anchor.instance}` };
  const age = Math.abs(now.getTime() - Date.parse(configuration.issuedAt)) / 1000;
  if (!(age <= CONFIGURATION_MAX_AGE_SECONDS)) return { ok: false, problem: 'stale', detail: `issued at ${configuration.issuedAt}` };
  return { ok: true, configuration };
}
