import type { Trx } from '../../../platform/db/database.ts';
import { jsonb } from '../../../platform/db/json.ts';
import type { OfficeKind } from './schema.ts';
import { searchTextOf } from './search-text.ts';
import { csvRows, type ShippedFile } from './shipped-files.ts';

/** Rows per multi-row insert: a dozen statements load the whole nomenclature. */
const BATCH = 1000;

/**
 * One table (or group) of shipped reference data: the files it is read from, and how it is written.
 * Writes are upserts, so a corrected file loaded again replaces its rows in place.
 */
export interface Dataset {
  name: string;
  files: readonly string[];
  /** May be absent: the dataset loads without it. */
  optionalFiles?: readonly string[];
  load(trx: Trx, file: (name: string) => ShippedFile | null): Promise<number>;
}

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<number> {
  for (let start = 0; start < rows.length; start += BATCH) await write(rows.slice(start, start + BATCH));
  return rows.length;
}

const required = (file: (name: string) => ShippedFile | null, name: string) => {
  const found = file(name);
  if (!found) throw new Error(`reference data file ${name} is missing`);
  return csvRows(found);
};
const orNull = (text: string | undefined) => (text ? text : null);

const hs: Dataset = {
  name: 'hs',
  files: ['hs-sections.csv', 'hs-nomenclature.csv'],
  optionalFiles: ['hs-labels.csv'],
  async load(trx, file) {
    const sections = required(file, 'hs-sections.csv').map((row, index) => ({ code: row.section ?? '', position: index + 1, name: row.name ?? '' }));
    await trx
      .insertInto('customs_hs_sections')
      .values(sections)
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
    const labelFile = file('hs-labels.csv');
    const labels = new Map((labelFile ? csvRows(labelFile) : []).map((row) => [row.hscode ?? '', row]));
    // Chapters first, then headings, then subheadings: each parent exists before its children.
    const codes = required(file, 'hs-nomenclature.csv')
      .map((row) => {
        const code = row.hscode ?? '';
        const label = labels.get(code);
        const level = Number(row.level) as 2 | 4 | 6;
        const description = row.description ?? '';
        // A subheading is also found by its heading's French and Arabic words ("riz" finds 1006.30), which have no labels of their own.
        const heading = level === 6 ? labels.get(code.slice(0, 4)) : undefined;
        return {
          code,
          level,
          // UN Comtrade hangs chapters under its grand total, and its chapter 99 outside any section.
          parent: level === 2 ? null : (row.parent ?? null),
          section: row.section === 'TOTAL' ? null : (row.section ?? null),
          description,
          label_fr: orNull(label?.fr),
          label_ar: orNull(label?.ar),
          search_text: searchTextOf(code, description, label?.fr ?? null, label?.ar ?? null, heading?.fr ?? null, heading?.ar ?? null),
        };
      })
      .sort((a, b) => a.level - b.level);
    return inBatches(codes, (batch) =>
      trx
        .insertInto('customs_hs_nomenclature')
        .values(batch)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            parent: eb.ref('excluded.parent'),
            section: eb.ref('excluded.section'),
            description: eb.ref('excluded.description'),
            label_fr: eb.ref('excluded.label_fr'),
            label_ar: eb.ref('excluded.label_ar'),
            search_text: eb.ref('excluded.search_text'),
          })),
        )
        .execute(),
    );
  },
};

const currencies: Dataset = {
  name: 'currencies',
  files: ['currencies.csv'],
  async load(trx, file) {
    const rows = required(file, 'currencies.csv').map((row) => ({ code: row.code ?? '', numeric_code: row.numeric ?? '', minor_unit: Number(row.minor_unit), name: row.name ?? '' }));
    return inBatches(rows, (batch) =>
      trx
        .insertInto('customs_currencies')
        .values(batch)
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ numeric_code: eb.ref('excluded.numeric_code'), minor_unit: eb.ref('excluded.minor_unit'), name: eb.ref('excluded.name') })))
        .execute(),
    );
  },
};

const countries: Dataset = {
  name: 'countries',
  files: ['countries.csv'],
  async load(trx, file) {
    const rows = required(file, 'countries.csv').map((row) => ({
      code: row.code ?? '',
      names: jsonb({ fr: row.name_fr ?? '', ar: row.name_ar ?? '', en: row.name_en ?? '' }),
      currency: orNull(row.currency),
      community_member: row.community_member === 'true',
    }));
    return inBatches(rows, (batch) =>
      trx
        .insertInto('customs_countries')
        .values(batch)
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ names: eb.ref('excluded.names'), currency: eb.ref('excluded.currency'), community_member: eb.ref('excluded.community_member') })))
        .execute(),
    );
  },
};

const offices: Dataset = {
  name: 'offices',
  files: ['customs-offices.csv'],
  async load(trx, file) {
    const rows = required(file, 'customs-offices.csv').map((row) => ({
      code: row.code ?? '',
      kind: row.kind as OfficeKind,
      un_locode: row.un_locode ?? '',
      names: jsonb({ fr: row.name_fr ?? '', ar: row.name_ar ?? '', en: row.name_en ?? '' }),
    }));
    return inBatches(rows, (batch) =>
      trx
        .insertInto('customs_offices')
        .values(batch)
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), un_locode: eb.ref('excluded.un_locode'), names: eb.ref('excluded.names') })))
        .execute(),
    );
  },
};

/** Published rates are never rewritten: a shipped rate fills a gap, it does not replace what an administrator published. */
const exchangeRates: Dataset = {
  name: 'exchange_rates',
  files: ['exchange-rates.csv'],
  async load(trx, file) {
    const rows = required(file, 'exchange-rates.csv').map((row) => ({ currency: row.currency ?? '', valid_on: row.valid_on ?? '', rate: row.rate ?? '', published_by: 'reference data' }));
    return inBatches(rows, (batch) =>
      trx
        .insertInto('customs_exchange_rates')
        .values(batch)
        .onConflict((oc) => oc.columns(['currency', 'valid_on']).doNothing())
        .execute(),
    );
  },
};

/** In load order: exchange rates name currencies. */
export const DATASETS: readonly Dataset[] = [hs, currencies, countries, offices, exchangeRates];
