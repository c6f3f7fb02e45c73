import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../i18n/formats';
import { useMoney } from '../portal/money';
import { DataTable } from '../shell/DataTable';
import { useCustomsNames } from './names';
import type { DeclarationDetail } from './types';

/** Inspections, the states it went through, the notifications sent to the declarant, its versions. */
export function DeclarationRecord({ detail }: { detail: DeclarationDetail }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const money = useMoney();
  const names = useCustomsNames();
  const ids = useId();
  const when = (at: string) => <time dateTime={at}>{formats.dateTime(at)}</time>;
  return (
    <>
      <section className="card stack" aria-labelledby={`${ids}-inspections`}>
        <h2 id={`${ids}-inspections`}>{t('customs.record.inspections')}</h2>
        {detail.inspections.length === 0 ? (
          <p className="cell-note">{t('customs.record.noInspection')}</p>
        ) : (
          <ol className="timeline">
            {detail.inspections.map((inspection) => (
              <li key={inspection.id} className="timeline__entry">
                <p className="timeline__when">
                  {when(inspection.at)} · <bdi>{inspection.by}</bdi>
                </p>
                <p className="timeline__what">{names.outcome(inspection.outcome)}</p>
                <p className="timeline__comment" dir="auto">
                  {inspection.findings}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card stack" aria-labelledby={`${ids}-history`}>
        <h2 id={`${ids}-history`}>{t('customs.record.history')}</h2>
        <ol className="timeline">
          {detail.history.map((entry, index) => (
            <li key={index} className="timeline__entry">
              <p className="timeline__when">
                {when(entry.at)} · <bdi>{entry.by}</bdi>
              </p>
              <p className="timeline__what">{names.state(entry.state)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section className="card stack" aria-labelledby={`${ids}-notifications`}>
        <h2 id={`${ids}-notifications`}>{t('customs.record.notifications')}</h2>
        <DataTable
          captionId={`${ids}-notifications-caption`}
          caption={t('customs.record.notificationsCaption')}
          columns={[t('customs.record.kind'), t('customs.record.issuedAt'), t('customs.declaration.version'), t('customs.record.content')]}
          rowCount={detail.notifications.length}
          emptyMessage={t('customs.record.noNotification')}
          dense
        >
          {detail.notifications.map((notification) => (
            <tr key={notification.id}>
              <th scope="row">{names.notification(notification.kind)}</th>
              <td>{when(notification.issuedAt)}</td>
              <td>{formats.number(notification.version)}</td>
              <td>
                {typeof notification.total === 'number' ? t('customs.record.totalDue', { amount: money(notification.total, detail.currency) }) : null}
                {notification.errors?.length ? (
                  <ul className="cell-list">
                    {notification.errors.map((error, index) => (
                      <li key={index} dir="auto">
                        {error.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section className="card stack" aria-labelledby={`${ids}-versions`}>
        <h2 id={`${ids}-versions`}>{t('customs.record.versions')}</h2>
        <DataTable
          captionId={`${ids}-versions-caption`}
          caption={t('customs.record.versionsCaption')}
          columns={[t('customs.declaration.version'), t('customs.record.reason'), t('customs.record.by'), t('customs.record.at')]}
          rowCount={detail.versions.length}
          dense
        >
          {detail.versions.map((version) => (
            <tr key={version.version}>
              <th scope="row">{formats.number(version.version)}</th>
              <td dir="auto">{version.reason ?? t('customs.record.firstVersion')}</td>
              <td>
                <bdi>{version.by}</bdi>
              </td>
              <td>{when(version.at)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
