import { useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { DocumentList } from '../applications/DocumentList';
import { documentPaths, type DocumentSummary } from '../applications/documents';
import { useSubmission } from '../forms/useSubmission';
import { useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { isCaseworker } from './caseworker';

/** The shortest and longest reason the server takes for a revocation. */
const reasonLength = { min: 3, max: 500 };

/**
 * The documents issued for the file and its receipts, as the applicant holds them. The issuing
 * agency's officers and administrators revoke one, with a reason anyone verifying it will read;
 * the server decides who may (documents.revoke) and its refusal is shown as it words it.
 */
export function CaseDocuments({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useSignedInUser();
  const ids = useId();
  const documents = useApiResource<{ items: DocumentSummary[] }>(documentPaths.ofFile(applicationId));
  const [revoking, setRevoking] = useState<DocumentSummary | null>(null);
  const [done, setDone] = useState<DocumentSummary | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const mayRevoke = isCaseworker(user);

  return (
    <section className="card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} ref={heading} tabIndex={-1}>
        {t('documents.title')}
      </h2>
      <StatusMessage message={done ? t('documents.revoke.done', { document: isolate(done.title[language]), number: done.number }) : null} tone="success" />
      <ErrorAlert error={documents.error} />
      {documents.data ? (
        <DocumentList
          documents={documents.data.items}
          actions={
            mayRevoke
              ? {
                  heading: t('common.actions'),
                  // A receipt is voided by refunding its payment, not by revoking it here.
                  render: (document) =>
                    document.revokedAt || document.kind !== 'document' ? null : (
                      <button type="button" className="button button--secondary button--small" onClick={() => setRevoking(document)}>
                        {t('documents.revoke.button')}
                        <span className="visually-hidden"> {document.number}</span>
                      </button>
                    ),
                }
              : undefined
          }
        />
      ) : documents.error ? null : (
        <Loading />
      )}
      {revoking ? (
        <RevokeDialog
          document={revoking}
          fallbackFocus={heading}
          onCancel={() => setRevoking(null)}
          onRevoked={async (revoked) => {
            setRevoking(null);
            setDone(revoked);
            await documents.reload();
          }}
        />
      ) : null}
    </section>
  );
}

interface RevokeDialogProps {
  document: DocumentSummary;
  fallbackFocus: RefObject<HTMLElement | null>;
  onCancel(): void;
  onRevoked(document: DocumentSummary): Promise<void>;
}

function RevokeDialog({ document, fallbackFocus, onCancel, onRevoked }: RevokeDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const { pending, error, run } = useSubmission();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const ids = useId();

  function confirm() {
    const text = reason.trim();
    setTooShort(text.length < reasonLength.min);
    if (text.length < reasonLength.min) return;
    void run(async () => {
      const revoked = await request<DocumentSummary>(documentPaths.revoke(document.id), { method: 'POST', body: { reason: text } });
      await onRevoked(revoked);
    });
  }

  return (
    <ConfirmDialog
      title={t('documents.revoke.title', { number: document.number })}
      confirmLabel={t('documents.revoke.confirm')}
      pending={pending}
      error={error}
      fallbackFocus={fallbackFocus}
      onCancel={onCancel}
      onConfirm={confirm}
    >
      <p>{t('documents.revoke.body', { document: isolate(document.title[language]), holder: isolate(document.holderName) })}</p>
      <div className="field">
        <label htmlFor={`${ids}-reason`}>{t('documents.revoke.reason')}</label>
        <p id={`${ids}-hint`} className="field__hint">
          {t('documents.revoke.reasonHint')}
        </p>
        {tooShort ? (
          <p id={`${ids}-error`} className="field__error">
            {t('documents.revoke.reasonMissing')}
          </p>
        ) : null}
        <textarea
          id={`${ids}-reason`}
          rows={3}
          required
          maxLength={reasonLength.max}
          aria-describedby={tooShort ? `${ids}-hint ${ids}-error` : `${ids}-hint`}
          aria-invalid={tooShort || undefined}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
    </ConfirmDialog>
  );
}
