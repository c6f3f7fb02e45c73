import type { Db } from '../../../platform/db/database.ts';
import { authorise, assertAllowed, type Principal } from '../../../platform/auth/policy.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { DeclarationRow } from './store.ts';

/** The company a trader or broker acts for: declarations are lodged and read as that company's tax id. */
export async function companyTaxIdOf(db: Db, principal: Principal): Promise<string> {
  assertAllowed(principal, 'customs.declare');
  if (!principal.companyId) throw new AppError(403, 'declaration_needs_company');
  const company = await db.selectFrom('companies').select('tax_id').where('id', '=', principal.companyId).executeTakeFirstOrThrow();
  return company.tax_id;
}

/**
 * Customs staff read every declaration; a company reads those where it is declarant, importer or
 * exporter. Anyone else is told it does not exist, so references cannot be probed.
 */
export async function assertMayRead(db: Db, principal: Principal, row: DeclarationRow, customsAgencyId: string): Promise<void> {
  if (authorise(principal, 'customs.work', { agencyId: customsAgencyId }).allowed) return;
  if (principal.companyId && authorise(principal, 'customs.declare').allowed) {
    const taxId = await companyTaxIdOf(db, principal);
    if ([row.declarant_tax_id, row.importer_tax_id, row.exporter_tax_id].includes(taxId)) return;
  }
  throw notFound('declaration', row.reference);
}
