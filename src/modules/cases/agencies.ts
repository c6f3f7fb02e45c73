import type { Db, Trx } from '../../platform/db/database.ts';

/**
 * Agency ids ↔ codes. Agencies join and are never removed, so a miss is the only reason to reload.
 * Inside a transaction pass it as `via`: on PGlite the one connection is the transaction's.
 */
export interface AgencyDirectory {
  codeOf(id: string, via?: Db | Trx): Promise<string>;
  idOf(code: string, via?: Db | Trx): Promise<string | undefined>;
}

export function agencyDirectory(db: Db): AgencyDirectory {
  let byId = new Map<string, string>();
  let byCode = new Map<string, string>();
  async function reload(via: Db | Trx) {
    const rows = await via.selectFrom('agencies').select(['id', 'code']).execute();
    byId = new Map(rows.map((r) => [r.id, r.code]));
    byCode = new Map(rows.map((r) => [r.code, r.id]));
  }
  return {
    async codeOf(id, via = db) {
      if (!byId.has(id)) await reload(via);
      const code = byId.get(id);
      if (code === undefined) throw new Error(`agency ${id} is not in the directory`);
      return code;
    },
    async idOf(code, via = db) {
      if (!byCode.has(code)) await reload(via);
      return byCode.get(code);
    },
  };
}
