import { useTranslation } from 'react-i18next';
import type { Fee } from '../applications/types';
import { useLanguage } from '../i18n/formats';
import { useMoney } from './money';

/** The fee computed at submission, line by line, and its total. */
export function FeeLines({ fee }: { fee: Fee }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoney();
  return (
    <>
      <ul className="plain-list">
        {fee.lines.map((line, index) => (
          <li key={index}>{t('portal.fees.fixed', { label: line.label[language], amount: money(line.amount, fee.currency) })}</li>
        ))}
      </ul>
      <p>
        <strong>{t('portal.fee.total', { amount: money(fee.total, fee.currency) })}</strong>
      </p>
    </>
  );
}

/** The fee of a file that does not wait for it (paid, or the file closed first), and whether it is paid. */
export function FeeSummary({ fee }: { fee: Fee }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="file-fee">
      <h2 id="file-fee">{t('portal.fee.title')}</h2>
      <FeeLines fee={fee} />
      <p>
        <span className={fee.paid ? 'status status--on' : 'status status--off'}>{fee.paid ? t('portal.fee.paid') : t('portal.fee.unpaid')}</span>
      </p>
    </section>
  );
}
