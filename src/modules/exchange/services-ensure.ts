import type { ChangeContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { grantAccess } from './access-rights.ts';
import { findMember } from './members.ts';
import { mayCall } from './registry.ts';
import { listServices, registerService, type ServiceInput, type ServiceView } from './services.ts';

/**
 * A platform-provided service present in the registry and callable by `clients`, creating only
 * what is missing through the registry's own audited functions: a second run changes nothing.
 * A version already registered keeps its schemas (versions are immutable).
 */
export async function ensureService(db: Db, context: ChangeContext, provider: string, service: ServiceInput, clients: readonly string[]): Promise<ServiceView> {
  const member = await findMember(db, provider);
  const registered = (await listServices(db, member.id)).find((s) => s.code === service.code && s.version === service.version) ?? (await registerService(db, context, member.id, service));
  for (const client of clients) {
    if (!(await mayCall(db, client, provider, service.code, service.version))) await grantAccess(db, context, { serviceId: registered.id, client });
  }
  return registered;
}
