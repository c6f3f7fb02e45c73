import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { useLanguage } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { figureQuery, type DashboardFilters, type FigureName } from './figureQuery';

/** What every figure route answers: its period, its own data, and the same as a table. */
export interface FigureAnswer {
  period: { from: string; to: string };
  table: { columns: string[]; rows: (string | number | null)[][] };
}

interface FigureCardProps<T extends FigureAnswer> {
  name: FigureName;
  filters: DashboardFilters;
  /** The chart (an SVG, hidden from screen readers: the summary and the table say the same). */
  chart(data: T): ReactNode;
  /** One or two sentences a screen reader hears instead of the chart. */
  summary(data: T): string;
  isEmpty(data: T): boolean;
  /** Choices about how the chart is drawn (not hidden with it). */
  controls?: ReactNode;
}

/**
 * One dashboard figure: its title, chart and text summary, the table behind the chart (WCAG 2.2
 * SC 1.1.1: the chart's content as text), and its CSV download, in the interface's language.
 */
export function FigureCard<T extends FigureAnswer>({ name, filters, chart, summary, isEmpty, controls }: FigureCardProps<T>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const query = figureQuery(name, filters);
  const { data, error, loading } = useApiResource<T>(`/api/oversight/${name}?${query}`);
  const csv = `/api/oversight/${name}?${figureQuery(name, filters, { format: 'csv', lang: language })}`;

  return (
    <section className="card oversight-figure" aria-labelledby={`${id}-title`} data-figure={name}>
      <h2 id={`${id}-title`}>{t(`oversight.figures.${name}.title`)}</h2>
      <p className="field__hint">{t(`oversight.figures.${name}.description`)}</p>
      <ErrorAlert error={error} />
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          {isEmpty(data) ? (
            <p className="empty-state">{t('oversight.empty')}</p>
          ) : (
            <figure className="oversight-figure__chart">
              {controls}
              <div aria-hidden="true">{chart(data)}</div>
              <figcaption>{summary(data)}</figcaption>
            </figure>
          )}
          <details>
            <summary>{t('oversight.table')}</summary>
            <DataTable
              captionId={`${id}-table`}
              caption={t(`oversight.figures.${name}.title`)}
              columns={data.table.columns.map((column) => t(`oversight.columns.${column}`))}
              rowCount={data.table.rows.length}
              emptyMessage={t('oversight.empty')}
              dense
            >
              {data.table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column}>{cell ?? '—'}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </details>
          <p>
            <a className="button button--secondary button--small" href={csv} download>
              {t('oversight.csv')}
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}
