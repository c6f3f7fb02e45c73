import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../applications/types';
import { useFormats, useLanguage } from '../i18n/formats';
import { useSignedInUser } from '../session/SessionContext';
import { DeadlineChip, EscalatedBadge } from './DeadlineChip';
import { useAgencyByCode } from './agencyNames';

/** The file at a glance: what, who, where it stands, by when, and who is on it. */
export function CaseSummary({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const language = useLanguage();
  const agencyName = useAgencyByCode();
  const user = useSignedInUser();

  const rows: [string, ReactNode][] = [
    [t('backOffice.columns.procedure'), t('backOffice.case.procedureVersion', { title: view.procedureTitle[language], version: view.procedureVersion })],
    [t('backOffice.columns.applicant'), <bdi key="applicant">{view.applicant.label}</bdi>],
    ...(view.company ? [[t('backOffice.case.company'), <bdi key="company">{view.company.name}</bdi>] as [string, ReactNode]] : []),
    [t('backOffice.case.agency'), agencyName(view.agency)],
    ...(view.holdingAgency && view.holdingAgency !== view.agency
      ? [[t('backOffice.case.holdingAgency'), agencyName(view.holdingAgency)] as [string, ReactNode]]
      : []),
    [
      t('backOffice.columns.state'),
      <>
        {view.stateLabel[language]}
        {view.escalated ? (
          <>
            {' '}
            <EscalatedBadge />
          </>
        ) : null}
      </>,
    ],
    [t('backOffice.columns.deadline'), <DeadlineChip key="deadline" status={view.deadlineStatus} dueOn={view.dueOn} />],
    [t('backOffice.columns.submittedAt'), view.submittedAt ? <time dateTime={view.submittedAt}>{formats.dateTime(view.submittedAt)}</time> : '—'],
    [
      t('backOffice.columns.assignedTo'),
      view.assignedTo === null
        ? t('backOffice.queue.unassigned')
        : view.assignedTo.id === user.id
          ? t('backOffice.queue.assignedToMe')
          : <bdi key="assigned">{view.assignedTo.label}</bdi>,
    ],
    ...(view.fee
      ? [
          [
            t('backOffice.case.fee'),
            t(view.fee.paid ? 'backOffice.case.feePaid' : 'backOffice.case.feeUnpaid', {
              amount: formats.number(view.fee.total),
              currency: view.fee.currency,
            }),
          ] as [string, ReactNode],
        ]
      : []),
  ];

  return (
    <dl className="case-summary card">
      {rows.map(([term, detail]) => (
        <div key={term} className="case-summary__row">
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
