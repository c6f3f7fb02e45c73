import { useId, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { attemptFor, newIdempotencyKey, paymentPaths, phoneNumber, type PaymentAttempt, type PaymentIntentView } from '../applications/payments';
import type { ApplicationView, Fee } from '../applications/types';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
import { useLanguage } from '../i18n/formats';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { FeeLines } from './FeeSummary';
import { useMoney } from './money';
import { PaymentWait } from './PaymentWait';

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
  const language = useLanguage();
  const { request } = useSession();
  const ids = useId();
  const [typed, setTyped] = useState(lastFailure?.phone ?? '');
  const [invalid, setInvalid] = useState(false);
  const { pending, error, setError, run } = useSubmission();
  // Kept across retries of the same request, so a lost answer never becomes a second payment.
  const attempt = useRef<PaymentAttempt | null>(null);

  function pay(event: FormEvent) {
    event.preventDefault();
    const phone = phoneNumber(typed);
    setInvalid(phone === null);
    if (phone === null) return;
    const body = { applicationId: view.id, provider: 'mobile_money', phone };
    const current = attemptFor(attempt.current, body, newIdempotencyKey);
    attempt.current = current;
    void run(
      async () => {
        const intent = await request<PaymentIntentView>(paymentPaths.intents, { method: 'POST', body, headers: { 'Idempotency-Key': current.key } });
        // Answered: the next attempt (after a refusal by the operator) is a new one.
        attempt.current = null;
        if (intent.state === 'succeeded') await onPaid(t('payment.succeeded', { receipt: intent.receiptNumber ?? '—' }));
        else onStarted(intent);
      },
      (failure) => {
        // Paid meanwhile (at the desk, from another device): the server names the receipt.
        if (failure instanceof ApiError && failure.code === 'fee_already_paid') void onPaid(failure.message);
        else setError(failure);
      },
    );
  }

  return (
    <form className="form payment-form" onSubmit={pay} noValidate aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('payment.mobile.title')}</h3>
      {lastFailure ? (
        <p className="alert alert--warning" role="alert">
          {t('payment.mobile.failed', { reason: failureText(t, lastFailure.failureReason) })}
        </p>
      ) : null}
      <p>{t('payment.mobile.intro')}</p>
      <Field
        id={`${ids}-phone`}
        label={t('payment.mobile.phone')}
        hint={t('payment.mobile.phoneHint')}
        error={invalid ? { text: t('payment.mobile.phoneInvalid'), language } : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            dir="ltr"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              setInvalid(false);
            }}
          />
        )}
      </Field>
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
