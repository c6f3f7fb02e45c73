import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { attemptFor, newIdempotencyKey, paymentPaths, type PaymentAttempt, type PaymentIntentView } from '../applications/payments';
import type { ApplicationSummary, Fee } from '../applications/types';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
import { useLanguage } from '../i18n/formats';
import { useMoney } from '../portal/money';
import { useSession } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';

type DueFile = ApplicationSummary & { fee: Fee };

/**
 * A cashier's desk: the files awaiting their fee, found by the reference the applicant quotes,
 * and the cash taken recorded as a counter payment against the desk's receipt number (payments
 * module: booked in the ledger, a signed receipt issued). The file then moves on by itself.
 */
export function CashierDesk() {
  const { t } = useTranslation();
  const ids = useId();
  const [reference, setReference] = useState('');
  const [searched, setSearched] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const due = useApiResource<{ items: DueFile[] }>(`/api/fees/due${searched ? `?reference=${encodeURIComponent(searched)}` : ''}`);

  function search(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setSearched(reference.trim());
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('cashier.title')}</h2>
      <p>{t('cashier.intro')}</p>
      <form className="form card" role="search" onSubmit={search}>
        <Field id={`${ids}-reference`} label={t('cashier.reference')} hint={t('cashier.referenceHint')}>
          {(control) => <input {...control} dir="ltr" value={reference} onChange={(event) => setReference(event.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t('cashier.search')}
          </button>
        </div>
      </form>
      <StatusMessage message={done} tone="success" />
      <ErrorAlert error={due.error} />
      {due.data ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('cashier.caption')}
          columns={[t('cashier.columns.reference'), t('cashier.columns.procedure'), t('cashier.columns.applicant'), t('cashier.columns.amount'), t('cashier.columns.receipt')]}
          rowCount={due.data.items.length}
          emptyMessage={searched ? t('cashier.noneForReference', { reference: searched }) : t('cashier.none')}
        >
          {due.data.items.map((file) => (
            <DueRow
              key={file.id}
              file={file}
              onPaid={(receipt) => {
                setDone(t('cashier.recorded', { reference: file.reference, receipt }));
                void due.reload();
              }}
            />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function DueRow({ file, onPaid }: { file: DueFile; onPaid: (receipt: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoney();
  const { request } = useSession();
  const { pending, error, run } = useSubmission();
  const [receipt, setReceipt] = useState('');
  // Kept while the same receipt is sent again, so a lost answer never records the payment twice.
  const attempt = useRef<PaymentAttempt | null>(null);
  const receiptId = `receipt-${file.id}`;

  function record(event: FormEvent) {
    event.preventDefault();
    const body = { applicationId: file.id, receipt: receipt.trim() };
    const current = attemptFor(attempt.current, body, newIdempotencyKey);
    attempt.current = current;
    void run(async () => {
      await request<PaymentIntentView>(paymentPaths.counter, { method: 'POST', body, headers: { 'Idempotency-Key': current.key } });
      onPaid(body.receipt);
    });
  }

  return (
    <tr>
      <td dir="ltr">{file.reference}</td>
      <td>{file.procedureTitle[language]}</td>
      <td>{file.company ? `${file.company.name} (${file.applicant.label})` : file.applicant.label}</td>
      <td>{money(file.fee.total, file.fee.currency)}</td>
      <td>
        <form className="cashier-receipt" onSubmit={record}>
          <label htmlFor={receiptId} className="visually-hidden">
            {t('cashier.receiptFor', { reference: file.reference })}
          </label>
          <input id={receiptId} dir="ltr" required maxLength={64} value={receipt} onChange={(event) => setReceipt(event.target.value)} />
          <button type="submit" className="button" disabled={pending || receipt.trim() === ''}>
            {t('cashier.record')}
          </button>
        </form>
        <ErrorAlert error={error} />
      </td>
    </tr>
  );
}
