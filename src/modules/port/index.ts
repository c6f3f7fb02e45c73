export { portManifestsMigration } from './migration.ts';
export type { PortTables } from './schema.ts';
export { CONTAINER_GATE_OUT, GATE_OUT_STATUS, SUBMIT_CARGO_MANIFEST, customsMemberOf, portMemberOf, type GateOutMessage } from './contract.ts';
export type { CargoManifest, ManifestLine } from './manifest.ts';
export { writeCuscar } from './cuscar-write.ts';
export { createPortService, type PortService } from './service.ts';
export { providePortServices, ensurePortServices, isMember } from './exchange-services.ts';
export { portRoutes } from './routes.ts';
