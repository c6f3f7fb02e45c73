import type { Db } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { today } from '../../cases/calendar.ts';
import { exchangeRateBook } from './exchange-rates.ts';
import { searchHs } from './hs-search.ts';
import { referenceLookups } from './lookups.ts';
import { tariffsInForce } from './tariff-in-force.ts';

export interface ReferenceDataDeps {
  db: Db;
  /** ISO 4217 code of the national currency, whose rate is 1 (the demo country's XOF by default). */
  nationalCurrency?: string;
  /** How long a process keeps the versions, rates and code lists before reading them again (an import elsewhere shows within it). */
  cacheMs?: number;
}

/**
 * The customs reference data as the other customs parts and the routes use it: the tariff in force
 * on a day, the exchange rates of a day, the code lists, the HS search. Loaded and imported by
 * ensureReferenceData and importTariff; read here, from memory once warm.
 */
import { vehicleClearanceRules } from './vehicle-rules.ts';

export function createReferenceData({ db, nationalCurrency = 'XOF', cacheMs = 1000 }: ReferenceDataDeps) {
  const tariffs = tariffsInForce(db, cacheMs);
  const rates = exchangeRateBook(db, { cacheMs, nationalCurrency });
  const lookups = referenceLookups(db, cacheMs);

  return {
    nationalCurrency,
    tariffOn: tariffs.tariffOn,
    tariffLine: tariffs.tariffLine,
    tariffVersions: tariffs.versions,
    exchangeRatesOn: rates.exchangeRatesOn,
    /** Every currency's rate on `date` (latest on or before it). */
    ratesOn: async (date: string) => [...(await rates.ratesOn(date)).values()],
    publishExchangeRate: rates.publishRate,
    vehicleClearanceRules,
    ...lookups,
    async searchHs(query: string, locale: Locale, limit = 20, date = today()) {
      const version = await tariffs.versionOn(date);
      return searchHs(db, { query, locale, limit, versionId: version?.id ?? null });
    },
  };
}

export type ReferenceData = ReturnType<typeof createReferenceData>;
