import type { ChangeContext } from '../../../platform/audit/record.ts';
import { assertAllowed, type Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { cachedFor } from '../cached.ts';
import type { RegulatoryRule } from './matrix.ts';
import { insertRule, listRules, updateRule, type RuleInput, type RuleView } from './rules-store.ts';

/** Another process's change reaches this one within this long; this process's own at once. */
const CACHE_MS = 2000;

export interface RegulatoryMatrix {
  /** The active rules, cached: every declaration lodged reads them. */
  rulesInForce(): Promise<RegulatoryRule[]>;
  list(options: { activeOnly: boolean }): Promise<RuleView[]>;
  create(principal: Principal, context: ChangeContext, input: RuleInput): Promise<RuleView>;
  update(principal: Principal, context: ChangeContext, id: string, patch: { agencyCode?: string; note?: string | null; active?: boolean }): Promise<RuleView>;
}

/** The matrix is the customs administration's: its administrators and the platform's maintain it. */
export function createRegulatoryMatrix({ db, customsAgencyId }: { db: Db; customsAgencyId: () => Promise<string> }): RegulatoryMatrix {
  const rules = cachedFor(CACHE_MS, () => listRules(db, { activeOnly: true }));
  const authorise = async (principal: Principal) => {
    const agencyId = await customsAgencyId();
    assertAllowed(principal, 'customs.matrix.manage', { agencyId });
    return agencyId;
  };
  return {
    rulesInForce: () => rules.get(),
    list: (options) => listRules(db, options),
    async create(principal, context, input) {
      const agencyId = await authorise(principal);
      const rule = await db.transaction().execute((trx) => insertRule(trx, context, input, agencyId));
      rules.invalidate();
      return rule;
    },
    async update(principal, context, id, patch) {
      const agencyId = await authorise(principal);
      const rule = await db.transaction().execute((trx) => updateRule(trx, context, id, patch, agencyId));
      rules.invalidate();
      return rule;
    },
  };
}
