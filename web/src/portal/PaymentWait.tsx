import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentIntentView } from '../applications/payments';
import { useLanguage } from '../i18n/formats';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { useMoney } from './money';
import { useIntentWatch } from './useIntentWatch';

interface PaymentWaitProps {
  intent: PaymentIntentView;
  onPaid(message: string): Promise<void>;
  onFailed(intent: PaymentIntentView): void;
}

/**
 * "Confirm on your phone": the operator prompted the payer, the page waits for the answer. A
 * silent operator is said to be silent, not taken for a refusal: the payment may still arrive.
 */
export function PaymentWait({ intent: started, onPaid, onFailed }: PaymentWaitProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const { intent, silent, error, checkNow } = useIntentWatch(started);
  const reported = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // The form the payer used is gone: reading resumes at what to do next.
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    if (reported.current) return;
    if (intent.state === 'succeeded') {
      reported.current = true;
      void onPaid(t('payment.succeeded', { receipt: intent.receiptNumber ?? '—' }));
    } else if (intent.state === 'failed') {
      reported.current = true;
      onFailed(intent);
    } else if (intent.state !== 'pending') {
      // Paid, but the file no longer waited for it (paid at the desk meanwhile): given back.
      reported.current = true;
      void onPaid(t('payment.refunding'));
    }
  }, [intent, onPaid, onFailed, t]);

  return (
    <div className="stack payment-wait">
      <h3 ref={heading} tabIndex={-1}>
        {t('payment.wait.title')}
      </h3>
      <StatusMessage
        message={t('payment.wait.prompted', { amount: money(intent.amount, intent.currency), phone: `\u2066${intent.phone ?? ''}\u2069` })}
      />
      <p>{t('payment.wait.how')}</p>
      {intent.phoneUrl ? <DemoPhoneLink url={intent.phoneUrl} /> : null}
      {silent ? (
        <div className="alert alert--warning" role="status">
          <p>{t('payment.wait.silent')}</p>
        </div>
      ) : (
        <p className="cell-note">{t('payment.wait.checking')}</p>
      )}
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={checkNow}>
          {t('payment.wait.checkNow')}
        </button>
      </div>
    </div>
  );
}

/**
 * The demonstration's stand-in for the payer's handset: the simulated operator's page, where its
 * prompt is confirmed or declined. A real operator prompts on the phone itself (USSD push).
 */
function DemoPhoneLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const target = new URL(url, window.location.href);
  target.searchParams.set('lang', language);
  return (
    <p className="alert alert--info">
      {t('payment.wait.demo')}{' '}
      <a href={target.toString()} target="_blank" rel="noopener noreferrer">
        {t('payment.wait.openPhone')}
        <span className="visually-hidden"> {t('payment.wait.newTab')}</span>
      </a>
    </p>
  );
}
