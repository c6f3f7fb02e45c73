import type { SigningKeys } from '../../platform/crypto/signing-keys.ts';
import type { Db } from '../../platform/db/database.ts';
import { discovery, parseIdentifier } from '../exchange/index.ts';
import type { PublicAnchor, RegistryAnchor } from './anchor.ts';
import { signConfiguration, type SignedConfiguration } from './configuration.ts';

export interface PublicationDeps {
  db: Db;
  instance: string;
  publicUrl: string;
  anchor: RegistryAnchor;
  documentKeys: Pick<SigningKeys, 'published'>;
}

/**
 * What this instance tells its partners about itself: its anchor, and its configuration signed with
 * it — its own members with their active keys, the services they offer with who may call them, and
 * the keys its documents are signed with. Members learnt from partners are not repeated: each
 * instance speaks only for itself. (Every member served here has its exchange key from the start:
 * the exchange creates them when it starts, so a partner mirroring this learns the keys it will see.)
 */
export function federationPublication(deps: PublicationDeps) {
  const ownIdentifier = (identifier: string) => {
    const parsed = parseIdentifier(identifier);
    return parsed.ok && parsed.value.instance === deps.instance;
  };

  async function configuration(now = new Date()): Promise<SignedConfiguration> {
    const registry = await discovery(deps.db);
    const signer = await deps.anchor.signer();
    return signConfiguration(
      {
        instance: deps.instance,
        issuedAt: now.toISOString(),
        baseUrl: deps.publicUrl,
        members: registry.members.filter((m) => ownIdentifier(m.identifier)),
        services: registry.services.filter((s) => ownIdentifier(s.provider)),
        documentKeys: await deps.documentKeys.published(),
      },
      signer.kid,
      signer.sign,
    );
  }

  const anchor = (): Promise<PublicAnchor> => deps.anchor.publicAnchor();

  return { anchor, configuration };
}

export type FederationPublication = ReturnType<typeof federationPublication>;
