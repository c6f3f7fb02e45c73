import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
import { useLanguage } from '../i18n/formats';
import { section } from '../session/access';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { financePaths, providers, yesterday, type ReconciliationReport } from './reconciliation';

/**
 * The morning task: the operator's statement of a day (its CSV, as downloaded from the
 * operator's portal) set against the platform's payments. The report opens once it is made.
 */
export function StatementImport() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const navigate = useNavigate();
  const ids = useId();
  const [provider, setProvider] = useState<string>(providers[0]);
  const [day, setDay] = useState(yesterday());
  const [file, setFile] = useState<File | null>(null);
  const { pending, error, run } = useSubmission();

  function send(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      if (!file) throw new ApiError(400, 'statement_missing', t('finance.import.fileMissing'), language);
      // Spreadsheet programs label CSV files differently; the API reads it as text/csv.
      const statement = new Blob([file], { type: 'text/csv' });
      const report = await request<ReconciliationReport>(financePaths.importStatement(provider, day), { method: 'POST', body: statement });
      await navigate(`${section('finance').path}/reconciliations/${encodeURIComponent(report.id)}`);
    });
  }

  return (
    <section className="card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('finance.import.title')}</h2>
      <p>{t('finance.import.intro')}</p>
      <form className="form" onSubmit={send} aria-labelledby={`${ids}-title`}>
        <Field id={`${ids}-provider`} label={t('finance.import.provider')}>
          {(control) => (
            <select {...control} value={provider} onChange={(event) => setProvider(event.target.value)}>
              {providers.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`finance.providers.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${ids}-day`} label={t('finance.import.day')} hint={t('finance.import.dayHint')}>
          {(control) => <input {...control} type="date" required value={day} onChange={(event) => setDay(event.target.value)} />}
        </Field>
        <Field id={`${ids}-file`} label={t('finance.import.file')} hint={t('finance.import.fileHint')}>
          {(control) => <input {...control} type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
        </Field>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {t('finance.import.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
