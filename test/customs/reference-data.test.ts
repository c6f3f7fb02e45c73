import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceData, ensureReferenceData, type ReferenceData } from '../../src/modules/customs/reference/index.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { AppError } from '../../src/platform/http/errors.ts';
import { openTestDatabase } from '../support/db.ts';
import { LABELS, referenceFixture, type ReferenceFixture } from './reference-fixture.ts';

let database: DatabaseHandle;
let fixture: ReferenceFixture;
let reference: ReferenceData;

beforeAll(async () => {
  database = await openTestDatabase();
  fixture = await referenceFixture();
  reference = createReferenceData({ db: database.db });
});
afterAll(async () => {
  await database?.close();
  await fixture?.remove();
});

const rowCounts = async () => {
  const count = async (table: 'customs_hs_nomenclature' | 'customs_countries' | 'customs_currencies' | 'customs_offices' | 'customs_exchange_rates' | 'customs_tariff_versions' | 'customs_tariff_lines') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    hs: await count('customs_hs_nomenclature'),
    countries: await count('customs_countries'),
    currencies: await count('customs_currencies'),
    offices: await count('customs_offices'),
    rates: await count('customs_exchange_rates'),
    versions: await count('customs_tariff_versions'),
    lines: await count('customs_tariff_lines'),
  };
};
const auditActions = async () => (await database.db.selectFrom('audit_entries').select('action').where('action', 'like', 'customs.%').orderBy('seq').execute()).map((e) => e.action);

/** The refusal an AppError carries, as the API would answer it. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.status, code: error.code, path: (error.details as { fields?: { path: string }[] } | undefined)?.fields?.[0]?.path };
  }
  throw new Error('not refused');
}

describe('loading the shipped reference data', () => {
  it('loads every dataset and the shipped tariff on the first start, in one audited step', async () => {
    const load = await ensureReferenceData(database.db, { dir: fixture.dir });
    expect(load.datasets).toEqual({ hs: 6939, currencies: 165, countries: 250, offices: 8, exchange_rates: 135 });
    expect(load.tariff?.version).toMatchObject({ label: 'Tarif des douanes de Kandara 2026', validFrom: '2026-01-01', validTo: null, lineCount: 5612, importedBy: 'reference data' });
    expect(load.tariff?.closed).toBeNull();
    expect(await rowCounts()).toEqual({ hs: 6939, countries: 250, currencies: 165, offices: 8, rates: 135, versions: 1, lines: 5612 });
    expect(await auditActions()).toEqual(['customs.tariff.imported', 'customs.reference_data.loaded']);
  });

  it('does nothing on the next start: no row, no version, no audit entry', async () => {
    const before = await rowCounts();
    const again = await ensureReferenceData(database.db, { dir: fixture.dir });
    expect(again).toMatchObject({ datasets: {}, tariff: null });
    expect(await rowCounts()).toEqual(before);
    expect(await auditActions()).toEqual(['customs.tariff.imported', 'customs.reference_data.loaded']);
  });

  it('loads a dataset again when its file changed, and only that one', async () => {
    await fixture.writeLabels(`${LABELS}9999,Marchandises non spécifiées,\n`);
    const load = await ensureReferenceData(database.db, { dir: fixture.dir });
    expect(load.datasets).toEqual({ hs: 6939 });
    expect((await reference.searchHs('marchandises non specifiees', 'fr')).map((m) => m.code)).toEqual(['99.99', '9999.99']);
  });
});

describe('searching the HS nomenclature and the national tariff', () => {
  const search = async (query: string, locale: 'fr' | 'ar' | 'en', limit = 20, date = '2026-03-01') =>
    (await reference.searchHs(query, locale, limit, date)).map((m) => `${m.code} ${m.level} ${m.descriptionLocale}: ${m.description}`);

  it('finds rice in French: the heading, then its subheadings and national lines by the heading’s French words', async () => {
    const found = await search('riz', 'fr');
    expect(found[0]).toBe('10.06 heading fr: Riz');
    expect(found).toContain('1006.30 subheading en: Cereals; rice, semi-milled or wholly milled, whether or not polished or glazed');
    expect(found).toContain('1006.30.00.00 national_line en: Cereals; rice, semi-milled or wholly milled, whether or not polished or glazed');
    expect(found.some((f) => f.startsWith('84.'))).toBe(false);
  });

  it('finds rice in English, by the beginnings of words and in any order', async () => {
    expect(await search('milled semi rice', 'en')).toEqual([
      '1006.30 subheading en: Cereals; rice, semi-milled or wholly milled, whether or not polished or glazed',
      '1006.30.00.00 national_line en: Cereals; rice, semi-milled or wholly milled, whether or not polished or glazed',
    ]);
  });

  it('matches French words whatever their accents, and answers in the caller’s language', async () => {
    expect((await search('cereales', 'fr', 1))[0]).toBe('10 chapter fr: Céréales');
    expect((await search('cereales', 'en', 1))[0]).toBe('10 chapter en: Cereals');
    expect((await search('céréales', 'ar', 1))[0]).toBe('10 chapter ar: الحبوب');
    // No Arabic label for the heading: French, the country's other official language, then English.
    expect((await search('riz', 'ar', 1))[0]).toBe('10.06 heading fr: Riz');
  });

  it('finds an Arabic word with or without its article', async () => {
    expect((await search('تبغ', 'ar', 1))[0]).toBe('24 chapter ar: التبغ وأبداله المصنعة');
    expect((await search('التبغ', 'ar', 1))[0]).toBe('24 chapter ar: التبغ وأبداله المصنعة');
  });

  it('searches by code prefix, with or without dots, down to the national line', async () => {
    expect(await search('1006.30', 'en')).toEqual([
      '1006.30 subheading en: Cereals; rice, semi-milled or wholly milled, whether or not polished or glazed',
      '1006.30.00.00 national_line en: Cereals; rice, semi-milled or wholly milled, whether or not polished or glazed',
    ]);
    expect(await search('1006 30 00 00', 'en')).toEqual(['1006.30.00.00 national_line en: Cereals; rice, semi-milled or wholly milled, whether or not polished or glazed']);
    expect((await search('10', 'fr', 3)).map((f) => f.split(' ')[0])).toEqual(['10', '10.01', '10.02']);
  });

  it('stops at the limit and finds no national line on a day no tariff is in force', async () => {
    expect(await search('meat', 'en', 5)).toHaveLength(5);
    expect((await search('1006.30', 'en', 20, '2025-06-01')).map((f) => f.split(' ')[0])).toEqual(['1006.30']);
    expect(await search(' .;- ', 'en')).toEqual([]);
  });
});

describe('exchange rates by day', () => {
  it('takes the latest rate on or before the day, the fixed euro parity, and 1 for the national currency', async () => {
    expect(await reference.exchangeRatesOn('2026-11-23', ['USD', 'EUR', 'XOF'])).toEqual({ USD: '562.35', EUR: '655.957', XOF: '1' });
    expect(await reference.exchangeRatesOn('2026-10-31', ['USD'])).toEqual({ USD: '561.93' });
    expect(await reference.exchangeRatesOn('2026-11-01', ['USD', 'JPY'])).toEqual({ USD: '562.35', JPY: '3.7489' });
  });

  it('refuses a currency without a rate on that day, pointing at the field the caller names', async () => {
    expect(await refusal(reference.exchangeRatesOn('2025-12-31', ['EUR', 'USD'], 'invoiceCurrency'))).toEqual({ status: 422, code: 'exchange_rate_missing', path: 'invoiceCurrency' });
    expect(await refusal(reference.exchangeRatesOn('2026-11-23', ['BRL']))).toEqual({ status: 422, code: 'exchange_rate_missing', path: 'currency' });
  });

  it('publishes a rate from a day on, audited, without rewriting a published one', async () => {
    expect(await reference.exchangeRatesOn('2026-11-24', ['USD'])).toEqual({ USD: '562.35' });
    const context = systemContext('test');
    expect(await reference.publishExchangeRate(context, { currency: 'USD', validOn: '2026-11-25', rate: '563.1' })).toEqual({ currency: 'USD', validOn: '2026-11-25', rate: '563.1' });
    expect(await reference.exchangeRatesOn('2026-11-24', ['USD'])).toEqual({ USD: '562.35' });
    expect(await reference.exchangeRatesOn('2026-11-26', ['USD'])).toEqual({ USD: '563.1' });
    const entry = await database.db.selectFrom('audit_entries').select(['record_id', 'actor_label']).where('action', '=', 'customs.exchange_rate.published').executeTakeFirstOrThrow();
    expect(entry).toEqual({ record_id: 'USD:2026-11-25', actor_label: 'test' });

    expect(await refusal(reference.publishExchangeRate(context, { currency: 'USD', validOn: '2026-11-25', rate: '570' }))).toEqual({ status: 409, code: 'exchange_rate_exists', path: 'validOn' });
    expect(await refusal(reference.publishExchangeRate(context, { currency: 'USD', validOn: '2026-11-27', rate: '0' }))).toEqual({ status: 422, code: 'exchange_rate_invalid', path: 'rate' });
    expect(await refusal(reference.publishExchangeRate(context, { currency: 'USD', validOn: '2026-11-27', rate: '-563' }))).toEqual({ status: 422, code: 'exchange_rate_invalid', path: 'rate' });
    expect(await refusal(reference.publishExchangeRate(context, { currency: 'ZZZ', validOn: '2026-11-27', rate: '1' }))).toEqual({ status: 422, code: 'currency_unknown', path: 'currency' });
    expect(await refusal(reference.publishExchangeRate(context, { currency: 'XOF', validOn: '2026-11-27', rate: '1' }))).toEqual({ status: 422, code: 'exchange_rate_national_currency', path: 'currency' });
    expect(await reference.exchangeRatesOn('2026-11-28', ['USD'])).toEqual({ USD: '563.1' });
  });
});

describe('code lists for validating declarations', () => {
  it('knows countries with their names and community membership, the demo country included', async () => {
    expect(await reference.country('SN')).toEqual({ code: 'SN', names: { fr: 'Sénégal', ar: 'السنغال', en: 'Senegal' }, currency: 'XOF', communityMember: true });
    expect(await reference.country('KD')).toMatchObject({ names: { fr: 'République de Kandara' }, communityMember: true });
    expect(await reference.country('FR')).toMatchObject({ currency: 'EUR', communityMember: false });
    expect(await reference.country('XX')).toBeNull();
    const members = await reference.communityMembers();
    expect(members).toEqual(expect.arrayContaining(['KD', 'SN', 'CI', 'NG', 'GH']));
    expect(members).not.toContain('ML');
  });

  it('knows currencies with their minor unit, and the offices of the country', async () => {
    expect(await reference.currency('XOF')).toEqual({ code: 'XOF', numericCode: '952', minorUnit: 0, name: 'CFA Franc BCEAO' });
    expect((await reference.currency('EUR'))?.minorUnit).toBe(2);
    expect(await reference.currency('XAU')).toBeNull();
    expect(await reference.office('KDKAN01')).toEqual({ code: 'KDKAN01', kind: 'port', unLocode: 'KDKAN', names: { fr: 'Bureau des douanes du port de Kandara-Ville', ar: 'مكتب جمارك ميناء كندارة', en: 'Kandara-Ville port customs office' } });
    const known = await reference.knownCodes();
    expect([known.countries.has('TH'), known.currencies.has('USD'), known.offices.has('KDSNB01'), known.offices.has('SNDKR01')]).toEqual([true, true, true, false]);
  });
});
