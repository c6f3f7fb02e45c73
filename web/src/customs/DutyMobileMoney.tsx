import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentIntentView } from '../applications/payments';
import { isolate } from '../i18n/languages';
import { useMoney } from '../portal/money';
import { PaymentWait } from '../portal/PaymentWait';
import { PhoneField } from '../portal/PhoneField';
import { useMobileMoneyPayment } from '../portal/useMobileMoneyPayment';
import { ErrorAlert } from '../shell/ErrorAlert';

interface DutyMobileMoneyProps {
  declarationId: string;
  amount: number;
  currency: string;
  onPaid(message: string): Promise<void>;
}

type Phase = { kind: 'form'; lastFailure: PaymentIntentView | null } | { kind: 'waiting'; intent: PaymentIntentView };

/**
 * Duties by mobile money: the operator prompts the payer's phone, the page waits for its answer
 * (the applicant portal's wait, with the demo's simulated phone), then reads the declaration again.
 */
export function DutyMobileMoney({ declarationId, amount, currency, onPaid }: DutyMobileMoneyProps) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'form', lastFailure: null });
  // The wait words its success for a file's fee; a declaration's payment is said in its own words.
  const paid = useCallback(
    (intent: PaymentIntentView | null) =>
      onPaid(intent?.receiptNumber ? t('customs.payment.paid', { receipt: isolate(intent.receiptNumber) }) : t('customs.payment.paidByPhone')),
    [onPaid, t],
  );
  if (phase.kind === 'waiting') {
    return (
      <section className="stack">
        <PaymentWait key={phase.intent.id} intent={phase.intent} onFailed={(intent) => setPhase({ kind: 'form', lastFailure: intent })} onPaid={() => paid(null)} />
      </section>
    );
  }
  return (
    <PhoneForm
      declarationId={declarationId}
      amount={amount}
      currency={currency}
      lastFailure={phase.lastFailure}
      onStarted={(intent) => setPhase({ kind: 'waiting', intent })}
      onSettled={(intent) => void paid(intent)}
      onPaidMeanwhile={(message) => void onPaid(message)}
    />
  );
}

interface PhoneFormProps extends Omit<DutyMobileMoneyProps, 'onPaid'> {
  lastFailure: PaymentIntentView | null;
  onStarted(intent: PaymentIntentView): void;
  onSettled(intent: PaymentIntentView): void;
  onPaidMeanwhile(message: string): void;
}

function PhoneForm({ declarationId, amount, currency, lastFailure, onStarted, onSettled, onPaidMeanwhile }: PhoneFormProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const ids = useId();
  const { typed, type, invalid, pending, error, pay } = useMobileMoneyPayment({ declarationId }, lastFailure, { onStarted, onSucceeded: onSettled, onAlreadyPaid: onPaidMeanwhile });
  const failure = lastFailure ? t(`payment.failure.${lastFailure.failureReason ?? 'unknown'}`, { defaultValue: t('payment.failure.other', { reason: lastFailure.failureReason }) }) : null;

  return (
    <form className="form payment-form" onSubmit={pay} noValidate aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('payment.mobile.title')}</h3>
      {failure ? (
        <p className="alert alert--warning" role="alert">
          {t('customs.payment.mobileFailed', { reason: failure })}
        </p>
      ) : null}
      <p>{t('customs.payment.mobileIntro')}</p>
      <PhoneField id={`${ids}-phone`} value={typed} invalid={invalid} onChange={type} />
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {t('payment.mobile.pay', { amount: money(amount, currency) })}
        </button>
      </div>
    </form>
  );
}
