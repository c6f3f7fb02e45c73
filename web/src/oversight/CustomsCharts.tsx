import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormats } from '../i18n/formats';
import { Bars, CHART_HEIGHT, channelColours, palette, pivot, useAxes } from './chartParts';
import { FigureCard, type FigureAnswer } from './FigureCard';
import { durationParts, type DashboardFilters } from './figureQuery';

interface PerDay extends FigureAnswer { rows: { day: string; regime: string; channel: string; count: number }[] }
interface Clearance extends FigureAnswer {
  overall: { released: number; medianSeconds: number | null; p90Seconds: number | null };
  histogram: { fromSeconds: number; toSeconds: number | null; count: number }[];
}
interface Revenue extends FigureAnswer { currency: string; rows: { officeCode: string; tax: string; amount: number }[] }
interface Share extends FigureAnswer { months: { month: string; guichet: number; legacy: number; guichetShare: number }[] }
interface Risk extends FigureAnswer { criteria: { profileId: string; criterion: string; count: number }[]; inspections: { channel: string; outcome: string; count: number }[] }

function useDuration() {
  const { t } = useTranslation();
  return (seconds: number) => {
    const { days, hours, minutes } = durationParts(seconds);
    if (days > 0) return t('oversight.duration.days', { days, hours });
    if (hours > 0) return t('oversight.duration.hours', { hours, minutes: String(minutes).padStart(2, '0') });
    return t('oversight.duration.minutes', { minutes });
  };
}

export function DeclarationsPerDay({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const { number } = useFormats();
  const [by, setBy] = useState<'channel' | 'regime'>('channel');
  return (
    <FigureCard<PerDay>
      name="declarations-per-day"
      filters={filters}
      isEmpty={(data) => data.rows.length === 0}
      controls={
        <fieldset className="oversight-toggle">
          <legend>{t('oversight.stackBy')}</legend>
          {(['channel', 'regime'] as const).map((choice) => (
            <label key={choice}>
              <input type="radio" name="stack-by" checked={by === choice} onChange={() => setBy(choice)} /> {t(`oversight.columns.${choice}`)}
            </label>
          ))}
        </fieldset>
      }
      summary={(data) => t('oversight.figures.declarations-per-day.summary', { total: number(data.rows.reduce((sum, r) => sum + r.count, 0)), days: new Set(data.rows.map((r) => r.day)).size })}
      chart={(data) => {
        const { rows, series } = pivot(data.rows, (r) => r.day, (r) => (by === 'channel' ? r.channel : r.regime), (r) => r.count);
        const colour = (name: string, i: number) => (by === 'channel' ? channelColours[name] : undefined) ?? palette[i % palette.length]!;
        return <Bars stacked rows={rows} series={series.map((key, i) => ({ key, name: t(`oversight.${by === 'channel' ? 'channels' : 'regimes'}.${key}`), colour: colour(key, i) }))} />;
      }}
    />
  );
}

export function ClearanceTime({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const axes = useAxes();
  // Class bounds are whole hours or whole days: `1–2 h`, `1–2 d`, `≥ 7 d`.
  const bound = (seconds: number) => (seconds % 86_400 === 0 ? t('oversight.duration.wholeDays', { days: seconds / 86_400 }) : t('oversight.duration.wholeHours', { hours: seconds / 3_600 }));
  const classLabel = (c: Clearance['histogram'][number]) => (c.toSeconds === null ? `≥ ${bound(c.fromSeconds)}` : c.fromSeconds === 0 ? `< ${bound(c.toSeconds)}` : `${bound(c.fromSeconds)} – ${bound(c.toSeconds)}`);
  return (
    <FigureCard<Clearance>
      name="clearance-time"
      filters={filters}
      isEmpty={(data) => data.overall.released === 0}
      summary={(data) =>
        t('oversight.figures.clearance-time.summary', { released: data.overall.released, median: duration(data.overall.medianSeconds ?? 0), p90: duration(data.overall.p90Seconds ?? 0) })
      }
      chart={(data) => {
        const rows = data.histogram.map((c) => ({ category: classLabel(c), count: c.count }));
        const median = data.overall.medianSeconds ?? 0;
        const medianClass = data.histogram.find((c) => c.toSeconds === null || median < c.toSeconds);
        return (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart accessibilityLayer={false} data={rows} margin={{ top: 24, right: 16, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="category" interval={0} fontSize={12} {...axes.x} />
              <YAxis allowDecimals={false} {...axes.y} />
              <Tooltip />
              <Bar dataKey="count" name={t('oversight.columns.released')} fill={palette[0]} />
              {medianClass ? <ReferenceLine x={classLabel(medianClass)} stroke="#c62828" strokeWidth={3} label={{ value: t('oversight.median', { value: duration(median) }), position: 'top' }} /> : null}
            </BarChart>
          </ResponsiveContainer>
        );
      }}
    />
  );
}

export function RevenueByTax({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const { number } = useFormats();
  return (
    <FigureCard<Revenue>
      name="revenue"
      filters={filters}
      isEmpty={(data) => data.rows.length === 0}
      summary={(data) => t('oversight.figures.revenue.summary', { amount: number(data.rows.reduce((sum, r) => sum + r.amount, 0)), currency: data.currency, offices: new Set(data.rows.map((r) => r.officeCode)).size })}
      chart={(data) => {
        const { rows, series } = pivot(data.rows, (r) => r.officeCode, (r) => r.tax, (r) => r.amount);
        return <Bars stacked rows={rows} format={number} series={series.map((key, i) => ({ key, name: t(`oversight.taxes.${key}`), colour: palette[i % palette.length]! }))} />;
      }}
    />
  );
}

export function SystemsShare({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  return (
    <FigureCard<Share>
      name="systems-share"
      filters={filters}
      isEmpty={(data) => data.months.length === 0}
      summary={(data) => {
        const guichet = data.months.reduce((sum, m) => sum + m.guichet, 0);
        const legacy = data.months.reduce((sum, m) => sum + m.legacy, 0);
        return t('oversight.figures.systems-share.summary', { percent: guichet + legacy === 0 ? 0 : Math.round((100 * guichet) / (guichet + legacy)), guichet, legacy });
      }}
      chart={(data) => (
        <Bars
          stacked
          rows={data.months.map((m) => ({ category: m.month, guichet: m.guichet, legacy: m.legacy }))}
          series={(['guichet', 'legacy'] as const).map((key, i) => ({ key, name: t(`oversight.columns.${key}`), colour: palette[i]! }))}
        />
      )}
    />
  );
}

export function RiskCriteria({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const axes = useAxes();
  return (
    <FigureCard<Risk>
      name="risk"
      filters={filters}
      isEmpty={(data) => data.criteria.length === 0 && data.inspections.length === 0}
      summary={(data) => {
        const top = data.criteria[0];
        const inspected = data.inspections.filter((i) => i.outcome !== 'none').reduce((sum, i) => sum + i.count, 0);
        const found = data.inspections.filter((i) => i.outcome === 'discrepancy' || i.outcome === 'seizure').reduce((sum, i) => sum + i.count, 0);
        return t('oversight.figures.risk.summary', { top: top ? `${top.profileId} (${t(`oversight.criteria.${top.criterion}`, { defaultValue: top.criterion })})` : '—', inspected, found });
      }}
      chart={(data) => {
        const { rows, series } = pivot(data.inspections, (r) => t(`oversight.channels.${r.channel}`), (r) => r.outcome, (r) => r.count);
        return (
          <div className="oversight-pair">
            {data.criteria.length === 0 ? null : (
              <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
                <BarChart accessibilityLayer={false} layout="vertical" data={data.criteria.map((c) => ({ category: `${c.profileId} · ${t(`oversight.criteria.${c.criterion}`, { defaultValue: c.criterion })}`, count: c.count }))}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} {...axes.x} />
                  <YAxis type="category" dataKey="category" width={200} {...axes.y} />
                  <Tooltip />
                  <Bar dataKey="count" name={t('oversight.columns.declarations')} fill={palette[2]} />
                </BarChart>
              </ResponsiveContainer>
            )}
            <Bars stacked rows={rows} series={series.map((key, i) => ({ key, name: t(`oversight.outcomes.${key}`), colour: palette[(i + 3) % palette.length]! }))} />
          </div>
        );
      }}
    />
  );
}
