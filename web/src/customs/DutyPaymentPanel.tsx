import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { attemptFor, newIdempotencyKey, type PaymentAttempt, type PaymentIntentView } from '../applications/payments';
import { useSubmission } from '../forms/useSubmission';
import { isolate } from '../i18n/languages';
import { useMoney } from '../portal/money';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { DutyMobileMoney } from './DutyMobileMoney';
import { dutyPaymentPaths, mayPayDuties, shortfallOf, type PrepaidAccount } from './dutyPayment';
import type { DeclarationDetail } from './types';

interface DutyPaymentProps {
  detail: DeclarationDetail;
  /** Reads the declaration again: paid, it moves on to its release. */
  onChanged(): Promise<void>;
}

/**
 * The company's side of an assessed declaration: pay its duties and taxes, from the company's
 * prepaid account or by mobile money. Once paid the panel gives way to the release's progress,
 * and says the payment went through.
 */
export function DutyPayment({ detail, onChanged }: DutyPaymentProps) {
  const user = useSignedInUser();
  const [paid, setPaid] = useState<string | null>(null);
  const onPaid = useCallback(
    async (message: string) => {
      setPaid(message);
      await onChanged();
    },
    [onChanged],
  );
  const company = user.company;
  return (
    <>
      <StatusMessage message={paid} tone="success" />
      {company && mayPayDuties(detail, company) && detail.totalDue ? (
        <DutyPaymentPanel detail={detail} amount={detail.totalDue} company={company} onPaid={onPaid} />
      ) : null}
    </>
  );
}

interface PanelProps {
  detail: DeclarationDetail;
  amount: number;
  company: { taxId: string; name: string };
  onPaid(message: string): Promise<void>;
}

function DutyPaymentPanel({ detail, amount, company, onPaid }: PanelProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const ids = useId();
  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('customs.payment.title')}</h2>
      <p className="assessment-total">{t('customs.payment.due', { amount: money(amount, detail.currency), reference: isolate(detail.reference) })}</p>
      <div className="duty-ways">
        <PrepaidPayment detail={detail} amount={amount} company={company} onPaid={onPaid} />
        <DutyMobileMoney declarationId={detail.id} amount={amount} currency={detail.currency} onPaid={onPaid} />
      </div>
    </section>
  );
}

/**
 * From the company's prepaid account: taken at once, or refused with what the account lacks
 * (409 prepaid_insufficient, nothing taken). The balance shown is read again after each attempt.
 */
function PrepaidPayment({ detail, amount, company, onPaid }: PanelProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const { request } = useSession();
  const ids = useId();
  const account = useApiResource<PrepaidAccount>(dutyPaymentPaths.account(company.taxId));
  const { pending, error, setError, run } = useSubmission();
  // Kept across retries of the same request, so a lost answer never becomes a second payment.
  const attempt = useRef<PaymentAttempt | null>(null);
  const shortfall = shortfallOf(error);

  function pay() {
    const body = { declarationId: detail.id };
    const current = attemptFor(attempt.current, body, newIdempotencyKey);
    attempt.current = current;
    void run(
      async () => {
        const intent = await request<PaymentIntentView>(dutyPaymentPaths.prepaid, { method: 'POST', body, headers: { 'Idempotency-Key': current.key } });
        attempt.current = null;
        await onPaid(t('customs.payment.paid', { receipt: isolate(intent.receiptNumber ?? '—') }));
      },
      (failure) => {
        // Paid meanwhile (by mobile money, at the desk): the server names the receipt.
        if (failure instanceof ApiError && failure.code === 'fee_already_paid') void onPaid(failure.message);
        else setError(failure);
        void account.reload();
      },
    );
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('customs.payment.prepaid.title')}</h3>
      {account.data ? (
        <p>{t('customs.payment.prepaid.balance', { company: isolate(account.data.name), balance: money(account.data.balance, account.data.currency) })}</p>
      ) : account.loading ? (
        <Loading />
      ) : null}
      <ErrorAlert error={shortfall ? null : (error ?? account.error)} />
      {shortfall ? (
        <p className="alert alert--error" role="alert">
          {t('customs.payment.prepaid.insufficient', {
            balance: money(shortfall.balance, shortfall.currency),
            amount: money(shortfall.amount, shortfall.currency),
            missing: money(shortfall.missing, shortfall.currency),
          })}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button" disabled={pending} onClick={pay}>
          {t('customs.payment.prepaid.pay', { amount: money(amount, detail.currency) })}
        </button>
      </div>
    </section>
  );
}
