import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import { keysFromJwks } from '../../platform/crypto/signing-keys-jwk.ts';
import { parseIdentifier, type MirroredMember } from '../exchange/index.ts';
import type { InstanceConfiguration } from './configuration.ts';

export interface PartnerDocumentKey {
  kid: string;
  agencyCode: string;
  x: string;
  status: 'active' | 'retired';
}

export interface MirrorPlan {
  members: MirroredMember[];
  /** Members the configuration names that this instance will not take, with why. */
  refused: { identifier: string; reason: string }[];
  documentKeys: PartnerDocumentKey[];
}

/**
 * What to take from a partner's verified configuration. A partner speaks only for its own
 * instance: a member whose identifier does not start with its instance code is refused, so no
 * partner can publish a member of this instance or of a third country. Members are mirrored as
 * external systems (foreign single windows when of class FSW), answering at the partner's address
 * as agreed out of band, not at the address the configuration claims. Document keys are kept only
 * when their kid is their own thumbprint (keysFromJwks).
 */
export function mirrorPlan(configuration: InstanceConfiguration, partner: { instance: string; baseUrl: string }): MirrorPlan {
  const members: MirroredMember[] = [];
  const refused: MirrorPlan['refused'] = [];
  for (const member of configuration.members) {
    const parsed = parseIdentifier(member.identifier);
    if (!parsed.ok) {
      refused.push({ identifier: member.identifier, reason: parsed.reason });
      continue;
    }
    if (parsed.value.instance !== partner.instance) {
      refused.push({ identifier: member.identifier, reason: `not a member of ${partner.instance}` });
      continue;
    }
    members.push({
      identifier: member.identifier,
      kind: parsed.value.memberClass === 'FSW' ? 'foreign_single_window' : 'external_system',
      names: member.names,
      endpoint: partner.baseUrl,
      keys: member.keys,
    });
  }
  const usable = keysFromJwks({ keys: configuration.documentKeys });
  const documentKeys = configuration.documentKeys
    .filter((k) => usable.has(k.kid))
    .map((k) => ({ kid: k.kid, agencyCode: k.iss, x: k.x, status: k.status }));
  return { members, refused, documentKeys };
}

/** The partner's document keys as verifyPayload takes them (docs/documents.md). */
export const documentKeyRing = (keys: readonly PartnerDocumentKey[]) =>
  keysFromJwks({ keys: keys.map((k) => ({ kty: 'OKP', crv: 'Ed25519', x: k.x, kid: k.kid, iss: k.agencyCode }) satisfies OkpPublicJwk & { kid: string; iss: string }) });
