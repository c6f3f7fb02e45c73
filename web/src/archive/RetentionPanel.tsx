import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats, useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { CertificateLinks } from './CertificateLinks';
import { archiveAbilities, archiveApi } from './console';
import { useArchiveNames } from './names';
import { LiftHoldForm, PlaceHoldForm } from './HoldForms';
import { WhenAndWho } from './TableCells';
import type { PackageRetention } from './types';

interface RetentionPanelProps {
  retention: PackageRetention;
  onChanged(message: string): Promise<void>;
}

/** The package's class and disposal schedule, its legal holds, and the disposition that decided its fate. */
export function RetentionPanel({ retention, onChanged }: RetentionPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const names = useArchiveNames();
  const ids = useId();
  const { retentionClass: schedule, disposition } = retention;
  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('archive.retention.title')}</h3>
      <dl className="archive-facts">
        <dt>{t('archive.columns.class')}</dt>
        <dd>
          {schedule.title ? <span dir="auto">{schedule.title[language]} </span> : null}
          <span className="identifier" dir="ltr">
            ({schedule.code})
          </span>
        </dd>
        <dt>{t('archive.retention.schedule')}</dt>
        <dd>
          {schedule.action === null
            ? t('archive.retention.unclassified')
            : schedule.periodYears === null
              ? names.disposalAction(schedule.action)
              : t('archive.retention.after', { action: names.disposalAction(schedule.action), years: formats.number(schedule.periodYears) })}
        </dd>
        <dt>{t('archive.retention.trigger')}</dt>
        <dd>
          <time dateTime={retention.triggerAt}>{formats.date(retention.triggerAt)}</time>
        </dd>
        <dt>{t('archive.columns.dueOn')}</dt>
        <dd>{retention.dueOn ? <time dateTime={retention.dueOn}>{formats.day(retention.dueOn)}</time> : t('archive.retention.never')}</dd>
        {disposition ? (
          <>
            <dt>{t('archive.retention.disposition')}</dt>
            <dd>
              {t('archive.retention.dispositionState', { state: names.proposalState(disposition.state), by: isolate(disposition.proposedBy) })}{' '}
              <q dir="auto">{disposition.reason}</q>
              {disposition.decidedBy && disposition.decidedAt ? (
                <span className="cell-note">{t('archive.retention.decided', { by: isolate(disposition.decidedBy), date: formats.dateTime(disposition.decidedAt) })}</span>
              ) : null}
              {disposition.certificate ? <CertificateLinks certificate={disposition.certificate} /> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <HoldsHistory retention={retention} />
      {retention.state === 'stored' ? <HoldControl retention={retention} onChanged={onChanged} /> : null}
    </section>
  );
}

function HoldsHistory({ retention }: { retention: PackageRetention }) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <DataTable
      captionId={`${ids}-caption`}
      caption={t('archive.holds.historyCaption')}
      columns={[t('archive.columns.reason'), t('archive.columns.placed'), t('archive.columns.lifted')]}
      rowCount={retention.holds.length}
      emptyMessage={t('archive.holds.noneOnPackage')}
      dense
    >
      {retention.holds.map((hold) => (
        <tr key={hold.placedAt}>
          <th scope="row" dir="auto">
            {hold.reason}
          </th>
          <td>
            <WhenAndWho at={hold.placedAt} by={hold.placedBy} />
          </td>
          <td>
            {hold.liftedAt ? (
              <>
                <WhenAndWho at={hold.liftedAt} by={hold.liftedBy} />
                <q className="cell-note" dir="auto">
                  {hold.liftReason}
                </q>
              </>
            ) : (
              <span className="status archive-hold">{t('archive.holds.inForce')}</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Places a hold when none is in force, lifts the one in force otherwise (archivists: archive.retention). */
function HoldControl({ retention, onChanged }: RetentionPanelProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const { retention: mayHold } = archiveAbilities(useSignedInUser());
  if (!mayHold) return null;
  const held = retention.holds.some((hold) => hold.liftedAt === null);
  const identifier = retention.identifier;

  async function place(reason: string) {
    await request(archiveApi.hold(identifier), { method: 'POST', body: { reason } });
    await onChanged(t('archive.holds.placed', { identifier: isolate(identifier) }));
  }

  async function lift(reason: string) {
    await request(archiveApi.liftHold(identifier), { method: 'POST', body: { reason } });
    await onChanged(t('archive.holds.lifted', { identifier: isolate(identifier) }));
  }

  return held ? (
    <LiftHoldForm key="lift" title={t('archive.holds.liftTitle')} onSubmit={lift} className="form" level={4} />
  ) : (
    <PlaceHoldForm key="place" onSubmit={place} className="form" level={4} />
  );
}
