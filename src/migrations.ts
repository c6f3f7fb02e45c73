import { casesMigration } from './modules/cases/migration.ts';
import { catalogueMigration, definitionKeyOrderMigration } from './modules/catalogue/migration.ts';
import { notificationsMigration } from './modules/notifications/index.ts';
import { auditMigration } from './platform/audit/migration.ts';
import { identityMigration } from './platform/auth/migration.ts';
import { blobsMigration } from './platform/blobs/migration.ts';
import type { Migrations } from './platform/db/migrate.ts';
import { oversightMigration } from './modules/oversight/index.ts';
import { eventsMigration } from './platform/events/migration.ts';
import { signingKeysMigration } from './platform/crypto/signing-keys-migration.ts';
import { documentsMigration } from './modules/documents/migration.ts';
import { paymentsMigration } from './modules/payments/migration.ts';
import { accountantRoleMigration } from './platform/auth/accountant-role-migration.ts';
import { exchangeRegistryMigration } from './modules/exchange/registry-migration.ts';
import { exchangeLogMigration } from './modules/exchange/log-migration.ts';
import { exchangeDeliveryMigration } from './modules/exchange/delivery-migration.ts';
import { federationMigration } from './modules/federation/migration.ts';
import { customsDeclarationsMigration } from './modules/customs/declarations/migration.ts';
import { customsReferenceMigration } from './modules/customs/reference/migration.ts';
import { permitsMigration } from './modules/permits/index.ts';
import { paymentsDutiesMigration } from './modules/payments/index.ts';
import { customsDocumentChecksMigration } from './modules/customs/declarations/document-checks-migration.ts';
import { customsTransportIndexesMigration } from './modules/customs/declarations/transport-index-migration.ts';
import { customsVehicleClearanceMigration } from './modules/customs/declarations/vehicle-migration.ts';
import { auditDeferredLinkMigration } from './platform/audit/deferred-link-migration.ts';
import { releaseNotesMigration } from './modules/documents/release-note-migration.ts';
import { passengersMigration } from './modules/passengers/index.ts';
import { portManifestsMigration } from './modules/port/index.ts';
import { legacyDeclarationsMigration } from './modules/legacy/index.ts';
import { archiveMigration } from './modules/archive/migration.ts';
import { archiveSourcesMigration } from './modules/archive/sources-migration.ts';
import { archiveSearchMigration, archiveTextsNewestMigration } from './modules/archive/search/index.ts';
import { archiveRetentionMigration } from './modules/archive/retention/index.ts';
import { archiveScannedBatchesMigration } from './modules/archive/scanned-ingest/index.ts';

/** Every migration of the platform and its modules; applied in name order, never renamed once shipped. */
export const migrations: Migrations = {
  '0001_identity': identityMigration,
  '0002_audit': auditMigration,
  '0003_events': eventsMigration,
  '0004_blobs': blobsMigration,
  '0005_catalogue': catalogueMigration,
  '0006_cases': casesMigration,
  '0007_notifications': notificationsMigration,
  '0008_definition_key_order': definitionKeyOrderMigration,
  '0009_signing_keys': signingKeysMigration,
  '0010_payments': paymentsMigration,
  '0011_documents': documentsMigration,
  '0012_accountant_role': accountantRoleMigration,
  '0013_exchange_registry': exchangeRegistryMigration,
  '0014_exchange_log': exchangeLogMigration,
  '0015_exchange_delivery': exchangeDeliveryMigration,
  '0016_federation': federationMigration,
  '0017_customs_reference': customsReferenceMigration,
  '0018_customs_declarations': customsDeclarationsMigration,
  '0019_permits': permitsMigration,
  '0020_customs_document_checks': customsDocumentChecksMigration,
  '0021_documents_release_notes': releaseNotesMigration,
  '0022_payments_customs_duties': paymentsDutiesMigration,
  '0023_audit_deferred_link': auditDeferredLinkMigration,
  '0024_port_manifests': portManifestsMigration,
  '0025_legacy_declarations': legacyDeclarationsMigration,
  '0026_passengers': passengersMigration,
  '0028_customs_vehicle_clearance': customsVehicleClearanceMigration,
  '0029_customs_transport_indexes': customsTransportIndexesMigration,
  '0027_oversight': oversightMigration,
  '0030_archive': archiveMigration,
  '0032_archive_search': archiveSearchMigration,
  '0031_archive_retention': archiveRetentionMigration,
  '0033_archive_sources': archiveSourcesMigration,
  '0034_archive_scanned_batches': archiveScannedBatchesMigration,
  '0035_archive_texts_newest': archiveTextsNewestMigration,
};
