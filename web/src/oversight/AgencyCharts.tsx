import { useTranslation } from 'react-i18next';
import { useFormats } from '../i18n/formats';
import { Bars, palette } from './chartParts';
import { FigureCard, type FigureAnswer } from './FigureCard';
import type { DashboardFilters } from './figureQuery';

interface Licences extends FigureAnswer {
  rows: { agencyCode: string; type: string; unit: string; issued: number; active: number; authorised: number; drawn: number; drawingDeclarations: number; heldNow: number }[];
}
interface Procedures extends FigureAnswer {
  rows: { agencyCode: string; procedureId: string; submitted: number; decided: number; medianDays: number | null; p90Days: number | null; onTime: number; overdueNow: number }[];
}

export function LicenceUsage({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const { number } = useFormats();
  return (
    <FigureCard<Licences>
      name="licences"
      filters={filters}
      isEmpty={(data) => data.rows.length === 0}
      summary={(data) => t('oversight.figures.licences.summary', { active: data.rows.reduce((sum, r) => sum + r.active, 0), declarations: data.rows.reduce((sum, r) => sum + r.drawingDeclarations, 0), agencies: new Set(data.rows.map((r) => r.agencyCode)).size })}
      chart={(data) => (
        <Bars
          stacked={false}
          format={number}
          rows={data.rows.map((r) => ({ category: `${r.agencyCode} · ${r.type} (${r.unit})`, authorised: r.authorised, drawn: r.drawn, held_now: r.heldNow }))}
          series={(['authorised', 'drawn', 'held_now'] as const).map((key, i) => ({ key, name: t(`oversight.columns.${key}`), colour: palette[i]! }))}
        />
      )}
    />
  );
}

export function ProcedureTimes({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const { number } = useFormats();
  return (
    <FigureCard<Procedures>
      name="procedures"
      filters={filters}
      isEmpty={(data) => data.rows.length === 0}
      summary={(data) => {
        const submitted = data.rows.reduce((sum, r) => sum + r.submitted, 0);
        const onTime = data.rows.reduce((sum, r) => sum + r.onTime, 0);
        return t('oversight.figures.procedures.summary', { submitted, percent: submitted === 0 ? 0 : Math.round((100 * onTime) / submitted), procedures: data.rows.length });
      }}
      chart={(data) => (
        <Bars
          stacked={false}
          format={(days) => number(Math.round(days * 10) / 10)}
          rows={data.rows.map((r) => ({ category: `${r.agencyCode} · ${r.procedureId}`, median_days: r.medianDays ?? 0, p90_days: r.p90Days ?? 0 }))}
          series={(['median_days', 'p90_days'] as const).map((key, i) => ({ key, name: t(`oversight.columns.${key}`), colour: palette[i * 3]! }))}
        />
      )}
    />
  );
}
