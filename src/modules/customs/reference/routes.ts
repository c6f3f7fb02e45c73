import { Type } from 'typebox';
import { today } from '../../cases/calendar.ts';
import { changeContext } from '../../../platform/http/request-context.ts';
import { fieldError } from '../../../platform/http/errors.ts';
import { Closed, errors } from '../../../platform/http/schema.ts';
import type { App } from '../../../platform/http/server.ts';
import { Country, Currency, CustomsOffice, Day, ExchangeRate, HsMatch, TariffLineView, TariffVersion } from './http-schema.ts';
import type { ReferenceData } from './service.ts';

const items = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item) });
const OnDay = Closed({ date: Type.Optional(Day('the day asked about; today (UTC) when absent')) });

export function customsReferenceRoutes(app: App, reference: ReferenceData): void {
  const tags = ['customs reference data'];
  const read = { access: 'customs.reference.read' } as const;

  app.get('/api/customs/hs', {
    config: read,
    schema: {
      tags,
      summary: 'Search the HS nomenclature and the national tariff by code prefix (1006, 1006.30) or by words in French, English or Arabic; descriptions in the caller’s language',
      querystring: Closed({
        q: Type.String({ minLength: 1, maxLength: 100 }),
        limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        date: Type.Optional(Day('whose tariff’s national lines are searched; today when absent')),
      }),
      response: { 200: items(HsMatch), ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await reference.searchHs(request.query.q, request.locale, request.query.limit, request.query.date ?? today()) }));

  app.get('/api/customs/tariff/lines/:line', {
    config: read,
    schema: {
      tags,
      summary: 'A national tariff line as in force on a day: duty band, VAT, excise, community preference, and the version it belongs to',
      params: Closed({ line: Type.String({ pattern: '^[0-9]{4}\\.?[0-9]{2}\\.?[0-9]{2}\\.?[0-9]{2}$', description: '1006.30.00.00 or 1006300000' }) }),
      querystring: OnDay,
      response: { 200: TariffLineView, ...errors(400, 401, 403, 404, 422) },
    },
  }, async (request) => {
    const date = request.query.date ?? today();
    const found = await reference.tariffLine(request.params.line, date);
    if (!found) throw fieldError(404, 'assessment_unknown_tariff_line', 'line', { line: request.params.line, date });
    const { line, version, feeRates } = found;
    return { ...line, excise: line.excise ?? null, version, feeRates };
  });

  app.get('/api/customs/tariff/versions', {
    config: read,
    schema: { tags, summary: 'Every tariff version, latest first, with its validity and fee rates', response: { 200: items(TariffVersion), ...errors(401, 403) } },
  }, async () => ({ items: await reference.tariffVersions() }));

  app.get('/api/customs/countries', {
    config: read,
    schema: { tags, summary: 'Countries (ISO 3166-1 alpha-2) with their names, currency and community membership', response: { 200: items(Country), ...errors(401, 403) } },
  }, async () => ({ items: await reference.countries() }));

  app.get('/api/customs/currencies', {
    config: read,
    schema: { tags, summary: 'Currencies in circulation (ISO 4217) with their minor unit', response: { 200: items(Currency), ...errors(401, 403) } },
  }, async () => ({ items: await reference.currencies() }));

  app.get('/api/customs/offices', {
    config: read,
    schema: { tags, summary: 'Customs offices of the country: ports, airport, border posts, inland depots', response: { 200: items(CustomsOffice), ...errors(401, 403) } },
  }, async () => ({ items: await reference.offices() }));

  app.get('/api/customs/exchange-rates', {
    config: read,
    schema: {
      tags,
      summary: 'The exchange rate of every currency on a day: the latest published on or before it',
      querystring: OnDay,
      response: { 200: Type.Object({ date: Type.String({ format: 'date' }), items: Type.Array(ExchangeRate) }), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const date = request.query.date ?? today();
    return { date, items: await reference.ratesOn(date) };
  });

  app.post('/api/customs/exchange-rates', {
    config: { access: 'customs.reference.manage' },
    schema: {
      tags,
      summary: 'Publish the rate of a currency from a day on (audited); a rate once published for a day is not rewritten',
      body: Closed({
        currency: Type.String({ pattern: '^[A-Z]{3}$' }),
        validOn: Day('the first day the rate holds'),
        rate: Type.Union([Type.String({ maxLength: 32 }), Type.Number()], { description: 'units of national currency for one unit, a positive decimal; a string keeps it exact' }),
      }),
      response: { 201: ExchangeRate, ...errors(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await reference.publishExchangeRate(changeContext(request), request.body)));
}
