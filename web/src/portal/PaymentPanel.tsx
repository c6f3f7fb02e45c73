import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { paymentPaths, type PaymentIntentView } from '../applications/payments';
import type { ApplicationView, Fee } from '../applications/types';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { FeeLines } from './FeeSummary';
import { useMoney } from './money';
import { PaymentWait } from './PaymentWait';
import { PhoneField } from './PhoneField';
import { useMobileMoneyPayment } from './useMobileMoneyPayment';

interface PaymentPanelProps {
  view: ApplicationView & { fee: Fee };
  /** The fee is paid (now, or already): the file moves on and the page says so. */
  onPaid(message: string): Promise<void>;
}

/**
 * Paying a file's fee: by mobile money from here, or in cash at the Treasury desk. A payment under
 * way when the page opens (a reload, a second visit) is shown as it stands, never started again.
 */
export function PaymentPanel({ view, onPaid }: PaymentPanelProps) {
  const { t } = useTranslation();
  const payments = useApiResource<{ items: PaymentIntentView[] }>(paymentPaths.ofFile(view.id));
  return (
    <section className="card stack" aria-labelledby="file-payment">
      <h2 id="file-payment">{t('payment.title')}</h2>
      <FeeLines fee={view.fee} />
      {payments.data ? (
        <MobileMoney view={view} latest={latestMobileMoney(payments.data.items)} onPaid={onPaid} />
      ) : payments.error ? (
        <ErrorAlert error={payments.error} />
      ) : (
        <Loading />
      )}
      <h3>{t('payment.desk.title')}</h3>
      <p>{t('payment.desk.body', { reference: view.reference })}</p>
    </section>
  );
}

function latestMobileMoney(items: readonly PaymentIntentView[]): PaymentIntentView | null {
  const mobile = items.filter((intent) => intent.provider === 'mobile_money');
  return mobile.reduce<PaymentIntentView | null>((latest, intent) => (latest === null || intent.createdAt > latest.createdAt ? intent : latest), null);
}

type Phase = { kind: 'form'; lastFailure: PaymentIntentView | null } | { kind: 'waiting'; intent: PaymentIntentView };

function MobileMoney({ view, latest, onPaid }: { view: PaymentPanelProps['view']; latest: PaymentIntentView | null; onPaid: PaymentPanelProps['onPaid'] }) {
  const [phase, setPhase] = useState<Phase>(() =>
    latest?.state === 'pending' ? { kind: 'waiting', intent: latest } : { kind: 'form', lastFailure: latest?.state === 'failed' ? latest : null },
  );
  if (phase.kind === 'waiting') {
    return (
      <PaymentWait
        key={phase.intent.id}
        intent={phase.intent}
        onFailed={(intent) => setPhase({ kind: 'form', lastFailure: intent })}
        onPaid={onPaid}
      />
    );
  }
  return <PhoneForm view={view} lastFailure={phase.lastFailure} onStarted={(intent) => setPhase({ kind: 'waiting', intent })} onPaid={onPaid} />;
}

interface PhoneFormProps {
  view: PaymentPanelProps['view'];
  lastFailure: PaymentIntentView | null;
  onStarted(intent: PaymentIntentView): void;
  onPaid(message: string): Promise<void>;
}

function PhoneForm({ view, lastFailure, onStarted, onPaid }: PhoneFormProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const ids = useId();
  const { typed, type, invalid, pending, error, pay } = useMobileMoneyPayment({ applicationId: view.id }, lastFailure, { onStarted, onSucceeded: (intent) => void onPaid(t('payment.succeeded', { receipt: intent.receiptNumber ?? '—' })), onAlreadyPaid: (message) => void onPaid(message) });

  return (
    <form className="form payment-form" onSubmit={pay} noValidate aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('payment.mobile.title')}</h3>
      {lastFailure ? (
        <p className="alert alert--warning" role="alert">
          {t('payment.mobile.failed', { reason: failureText(t, lastFailure.failureReason) })}
        </p>
      ) : null}
      <p>{t('payment.mobile.intro')}</p>
      <PhoneField id={`${ids}-phone`} value={typed} invalid={invalid} onChange={type} />
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {lastFailure ? t('payment.mobile.retry', { amount: money(view.fee.total, view.fee.currency) }) : t('payment.mobile.pay', { amount: money(view.fee.total, view.fee.currency) })}
        </button>
      </div>
    </form>
  );
}

/** An operator's refusal in the reader's words when the platform knows the reason, else the reason as recorded. */
function failureText(t: TFunction, reason: string | null): string {
  if (!reason) return t('payment.failure.unknown');
  return t(`payment.failure.${reason}`, { defaultValue: t('payment.failure.other', { reason }) });
}
