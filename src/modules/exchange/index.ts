export { exchangeRegistryMigration } from './registry-migration.ts';
export type { ExchangeTables } from './schema.ts';
export { exchangeRegistryRoutes } from './routes.ts';
export { insertMember, registerMember, updateMember, findMember, listMembers, type MemberView } from './members.ts';
export { addMemberKey, endMemberKey, memberKid } from './members-keys.ts';
export { registerService } from './services.ts';
export { grantAccess, withdrawAccess } from './access-rights.ts';
export { discovery, keyOf, mayCall, type KeyLookup } from './registry.ts';
