import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { BlobStore } from '../../platform/blobs/index.ts';
import type { SigningKeys } from '../../platform/crypto/signing-keys.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { CaseService } from '../cases/index.ts';
import type { DocumentTopics } from './events.ts';

export interface DocumentServiceDeps {
  db: Db;
  bus: EventBus<DocumentTopics>;
  blobs: BlobStore;
  /** The file a document is drawn from, and how a reader stands to it. */
  cases: Pick<CaseService, 'issuanceSource' | 'relationOf'>;
  keys: SigningKeys;
  /** The issuing country, printed at the top of every document. */
  country: { names: LocalisedText };
  /** Base of the verification address printed on documents. */
  publicUrl: string;
}
