import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/database.ts';
import { fieldError } from '../../../platform/http/errors.ts';
import { cachedFor, type Cached } from '../cached.ts';
import { isCalendarDay } from './days.ts';

export interface ExchangeRate {
  currency: string;
  /** Units of national currency for one unit of `currency`, exactly as published. */
  rate: string;
  /** The day the rate was published for; it holds until the next one. */
  validOn: string;
}

/** A rate as published: a positive decimal with at most nine whole digits and ten decimals. */
const RATE = /^[0-9]{1,9}(\.[0-9]{1,10})?$/;
/** Days whose rates are kept in memory; the oldest is dropped beyond this. */
const DAYS_KEPT = 64;

/**
 * Exchange rates by day: the rate of a currency on a day is the latest published on or before it.
 * The rates of a day are read once per `cacheMs` (a declaration converts its values without a query).
 */
export function exchangeRateBook(db: Db, options: { cacheMs: number; nationalCurrency: string }) {
  const days = new Map<string, Cached<ReadonlyMap<string, ExchangeRate>>>();

  function ratesOn(date: string): Promise<ReadonlyMap<string, ExchangeRate>> {
    if (!isCalendarDay(date)) throw fieldError(400, 'validation_failed', 'date', { summary: `date ${date}` });
    let day = days.get(date);
    if (!day) {
      if (days.size >= DAYS_KEPT) days.delete(days.keys().next().value ?? '');
      day = cachedFor(options.cacheMs, async () => {
        const rows = await db
          .selectFrom('customs_exchange_rates')
          .distinctOn('currency')
          .select(['currency', 'rate', 'valid_on'])
          .where('valid_on', '<=', date)
          .orderBy('currency')
          .orderBy('valid_on', 'desc')
          .execute();
        return new Map(rows.map((row) => [row.currency, { currency: row.currency, rate: row.rate, validOn: row.valid_on }]));
      });
      days.set(date, day);
    }
    return day.get();
  }

  /**
   * The rate of each currency on `date`, as the assessment takes them (`AssessmentContext.exchangeRates`).
   * The national currency is 1. A currency without a rate on or before that day is refused at `path`.
   */
  async function exchangeRatesOn(date: string, currencies: readonly string[], path = 'currency'): Promise<Record<string, string>> {
    const rates = await ratesOn(date);
    const found: Record<string, string> = {};
    for (const currency of currencies) {
      const rate = currency === options.nationalCurrency ? '1' : rates.get(currency)?.rate;
      if (rate === undefined) throw fieldError(422, 'exchange_rate_missing', path, { currency, date });
      found[currency] = rate;
    }
    return found;
  }

  /** Publishes the rate of a currency from a day on; a day's rate once published is not rewritten. */
  async function publishRate(context: ChangeContext, input: { currency: string; validOn: string; rate: string | number }): Promise<ExchangeRate> {
    const rate = String(input.rate).trim();
    if (!RATE.test(rate) || Number(rate) === 0) throw fieldError(422, 'exchange_rate_invalid', 'rate', { rate });
    if (!isCalendarDay(input.validOn)) throw fieldError(400, 'validation_failed', 'validOn', { summary: `validOn ${input.validOn}` });
    if (input.currency === options.nationalCurrency) throw fieldError(422, 'exchange_rate_national_currency', 'currency', { currency: input.currency });
    const known = await db.selectFrom('customs_currencies').select('code').where('code', '=', input.currency).executeTakeFirst();
    if (!known) throw fieldError(422, 'currency_unknown', 'currency', { currency: input.currency });
    const published = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('customs_exchange_rates')
        .values({ currency: input.currency, valid_on: input.validOn, rate, published_by: context.actor.label })
        .onConflict((oc) => oc.columns(['currency', 'valid_on']).doNothing())
        .returning(['currency', 'valid_on', 'rate'])
        .executeTakeFirst();
      if (!row) throw fieldError(409, 'exchange_rate_exists', 'validOn', { currency: input.currency, date: input.validOn });
      const after = { currency: row.currency, rate: row.rate, validOn: row.valid_on };
      await recordAudit(trx, context, { action: 'customs.exchange_rate.published', recordType: 'customs_exchange_rate', recordId: `${row.currency}:${row.valid_on}`, after });
      return after;
    });
    // Any cached day on or after validOn may now have another rate.
    days.clear();
    return published;
  }

  return { ratesOn, exchangeRatesOn, publishRate };
}
