import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { documentPaths, type DocumentSummary } from '../applications/documents';
import { useFormats } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { dutyPaymentPaths, releaseStanding } from './dutyPayment';
import type { DeclarationView } from './types';
import { useFollowUp, type FollowUp } from './useFollowUp';

interface ReleaseStatusProps {
  view: DeclarationView;
  /** Reads the declaration again: the release happens on the server shortly after payment. */
  reload(): Promise<void>;
}

/**
 * After payment: the release under way (the page reads the declaration again a few times), blocked
 * by a document no longer valid, or given, with the signed release note to download.
 */
export function ReleaseStatus({ view, reload }: ReleaseStatusProps) {
  const { t } = useTranslation();
  const ids = useId();
  const standing = releaseStanding(view);
  const follow = useFollowUp(standing === 'releasing', reload);
  if (standing === null) return null;
  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('customs.release.title')}</h2>
      {standing === 'released' ? (
        <Released view={view} />
      ) : standing === 'blocked' ? (
        <p className="alert alert--warning" role="status">
          {t('customs.release.blocked')}
        </p>
      ) : (
        <div className="live-region" aria-live="polite" aria-atomic="true">
          <p className="alert alert--info">{follow.gaveUp ? t('customs.release.slow') : t('customs.release.inProgress')}</p>
        </div>
      )}
      {standing === 'releasing' ? <CheckAgain follow={follow} /> : null}
    </section>
  );
}

function Released({ view }: { view: DeclarationView }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <>
      <p className="alert alert--success">
        {t('customs.release.released', { date: view.releasedAt ? formats.dateTime(view.releasedAt) : '—' })}
      </p>
      <ReleaseNoteLink declarationId={view.id} />
    </>
  );
}

/** The release note is issued from the release's event, a moment after it: 404 until then. */
function ReleaseNoteLink({ declarationId }: { declarationId: string }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [note, setNote] = useState<DocumentSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const read = useCallback(async () => {
    try {
      setNote(await request<DocumentSummary>(dutyPaymentPaths.releaseNote(declarationId)));
      setError(null);
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 404)) setError(failure);
    }
  }, [request, declarationId]);
  const follow = useFollowUp(note === null, read, { immediate: true });

  if (note === null) {
    return (
      <>
        <ErrorAlert error={error} />
        <p className="cell-note">{follow.gaveUp ? t('customs.release.noteLate') : t('customs.release.notePreparing')}</p>
        <CheckAgain follow={follow} />
      </>
    );
  }
  return (
    <p>
      <a className="button" href={documentPaths.pdf(note.id)} download={`${note.number}.pdf`}>
        {t('customs.release.download', { number: isolate(note.number) })}
      </a>
    </p>
  );
}

/** Once the page has stopped reading by itself, the reader may ask it to read again. */
function CheckAgain({ follow }: { follow: FollowUp }) {
  const { t } = useTranslation();
  if (!follow.gaveUp) return null;
  return (
    <div className="actions">
      <button type="button" className="button button--secondary" onClick={follow.again}>
        {t('customs.release.checkNow')}
      </button>
    </div>
  );
}
