import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainVerdict } from '../../api/types';
import { useFormats } from '../../i18n/formats';
import { useSession } from '../../session/SessionContext';
import { ErrorAlert } from '../../shell/ErrorAlert';

/**
 * Recomputes every entry's hash from the first (the server does it, `GET /api/audit/verify`) and
 * says whether the chain holds. The verdict is announced where the button is, without moving focus.
 */
export function ChainCheck() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { request } = useSession();
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ids = useId();

  async function verify() {
    setPending(true);
    setError(null);
    setVerdict(null);
    try {
      setVerdict(await request<ChainVerdict>('/api/audit/verify'));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('audit.chain.title')}</h2>
      <p>{t('audit.chain.intro')}</p>
      <p>
        <button type="button" className="button" disabled={pending} onClick={() => void verify()}>
          {pending ? t('audit.chain.verifying') : t('audit.chain.verify')}
        </button>
      </p>
      <div className="live-region" aria-live="polite" aria-atomic="true">
        {verdict?.ok ? (
          <div className="alert alert--success">
            <p className="chain-verdict__summary">
              {t('audit.chain.intact', { checked: formats.number(verdict.checked), lastSeq: verdict.lastSeq })}
            </p>
            <p className="chain-verdict__hash">
              {t('audit.chain.headHash')} <code dir="ltr">{verdict.lastHash}</code>
            </p>
          </div>
        ) : null}
        {verdict && !verdict.ok ? (
          <div className="alert alert--error">
            <p className="chain-verdict__summary">
              {verdict.problem?.kind === 'missing'
                ? t('audit.chain.missing', { seq: verdict.problem.seq })
                : t('audit.chain.altered', { seq: verdict.problem?.seq ?? verdict.lastSeq })}
            </p>
            {/* The server states the problem in English only; it is kept as evidence, marked as such. */}
            {verdict.problem ? (
              <p className="chain-verdict__hash">
                {t('audit.chain.technical')} <span lang="en">{verdict.problem.message}</span>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
