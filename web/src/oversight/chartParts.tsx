import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLanguage } from '../i18n/formats';

/** The channels' colours, as the customs screens show them (a fifth grey for the unrouted). */
export const channelColours: Record<string, string> = { green: '#2e7d32', yellow: '#b08900', red: '#c62828', blue: '#1565c0', none: '#757575' };
/** A palette for the other series, distinguishable in greyscale order too. */
export const palette = ['#1b4f72', '#d35400', '#117a65', '#7d3c98', '#b7950b', '#5d6d7e', '#a93226', '#2471a3'];
export const CHART_HEIGHT = 280;

/** Arabic reads right to left: the category axis runs that way and the value axis stands on the right. */
export function useAxes() {
  const rtl = useLanguage() === 'ar';
  return { x: { reversed: rtl }, y: { orientation: rtl ? ('right' as const) : ('left' as const) } };
}

/** Rows of (category, series, value) as one object per category, the shape stacked bars take. */
export function pivot<R>(rows: readonly R[], category: (r: R) => string, series: (r: R) => string, value: (r: R) => number): { rows: Record<string, string | number>[]; series: string[] } {
  const byCategory = new Map<string, Record<string, string | number>>();
  const names = new Set<string>();
  for (const row of rows) {
    const key = category(row);
    const entry = byCategory.get(key) ?? { category: key };
    const name = series(row);
    names.add(name);
    entry[name] = ((entry[name] as number | undefined) ?? 0) + value(row);
    byCategory.set(key, entry);
  }
  return { rows: [...byCategory.values()], series: [...names].sort() };
}

export interface BarSeries {
  key: string;
  name: string;
  colour: string;
}

interface BarsProps {
  /** One object per category (`category`), a value per series key. */
  rows: readonly Record<string, string | number>[];
  series: readonly BarSeries[];
  /** Stacked in one bar per category, or side by side. */
  stacked: boolean;
  /** How a value is written on the axis and in the tooltip (whole counts when absent). */
  format?: (value: number) => string;
}

/** The dashboards' bar chart: categories along, values up, one colour per series with its legend. */
export function Bars({ rows, series, stacked, format }: BarsProps) {
  const axes = useAxes();
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart accessibilityLayer={false} data={[...rows]}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="category" {...axes.x} />
        <YAxis width={format ? 90 : 60} allowDecimals={!!format} {...(format ? { tickFormatter: format } : {})} {...axes.y} />
        <Tooltip {...(format ? { formatter: (value: unknown) => format(Number(value)) } : {})} />
        <Legend />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} {...(stacked ? { stackId: 'stack' } : {})} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
