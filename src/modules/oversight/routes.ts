import { Type } from 'typebox';
import { principalOf } from '../../platform/http/request-context.ts';
import { Closed, errors, LocaleSchema } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { csvOf } from './csv.ts';
import { audienceOf, FIGURE_NAMES, readFigure, type FigureDeps, type FigureName } from './figures.ts';

const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD, included; the period is at most 366 days, the last 30 by default' });
const common = {
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: the same figure as a CSV file' })),
  lang: Type.Optional({ ...LocaleSchema, description: "Language of the CSV header (else the request's language)" }),
};
const CustomsQuery = Closed({
  ...common,
  officeCode: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{2,10}$', description: 'Customs office of lodgement (or of payment, for revenue)' })),
  system: Type.Optional(Type.Union([Type.Literal('guichet'), Type.Literal('legacy')], { description: 'Only the declarations of one system' })),
});
const AgencyQuery = Closed({ ...common, agency: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,31}$', description: "An issuing agency's code; a ministry's staff may name only their own" })) });

const SUMMARIES: Record<FigureName, string> = {
  'declarations-per-day': 'Declarations lodged per day, by regime and channel',
  'clearance-time': 'Lodgement to release (WCO Time Release Study): histogram, median and 90th percentile by channel',
  revenue: 'Duties and taxes collected, by tax and office (by day of payment)',
  'systems-share': 'Declarations per month through Guichet and through the legacy system',
  risk: 'The risk criteria that hit most, and inspection outcomes by channel',
  licences: 'Licence usage by issuing agency: permits active and issued, quantities drawn down and held',
  procedures: 'Online procedures: files submitted, decided, processing time and deadline compliance, by agency',
};

/** One route per dashboard figure: JSON with its table, or the same table as CSV (`?format=csv`). */
export function oversightRoutes(app: App, deps: FigureDeps): void {
  for (const name of FIGURE_NAMES) {
    const customs = audienceOf(name) === 'customs';
    app.get(`/api/oversight/${name}`, {
      config: { access: customs ? 'oversight.customs' : 'oversight.agency' },
      schema: {
        tags: ['oversight'],
        summary: SUMMARIES[name],
        querystring: customs ? CustomsQuery : AgencyQuery,
        response: { 200: Type.Unknown({ description: 'The figure, its period and its table; text/csv with format=csv' }), ...errors(400, 401, 403) },
      },
    }, async (request, reply) => {
      const query = request.query as { format?: 'json' | 'csv'; lang?: 'fr' | 'ar' | 'en' } & Parameters<typeof readFigure>[3];
      const { period, data, table } = await readFigure(deps, principalOf(request), name, query);
      if (query.format !== 'csv') return { figure: name, period, ...data, table };
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${period.from}-${period.to}.csv"`)
        .send(csvOf(table, query.lang ?? request.locale));
    });
  }
}
