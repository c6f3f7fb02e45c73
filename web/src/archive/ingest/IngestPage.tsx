import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { Session } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { useSubmission } from '../../forms/useSubmission';
import { useLanguage } from '../../i18n/formats';
import { useSession } from '../../session/SessionContext';
import { describeError, ErrorAlert, StatusMessage } from '../../shell/ErrorAlert';
import { Loading } from '../../shell/Loading';
import { PageHeading } from '../../shell/PageHeading';
import { archivePaths } from '../console';
import { BatchFormCard } from './BatchFormCard';
import { FileProgressList } from './FileProgressList';
import { batchBody, ingestApi, rowsWithBatch, stillReading, waitingRow, type Batch, type BatchForm, type Choices, type FileRow } from './ingest';
import { uploadWithProgress } from './upload';
import './ingest.css';

/** How often the page asks how the reading goes. */
const POLL_MS = 1000;

/**
 * The archivists' ingest of scanned paper records: the batch's description, the files (each sent
 * with its own progress bar and refused on its own, with the reason), then the reading of each file
 * and the package it became, followed until the batch is done.
 */
export default function IngestPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const choices = useApiResource<Choices>(ingestApi.choices);
  const { pending, error, setError, run } = useSubmission();
  const [batch, setBatch] = useState<Batch | null>(null);
  const [rows, setRows] = useState<FileRow[]>([]);
  const [nothingAccepted, setNothingAccepted] = useState(false);
  const pollError = useRef<unknown>(null);

  const setRow = useCallback((index: number, change: Partial<FileRow>) => setRows((previous) => previous.map((row, at) => (at === index ? { ...row, ...change } : row))), []);

  function send(form: BatchForm, files: File[]) {
    void run(async () => {
      if (files.length === 0) throw new ApiError(400, 'archive_files_missing', t('archiveIngest.filesMissing'), language);
      const opened = await request<Batch>(ingestApi.batches, { method: 'POST', body: batchBody(form) });
      setNothingAccepted(false);
      setRows(files.map((file, index) => waitingRow(file.name, index)));
      setBatch(opened);
      const { csrfToken } = await request<Session>('/api/session');
      let accepted = 0;
      // One file at a time: each bar moves on its own, and a refusal is told for that file alone.
      for (const [index, file] of files.entries()) {
        setRow(index, { phase: 'uploading', progress: 0 });
        try {
          await uploadWithProgress(ingestApi.file(opened.id, file.name), file, { language, csrfToken, onProgress: (progress) => setRow(index, { progress }) });
          setRow(index, { phase: 'queued', progress: 0 });
          accepted += 1;
        } catch (refusal) {
          setRow(index, { phase: 'refused', refusal: { message: describeError(refusal, t), language: refusal instanceof ApiError ? refusal.language : language } });
        }
      }
      if (accepted === 0) {
        setNothingAccepted(true);
        return;
      }
      setBatch(await request<Batch>(ingestApi.submit(opened.id), { method: 'POST' }));
    });
  }

  // While files are read, the page asks for news every second.
  useEffect(() => {
    if (!stillReading(batch) || !batch) return undefined;
    const timer = setTimeout(() => {
      request<Batch>(ingestApi.batch(batch.id)).then(
        (news) => {
          pollError.current = null;
          setBatch(news);
          setRows((previous) => rowsWithBatch(previous, news, language));
        },
        (failure: unknown) => {
          // Kept, and tried again at the next tick: a lost answer does not stop the following.
          pollError.current = failure;
          setBatch({ ...batch });
        },
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [batch, request, language]);

  function again() {
    setBatch(null);
    setRows([]);
    setNothingAccepted(false);
    setError(null);
  }

  const done = batch?.state === 'done';
  return (
    <div className="stack">
      <PageHeading>{t('archiveIngest.title')}</PageHeading>
      <p className="lead">{t('archiveIngest.intro')}</p>
      <p>
        <Link to={archivePaths.console}>{t('archiveIngest.backToConsole')}</Link>
      </p>
      {batch ? (
        <>
          <FileProgressList reference={batch.reference} rows={rows} />
          <ErrorAlert error={error ?? pollError.current} />
          <StatusMessage
            message={done ? t('archiveIngest.done', { reference: batch.reference, stored: batch.counts.stored, refused: batch.counts.refused + rows.filter((r) => r.phase === 'refused' && !batch.items.some((i) => i.name === r.name)).length }) : nothingAccepted ? t('archiveIngest.nothingAccepted') : null}
            tone={done ? 'success' : 'info'}
          />
          {done || nothingAccepted ? (
            <div className="actions">
              <button type="button" className="button" onClick={again}>
                {t('archiveIngest.again')}
              </button>
            </div>
          ) : null}
        </>
      ) : choices.data ? (
        <BatchFormCard choices={choices.data} pending={pending} error={error} onSend={send} />
      ) : (
        <>
          <ErrorAlert error={choices.error} />
          {choices.error ? null : <Loading />}
        </>
      )}
    </div>
  );
}
