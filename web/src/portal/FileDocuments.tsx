import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentList } from '../applications/DocumentList';
import { documentPaths, type DocumentSummary } from '../applications/documents';
import { useApiResource } from '../api/useApiResource';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';

/** How often, and how many times, to look again for a document issued just after the approval. */
const issuanceCheckMs = 2_000;
const issuanceChecks = 30;

interface FileDocumentsProps {
  applicationId: string;
  /** The file was approved and its procedure issues a document: it comes shortly after the decision. */
  expectDocument: boolean;
}

/**
 * What the file brought the applicant: the document issued on approval and the receipts of its
 * payments. Documents are issued just after the event that calls for them (an approval, a
 * payment), so one expected and not there yet is waited for, and said to be on its way.
 */
export function FileDocuments({ applicationId, expectDocument }: FileDocumentsProps) {
  const { t } = useTranslation();
  const documents = useApiResource<{ items: DocumentSummary[] }>(documentPaths.ofFile(applicationId));
  const checks = useRef(0);
  const { data, reload } = documents;
  const waiting = expectDocument && data !== undefined && !data.items.some((item) => item.kind === 'document') && checks.current < issuanceChecks;

  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => {
      checks.current += 1;
      void reload();
    }, issuanceCheckMs);
    return () => clearTimeout(timer);
  }, [waiting, data, reload]);

  return (
    <section className="card stack" aria-labelledby="file-documents">
      <h2 id="file-documents">{t('documents.title')}</h2>
      <p>{t('documents.intro')}</p>
      <StatusMessage message={waiting ? t('documents.preparing') : null} />
      <ErrorAlert error={documents.error} />
      {data ? <DocumentList documents={data.items} /> : documents.error ? null : <Loading />}
    </section>
  );
}
