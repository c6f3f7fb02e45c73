import { sql } from 'kysely';
import { recordAudit, systemContext } from '../../../platform/audit/record.ts';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { DATASETS, type Dataset } from './datasets.ts';
import { readShipped, REFERENCE_DIR, sha256, SHIPPED_TARIFF, type ShippedFile } from './shipped-files.ts';
import { importFirstTariff, refreshStatistics } from './tariff-import.ts';
import type { StoredTariff } from './tariff-store.ts';

export interface ReferenceLoad {
  /** Rows written per dataset loaded now; empty when everything was already loaded. */
  datasets: Record<string, number>;
  /** The shipped tariff, when it became the first version now. */
  tariff: StoredTariff | null;
  milliseconds: number;
}

const context = systemContext('reference data');

/** A dataset's fingerprint: its files' hashes, an absent optional file included as such. */
const fingerprint = (dataset: Dataset, files: ReadonlyMap<string, ShippedFile | null>) =>
  sha256([...dataset.files, ...(dataset.optionalFiles ?? [])].map((name) => `${name}:${files.get(name)?.sha256 ?? '-'}`).join('\n'));

async function staleDatasets(db: Db | Trx, files: ReadonlyMap<string, ShippedFile | null>): Promise<Dataset[]> {
  const loaded = new Map((await db.selectFrom('customs_reference_datasets').select(['name', 'sha256']).execute()).map((row) => [row.name, row.sha256]));
  return DATASETS.filter((dataset) => loaded.get(dataset.name) !== fingerprint(dataset, files));
}

const hasTariff = async (db: Db | Trx) => (await db.selectFrom('customs_tariff_versions').select('id').limit(1).executeTakeFirst()) !== undefined;

/**
 * Loads the shipped reference data (reference-data/customs/): nomenclature, currencies, countries,
 * offices, exchange rates, and the shipped tariff as the first version of an empty database. A file
 * already loaded unchanged is skipped, so on every start this costs a hash of the files and two
 * queries. One transaction; two processes starting together load it once (the table lock).
 */
export async function ensureReferenceData(db: Db, options: { dir?: string } = {}): Promise<ReferenceLoad> {
  const started = performance.now();
  const dir = options.dir ?? REFERENCE_DIR;
  const names = DATASETS.flatMap((dataset) => [...dataset.files, ...(dataset.optionalFiles ?? [])]);
  const files = new Map(await Promise.all(names.map(async (name) => [name, await readShipped(dir, name)] as const)));
  const elapsed = () => Math.round(performance.now() - started);
  if ((await staleDatasets(db, files)).length === 0 && (await hasTariff(db))) return { datasets: {}, tariff: null, milliseconds: elapsed() };

  const { datasets, tariff } = await db.transaction().execute(async (trx) => {
    await sql`lock table customs_reference_datasets in exclusive mode`.execute(trx);
    const loaded: Record<string, number> = {};
    for (const dataset of await staleDatasets(trx, files)) {
      loaded[dataset.name] = await dataset.load(trx, (name) => files.get(name) ?? null);
      await trx
        .insertInto('customs_reference_datasets')
        .values({ name: dataset.name, sha256: fingerprint(dataset, files), row_count: loaded[dataset.name] ?? 0 })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ sha256: eb.ref('excluded.sha256'), row_count: eb.ref('excluded.row_count'), loaded_at: sql<Date>`now()` })))
        .execute();
    }
    const shippedTariff = (await hasTariff(trx)) ? null : await readShipped(dir, SHIPPED_TARIFF);
    const first = shippedTariff ? await importFirstTariff(trx, shippedTariff.text, { context }) : null;
    if (Object.keys(loaded).length > 0) {
      await recordAudit(trx, context, { action: 'customs.reference_data.loaded', recordType: 'customs_reference_data', recordId: null, details: { datasets: loaded } });
    }
    return { datasets: loaded, tariff: first };
  });
  await refreshStatistics(db);
  return { datasets, tariff, milliseconds: elapsed() };
}
