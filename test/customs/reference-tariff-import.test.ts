import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceData, ensureReferenceData, importTariff } from '../../src/modules/customs/reference/index.ts';
import { CIGARETTES, RICE, tariffFile, tariffRow, WINE } from '../../src/modules/customs/reference/test-tariff-file.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { AppError } from '../../src/platform/http/errors.ts';
import { openTestDatabase } from '../support/db.ts';
import { referenceFixture, type ReferenceFixture } from './reference-fixture.ts';

let database: DatabaseHandle;
let fixture: ReferenceFixture;
const context = systemContext('cli: tariff import');

beforeAll(async () => {
  database = await openTestDatabase();
  fixture = await referenceFixture();
  await ensureReferenceData(database.db, { dir: fixture.dir });
});
afterAll(async () => {
  await database?.close();
  await fixture?.remove();
});

const stored = async () => ({
  versions: (await database.db.selectFrom('customs_tariff_versions').select(['label', 'valid_from', 'valid_to']).orderBy('valid_from').execute()).map((v) => `${v.label} ${v.valid_from}…${v.valid_to ?? ''}`),
  lines: Number((await database.db.selectFrom('customs_tariff_lines').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  audited: Number((await database.db.selectFrom('audit_entries').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'customs.tariff.imported').executeTakeFirstOrThrow()).n),
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.status, code: error.code, params: error.params, fields: (error.details as { fields: { path: string; code: string }[] }).fields.map((f) => `${f.path} ${f.code}`) };
  }
  throw new Error('not refused');
}

describe('importing a national tariff version', () => {
  it('refuses a file with bad lines, naming each line, and stores nothing', async () => {
    const before = await stored();
    const file = tariffFile([RICE, tariffRow({ national_line: '0000000000', hs6: '000000' }), tariffRow({ band: '12' }), tariffRow({ vat_percent: 'eighteen' }), tariffRow({ excise_kind: 'specific', excise_rate: '100' }), RICE]);
    expect(await refusal(importTariff(database.db, file, { context }))).toEqual({
      status: 422,
      code: 'tariff_file_invalid',
      params: { count: 5 },
      fields: ['lines[8].hs6 tariff_line_unknown_hs6', 'lines[9].band tariff_line_band', 'lines[10].vat_percent tariff_line_vat', 'lines[11].excise_unit tariff_line_excise_unit', 'lines[12].national_line tariff_line_duplicate'],
    });
    expect(await stored()).toEqual(before);
  });

  it('stores a new version, closing the one in force the day before, with an audit entry', async () => {
    const imported = await importTariff(database.db, tariffFile([RICE, CIGARETTES, WINE], { label: 'Tarif révisé juillet 2026', valid_from: '2026-07-01', community_levy_percent: '0.7' }), { context });
    expect(imported.version).toMatchObject({ label: 'Tarif révisé juillet 2026', validFrom: '2026-07-01', validTo: null, lineCount: 3, importedBy: 'cli: tariff import', feeRates: { statisticalFeePercent: '1', communityLevyPercent: '0.7' } });
    expect(imported.closed).toMatchObject({ label: 'Tarif des douanes de Kandara 2026', validFrom: '2026-01-01', validTo: '2026-06-30' });
    expect(await stored()).toEqual({ versions: ['Tarif des douanes de Kandara 2026 2026-01-01…2026-06-30', 'Tarif révisé juillet 2026 2026-07-01…'], lines: 5615, audited: 2 });
    const entry = await database.db.selectFrom('audit_entries').select(['record_id', 'actor_label', 'details']).where('action', '=', 'customs.tariff.imported').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ record_id: imported.version.id, actor_label: 'cli: tariff import', details: { validFrom: '2026-07-01', lineCount: 3, closedVersionId: imported.closed?.id, closedValidTo: '2026-06-30' } });
  });

  it('assesses each day with the version in force on it', async () => {
    const reference = createReferenceData({ db: database.db });
    const june30 = await reference.tariffOn('2026-06-30');
    const july1 = await reference.tariffOn('2026-07-01');
    expect([june30.version.label, june30.version.validTo, june30.tariff.size, june30.feeRates.communityLevyPercent]).toEqual(['Tarif des douanes de Kandara 2026', '2026-06-30', 5612, '0.5']);
    expect([july1.version.label, july1.version.validTo, july1.tariff.size, july1.feeRates.communityLevyPercent]).toEqual(['Tarif révisé juillet 2026', null, 3, '0.7']);
    expect(july1.tariff.get('2204.21.00.00')).toEqual({
      nationalLine: '2204.21.00.00',
      hs6: '220421',
      description: 'Wine, still, in containers of 2 l or less',
      dutyBand: 20,
      vatPercent: '18',
      excise: { kind: 'specific', amountPerUnit: '150', unit: 'LTR' },
      communityPreference: true,
    });
    expect((await reference.tariffLine('2523290000', '2026-06-30'))?.line.dutyBand).toBe(10);
    expect(await reference.tariffLine('2523.29.00.00', '2026-07-01')).toBeNull();
    expect(await refusal(reference.tariffOn('2025-12-31'))).toMatchObject({ status: 422, code: 'tariff_not_in_force', fields: ['date tariff_not_in_force'] });
  });

  it('keeps a version’s lines in memory: the next declaration reads no line again', async () => {
    const reference = createReferenceData({ db: database.db });
    const first = await reference.tariffOn('2026-03-01');
    const again = await reference.tariffOn('2026-05-31');
    expect(again.tariff).toBe(first.tariff);
  });

  it('refuses a version starting on or before the latest one’s first day, and stores nothing', async () => {
    const before = await stored();
    for (const validFrom of ['2026-07-01', '2026-03-01']) {
      expect(await refusal(importTariff(database.db, tariffFile([RICE]), { context, validFrom }))).toEqual({
        status: 409,
        code: 'tariff_version_overlap',
        params: { validFrom, label: 'Tarif révisé juillet 2026', latestFrom: '2026-07-01', latestTo: '-' },
        fields: ['valid_from tariff_version_overlap'],
      });
    }
    expect(await stored()).toEqual(before);
  });

  it('shows a version imported by another process once the cache time has passed', async () => {
    const reference = createReferenceData({ db: database.db, cacheMs: 0 });
    expect((await reference.tariffOn('2026-09-01')).version.label).toBe('Tarif révisé juillet 2026');
    await importTariff(database.db, tariffFile([RICE, WINE]), { context, label: 'Tarif de septembre', validFrom: '2026-09-01' });
    expect((await reference.tariffOn('2026-09-01')).version.label).toBe('Tarif de septembre');
    expect((await reference.tariffOn('2026-08-31')).version).toMatchObject({ label: 'Tarif révisé juillet 2026', validTo: '2026-08-31' });
  });
});
