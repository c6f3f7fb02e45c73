import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationSummary } from '../applications/types';
import { useFormats, useLanguage } from '../i18n/formats';
import { useSignedInUser } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { DeadlineChip, EscalatedBadge } from './DeadlineChip';
import type { QueueFilters } from './queueQuery';

interface QueueTableProps {
  captionId: string;
  items: readonly ApplicationSummary[];
  filters: QueueFilters;
}

/** One row per file: what it is, who filed it, where it stands and when it is due. */
export function QueueTable({ captionId, items, filters }: QueueTableProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const language = useLanguage();
  const user = useSignedInUser();
  const caption = t('backOffice.queue.caption', {
    sort: t(`backOffice.filters.sortKeys.${filters.sort}`),
    order: t(`backOffice.filters.orders.${filters.order}`),
  });

  return (
    <DataTable
      captionId={captionId}
      caption={caption}
      columns={[
        t('backOffice.columns.reference'),
        t('backOffice.columns.procedure'),
        t('backOffice.columns.applicant'),
        t('backOffice.columns.state'),
        t('backOffice.columns.deadline'),
        t('backOffice.columns.submittedAt'),
        t('backOffice.columns.assignedTo'),
      ]}
      rowCount={items.length}
      emptyMessage={t('backOffice.queue.empty')}
      dense
    >
      {items.map((item) => (
        <tr key={item.id}>
          <th scope="row">
            <Link to={`cases/${encodeURIComponent(item.id)}`} dir="ltr" className="case-reference">
              {item.reference}
            </Link>
            {item.escalated ? (
              <span className="cell-note">
                <EscalatedBadge />
              </span>
            ) : null}
          </th>
          <td>{item.procedureTitle[language]}</td>
          <td>
            <bdi>{item.company?.name ?? item.applicant.label}</bdi>
            {item.company ? (
              <span className="cell-note">
                <bdi>{item.applicant.label}</bdi>
              </span>
            ) : null}
          </td>
          <td>{item.stateLabel[language]}</td>
          <td>
            <DeadlineChip status={item.deadlineStatus} dueOn={item.dueOn} />
          </td>
          <td>{item.submittedAt ? <time dateTime={item.submittedAt}>{formats.date(item.submittedAt)}</time> : '—'}</td>
          <td>
            {item.assignedTo === null ? (
              <span className="cell-note">{t('backOffice.queue.unassigned')}</span>
            ) : item.assignedTo.id === user.id ? (
              t('backOffice.queue.assignedToMe')
            ) : (
              <bdi>{item.assignedTo.label}</bdi>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
