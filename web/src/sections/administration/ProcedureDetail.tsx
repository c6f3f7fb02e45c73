import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../../api/useApiResource';
import { useFormats, useLanguage } from '../../i18n/formats';
import { definitionPath, type ProcedureDefinition } from '../../portal/definition';
import { ErrorAlert, StatusMessage } from '../../shell/ErrorAlert';
import { Loading } from '../../shell/Loading';
import { ProcedureDownloads } from './ProcedureDownloads';
import { ProcedureOverview } from './ProcedureOverview';
import { ProcedurePublish } from './ProcedurePublish';

interface ProcedureDetailProps {
  procedureId: string;
  /** The currency fees are charged in, from the catalogue summary. */
  currency: string | undefined;
  onClose(): void;
  /** A new version is out: the list's version column is stale. */
  onPublished(): void;
}

/** One procedure's current version, its downloads, and the form that publishes the next one. */
export function ProcedureDetail({ procedureId, currency, onClose, onPublished }: ProcedureDetailProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const current = useApiResource<ProcedureDefinition>(definitionPath(procedureId));
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const loaded = current.data !== undefined;

  // Opening the panel (or a new version replacing it) starts the reading at its heading.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, current.data?.version]);

  async function published(version: number) {
    await current.reload();
    onPublished();
    setAnnouncement(t('procedures.publish.published', { version: formats.number(version) }));
  }

  const definition = current.data;
  return (
    <article className="stack procedure-detail" aria-labelledby={`${ids}-heading`}>
      <div className="actions">
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('procedures.back')}
        </button>
      </div>
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={current.error} />
      {definition ? (
        <>
          <h3 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
            {t('procedures.detailTitle', { title: definition.title[language], version: formats.number(definition.version) })}
          </h3>
          <p>{definition.description[language]}</p>
          <ProcedureOverview definition={definition} currency={currency} />
          <ProcedureDownloads definition={definition} />
          {/* A new current version starts a new draft from it. */}
          <ProcedurePublish
            key={definition.version}
            current={definition}
            onAttempt={() => setAnnouncement(null)}
            onPublished={(version) => void published(version)}
          />
        </>
      ) : current.loading ? (
        <Loading />
      ) : null}
    </article>
  );
}
