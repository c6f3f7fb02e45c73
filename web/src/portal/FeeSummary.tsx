import { useTranslation } from 'react-i18next';
import type { Fee } from '../applications/types';
import { useLanguage } from '../i18n/formats';
import { useMoney } from './money';

/** The fee computed at submission, line by line, and whether it is paid. */
export function FeeSummary({ fee }: { fee: Fee }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoney();
  return (
    <section className="card" aria-labelledby="file-fee">
      <h2 id="file-fee">{t('portal.fee.title')}</h2>
      <ul className="plain-list">
        {fee.lines.map((line, index) => (
          <li key={index}>{t('portal.fees.fixed', { label: line.label[language], amount: money(line.amount, fee.currency) })}</li>
        ))}
      </ul>
      <p>
        <strong>{t('portal.fee.total', { amount: money(fee.total, fee.currency) })}</strong> —{' '}
        <span className={fee.paid ? 'status status--on' : 'status status--off'}>{fee.paid ? t('portal.fee.paid') : t('portal.fee.unpaid')}</span>
      </p>
      {!fee.paid ? <p className="cell-note">{t('portal.fee.howToPay')}</p> : null}
    </section>
  );
}
