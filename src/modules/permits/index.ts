export { permitsMigration } from './migration.ts';
export type { PermitTables } from './schema.ts';
export { CONFIRM_PERMIT, HOLD_PERMIT_QUANTITY, SETTLE_PERMIT_HOLD, PERMIT_AGENCIES, permitProviderOf, type PermitAnswer, type PermitQuestion, type SettleHold, type SettleAnswer } from './contract.ts';
export { providePermitServices, ensurePermitServices, recordPermit, revokePermit, permitBalance, type NewPermit } from './service.ts';
export { registerPermitsFromDocuments, permitFromLicence } from './from-documents.ts';
export { forwardCertificatesToRegister, certificateRecord } from './forward-certificates.ts';
export { permitUsage, type PermitUsage, type UsageFilter } from './usage.ts';
