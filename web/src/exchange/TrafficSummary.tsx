import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormats } from '../i18n/formats';
import { consolePaths } from './console';
import type { DirectionCounts, TrafficSummary as Summary, WindowCounts } from './types';

/** The last hour and the last day at a glance: how much went through, how much was refused or failed, and the outbox's backlog. */
export function TrafficSummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('exchange.summary.title')}</h3>
      <div className="counters">
        <Window title={t('exchange.summary.lastHour')} counts={summary.lastHour} />
        <Window title={t('exchange.summary.lastDay')} counts={summary.lastDay} />
        <div className="card">
          <h4>{t('exchange.summary.outbox')}</h4>
          <dl className="counter">
            {(['dead', 'pending', 'refused'] as const).map((status) => (
              <div key={status}>
                <dt>{t(`exchange.outboxStatus.${status}`)}</dt>
                <dd className={status === 'dead' && summary.outbox.dead > 0 ? 'counter__alarm' : undefined}>
                  <Link to={`${consolePaths.outbox}?status=${status}`}>{formats.number(summary.outbox[status])}</Link>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      <p className="field__hint">{t('exchange.summary.at', { time: formats.dateTime(summary.at) })}</p>
    </section>
  );
}

function Window({ title, counts }: { title: string; counts: WindowCounts }) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h4>{title}</h4>
      <dl className="counter">
        <Direction label={t('exchange.summary.in')} counts={counts.in} />
        <Direction label={t('exchange.summary.out')} counts={counts.out} />
      </dl>
    </div>
  );
}

function Direction({ label, counts }: { label: string; counts: DirectionCounts }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const failures = counts.statuses.filter((status) => status.outcome !== 'ok');
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {t('exchange.summary.counts', { total: formats.number(counts.total), ok: formats.number(counts.ok) })}
        {counts.refused + counts.failed > 0 ? (
          <span className="counter__alarm"> {t('exchange.summary.failures', { refused: formats.number(counts.refused), failed: formats.number(counts.failed) })}</span>
        ) : null}
        {failures.length > 0 ? (
          <ul className="cell-list">
            {failures.map((status) => (
              <li key={status.status}>
                <Link to={`${consolePaths.traffic}?status=${encodeURIComponent(status.status)}`}>
                  <code dir="ltr">{status.status}</code>
                </Link>{' '}
                × {formats.number(status.count)}
              </li>
            ))}
          </ul>
        ) : null}
      </dd>
    </div>
  );
}
