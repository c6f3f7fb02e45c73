import type { CasesTables } from './modules/cases/schema.ts';
import type { OversightTables } from './modules/oversight/schema.ts';
import type { CatalogueTables } from './modules/catalogue/schema.ts';
import type { NotificationTables } from './modules/notifications/index.ts';
import type { AuditTables } from './platform/audit/schema.ts';
import type { IdentityTables } from './platform/auth/schema.ts';
import type { BlobTables } from './platform/blobs/schema.ts';
import type { EventTables } from './platform/events/schema.ts';
import type { SigningKeyTables } from './platform/crypto/signing-keys-schema.ts';
import type { DocumentTables } from './modules/documents/schema.ts';
import type { PaymentTables } from './modules/payments/schema.ts';
import type { ExchangeTables } from './modules/exchange/schema.ts';
import type { ExchangeLogTables } from './modules/exchange/log-schema.ts';
import type { ExchangeDeliveryTables } from './modules/exchange/delivery-schema.ts';
import type { FederationTables } from './modules/federation/schema.ts';
import type { CustomsDeclarationTables } from './modules/customs/declarations/schema.ts';
import type { CustomsReferenceTables } from './modules/customs/reference/schema.ts';
import type { PermitTables } from './modules/permits/schema.ts';
import type { ReleaseNoteTables } from './modules/documents/release-note-schema.ts';
import type { PassengerTables } from './modules/passengers/schema.ts';
import type { PortTables } from './modules/port/schema.ts';
import type { LegacyTables } from './modules/legacy/index.ts';
import type { ArchiveTables } from './modules/archive/schema.ts';
import type { ArchiveSearchTables } from './modules/archive/search/schema.ts';
import type { ArchiveRetentionTables } from './modules/archive/retention/index.ts';
import type { ArchiveScannedTables } from './modules/archive/scanned-ingest/index.ts';

/** Every table of the platform, as Kysely sees them. Each part declares its own in its schema.ts. */
export interface Database extends AuditTables, IdentityTables, EventTables, BlobTables, CatalogueTables, CasesTables, NotificationTables, SigningKeyTables, DocumentTables, PaymentTables, ExchangeTables, ExchangeLogTables, ExchangeDeliveryTables, FederationTables, CustomsDeclarationTables, CustomsReferenceTables, PermitTables, ReleaseNoteTables, PassengerTables, PortTables, OversightTables, LegacyTables, ArchiveTables, ArchiveRetentionTables, ArchiveSearchTables, ArchiveScannedTables {}
