import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../i18n/formats';
import { ChannelBadge } from './ChannelBadge';
import { ExplanationList, useExplain } from './Explanation';
import type { RiskDecision } from './types';

/**
 * Why the declaration took its channel (docs/customs/risk.md): the criteria that hit, item by item,
 * the score against the thresholds, the channels profiles forced, and the random draws.
 */
export function RiskView({ risk }: { risk: RiskDecision | null }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const explain = useExplain();
  const ids = useId();
  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('customs.riskView.title')}</h2>
      {risk === null ? (
        <p className="empty-state">{t('customs.riskView.none')}</p>
      ) : (
        <>
          <p className="risk-score">
            <ChannelBadge channel={risk.channel} /> {t('customs.riskView.score', { score: formats.number(risk.score) })}
          </p>
          {risk.randomlySelected ? <p className="alert alert--info">{t('customs.riskView.random')}</p> : null}
          <section className="stack" aria-labelledby={`${ids}-hits`}>
            <h3 id={`${ids}-hits`}>{t('customs.riskView.hits')}</h3>
            {risk.hits.length === 0 ? (
              <p className="cell-note">{t('customs.riskView.noHits')}</p>
            ) : (
              <ul className="explanation">
                {risk.hits.map((hit, index) => (
                  <li key={index}>{explain(hit.explanation)}</li>
                ))}
              </ul>
            )}
          </section>
          <section className="stack" aria-labelledby={`${ids}-decision`}>
            <h3 id={`${ids}-decision`}>{t('customs.riskView.decision')}</h3>
            <ExplanationList parts={risk.explanation} />
          </section>
          {risk.tariffVersion ? <p className="cell-note">{t('customs.riskView.tariffVersion', { label: risk.tariffVersion.label })}</p> : null}
        </>
      )}
    </section>
  );
}
