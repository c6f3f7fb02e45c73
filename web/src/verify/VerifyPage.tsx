import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useSubmission } from '../forms/useSubmission';
import { useLanguage } from '../i18n/formats';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { PageHeading } from '../shell/PageHeading';
import { CameraScan } from './CameraScan';
import { qrInImage } from './qrImage';
import { maxPdfBytes, uploadKind, verifyPaths, type VerificationResult } from './verification';
import { PastedCodeForm } from './PastedCodeForm';
import { VerificationReport } from './VerificationReport';
import '../applications/documents.css';
import './verify.css';

/**
 * The public verification page (issue 4, `/verify`): anyone handed a document Guichet issued (a
 * bank, an employer, a border post) checks it without an account, by its QR code scanned or
 * photographed, by the PDF itself, or by the code pasted. The signature is checked by the server
 * against the issuing agency's published keys; `guichet verify` does the same offline.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const ids = useId();
  const { pending, error, setError, run } = useSubmission();
  const [result, setResult] = useState<VerificationResult | null>(null);

  // A refusal the page makes itself (a picture without a code), worded like the server's.
  const refuse = (code: string, message: string) => new ApiError(400, code, message, language);

  function verify(send: () => Promise<VerificationResult>) {
    setResult(null);
    void run(async () => setResult(await send()));
  }

  function verifyPayload(payload: string) {
    verify(() => request<VerificationResult>(verifyPaths.payload, { method: 'POST', body: { payload } }));
  }

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const kind = uploadKind(file);
    if (kind === 'pdf') {
      if (file.size > maxPdfBytes) {
        setError(refuse('file_too_large', t('verify.upload.tooLarge')));
        return;
      }
      const pdf = file.type === 'application/pdf' ? file : new Blob([file], { type: 'application/pdf' });
      verify(() => request<VerificationResult>(verifyPaths.pdf, { method: 'POST', body: pdf }));
    } else if (kind === 'image') {
      verify(async () => {
        const payload = await qrInImage(file).catch(() => {
          throw refuse('image_unreadable', t('verify.upload.unreadable'));
        });
        if (payload === null) throw refuse('qr_not_found', t('verify.upload.noQr'));
        return request<VerificationResult>(verifyPaths.payload, { method: 'POST', body: { payload } });
      });
    } else {
      setError(refuse('file_type_not_allowed', t('verify.upload.wrongType')));
    }
  }

  function verifyPasted(payload: string) {
    if (payload === '') {
      setError(refuse('payload_missing', t('verify.paste.missing')));
      return;
    }
    verifyPayload(payload);
  }

  return (
    <div className="stack">
      <PageHeading>{t('verify.title')}</PageHeading>
      <p className="lead">{t('verify.intro')}</p>
      <div className="verify-ways">
        <section className="card stack" aria-labelledby={`${ids}-camera`}>
          <h2 id={`${ids}-camera`}>{t('verify.camera.title')}</h2>
          <CameraScan onPayload={verifyPayload} />
        </section>
        <section className="card stack" aria-labelledby={`${ids}-upload`}>
          <h2 id={`${ids}-upload`}>{t('verify.upload.title')}</h2>
          <div className="field">
            <label htmlFor={`${ids}-file`}>{t('verify.upload.label')}</label>
            <p id={`${ids}-file-hint`} className="field__hint">
              {t('verify.upload.hint')}
            </p>
            <input
              id={`${ids}-file`}
              type="file"
              accept="application/pdf,.pdf,image/*"
              aria-describedby={`${ids}-file-hint`}
              disabled={pending}
              onChange={chooseFile}
            />
          </div>
        </section>
        <section className="card stack" aria-labelledby={`${ids}-paste`}>
          <h2 id={`${ids}-paste`}>{t('verify.paste.title')}</h2>
          <PastedCodeForm submitLabel={t('verify.paste.submit')} pending={pending} onPayload={verifyPasted} />
        </section>
      </div>
      <div aria-live="polite" className="live-region">
        {pending ? <p>{t('verify.checking')}</p> : null}
      </div>
      <ErrorAlert error={error} />
      {result ? <VerificationReport result={result} /> : null}
    </div>
  );
}
