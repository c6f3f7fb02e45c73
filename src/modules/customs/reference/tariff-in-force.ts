import type { Db } from '../../../platform/db/database.ts';
import { fieldError } from '../../../platform/http/errors.ts';
import type { TariffLine } from '../assessment/types.ts';
import { cachedFor } from '../cached.ts';
import { isCalendarDay } from './days.ts';
import { displayCode, nationalLineDigits } from './hs-codes.ts';
import type { ExactExcise } from './schema.ts';
import { tariffVersions, type ExactFeeRates, type TariffVersion, type TariffVersionDetails } from './tariff-store.ts';

/** A line of the national tariff with what the tariff says of the goods; rates as exact decimal text. */
export interface NationalTariffLine extends TariffLine {
  hs6: string;
  description: string;
  vatPercent: string;
  excise?: ExactExcise;
}

/** What a declaration of that day is assessed with (customs/assessment). */
export interface TariffInForce {
  version: TariffVersion;
  /** By national line written with dots, `1006.30.00.00`. */
  tariff: ReadonlyMap<string, NationalTariffLine>;
  feeRates: ExactFeeRates;
}

const versionSummary = ({ id, label, validFrom, validTo }: TariffVersionDetails): TariffVersion => ({ id, label, validFrom, validTo });

async function loadLines(db: Db, versionId: string): Promise<ReadonlyMap<string, NationalTariffLine>> {
  const rows = await db
    .selectFrom('customs_tariff_lines')
    .select(['national_line', 'hs6', 'description', 'duty_band', 'vat_percent', 'excise', 'community_preference'])
    .where('version_id', '=', versionId)
    .execute();
  return new Map(
    rows.map((row) => {
      const nationalLine = displayCode(row.national_line);
      const line: NationalTariffLine = {
        nationalLine,
        hs6: row.hs6,
        description: row.description,
        dutyBand: row.duty_band,
        vatPercent: row.vat_percent,
        communityPreference: row.community_preference,
        ...(row.excise ? { excise: row.excise } : {}),
      };
      return [nationalLine, line];
    }),
  );
}

/**
 * The tariff in force on a day. The list of versions is read again at most every `cacheMs` (an
 * import in another process shows within that time); a version's lines never change, so they are
 * read once per version and kept: assessing a declaration costs no query.
 */
export function tariffsInForce(db: Db, cacheMs: number) {
  const versions = cachedFor(cacheMs, () => tariffVersions(db));
  const lines = new Map<string, Promise<ReadonlyMap<string, NationalTariffLine>>>();

  function linesOf(versionId: string) {
    let loaded = lines.get(versionId);
    if (!loaded) {
      loaded = loadLines(db, versionId);
      lines.set(versionId, loaded);
      loaded.catch(() => lines.delete(versionId));
    }
    return loaded;
  }

  async function versionOn(date: string): Promise<TariffVersionDetails | null> {
    if (!isCalendarDay(date)) throw fieldError(400, 'validation_failed', 'date', { summary: `date ${date}` });
    return (await versions.get()).find((v) => v.validFrom <= date && (v.validTo === null || date <= v.validTo)) ?? null;
  }

  async function tariffOn(date: string): Promise<TariffInForce> {
    const version = await versionOn(date);
    if (!version) throw fieldError(422, 'tariff_not_in_force', 'date', { date });
    return { version: versionSummary(version), tariff: await linesOf(version.id), feeRates: version.feeRates };
  }

  /** The line in force on `date`, written with or without dots; null when that day's tariff has no such line. */
  async function tariffLine(line: string, date: string): Promise<{ line: NationalTariffLine; version: TariffVersion; feeRates: ExactFeeRates } | null> {
    const digits = nationalLineDigits(line);
    const inForce = await tariffOn(date);
    const found = digits === null ? undefined : inForce.tariff.get(displayCode(digits));
    return found ? { line: found, version: inForce.version, feeRates: inForce.feeRates } : null;
  }

  return {
    versionOn,
    tariffOn,
    tariffLine,
    versions: () => versions.get(),
    invalidate: () => versions.invalidate(),
  };
}
