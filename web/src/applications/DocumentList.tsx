import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDayOf, useFormats, useLanguage } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { documentPaths, standingOf, type DocumentSummary } from './documents';
import { VerdictBadge } from './VerdictBadge';

interface DocumentListProps {
  documents: readonly DocumentSummary[];
  /** A last column of actions on each document (the back office's revocation). */
  actions?: { heading: string; render(document: DocumentSummary): ReactNode };
}

/**
 * The documents issued for a file and the receipts of its payments: each downloadable as the
 * signed PDF, with its validity and, once revoked, when and why.
 */
export function DocumentList({ documents, actions }: DocumentListProps) {
  const { t } = useTranslation();
  const ids = useId();
  const columns = [t('documents.columns.document'), t('documents.columns.issued'), t('documents.columns.validity'), t('documents.columns.standing'), t('documents.columns.file')];
  return (
    <DataTable
      captionId={`${ids}-caption`}
      caption={t('documents.caption')}
      columns={actions ? [...columns, actions.heading] : columns}
      rowCount={documents.length}
      emptyMessage={t('documents.none')}
    >
      {documents.map((document) => (
        <DocumentRow key={document.id} document={document} action={actions?.render(document)} />
      ))}
    </DataTable>
  );
}

function DocumentRow({ document, action }: { document: DocumentSummary; action: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const title = document.title[language];
  const standing = standingOf(document, calendarDayOf(new Date()));
  return (
    <tr>
      <th scope="row">
        <span className="cell-text">{title}</span>
        <span className="cell-note">
          {t(`documents.kind.${document.kind}`)} · <span className="identifier" dir="ltr">{document.number}</span>
        </span>
      </th>
      <td>
        <time dateTime={document.issuedAt}>{formats.date(document.issuedAt)}</time>
      </td>
      <td>
        {document.validUntil
          ? t('documents.validBetween', { from: formats.day(document.validFrom), until: formats.day(document.validUntil) })
          : t('documents.validFrom', { from: formats.day(document.validFrom) })}
      </td>
      <td>
        <VerdictBadge verdict={standing} />
        {document.revokedAt ? (
          <span className="cell-note">
            {t('documents.revokedOn', { date: formats.date(document.revokedAt) })} <q dir="auto">{document.revocationReason}</q>
          </span>
        ) : null}
      </td>
      <td>
        <a href={documentPaths.pdf(document.id)} download={`${document.number}.pdf`}>
          {t('documents.download')}
          <span className="visually-hidden"> {title}</span>
        </a>
      </td>
      {action === undefined ? null : <td>{action}</td>}
    </tr>
  );
}
