import { useTranslation } from 'react-i18next';
import { useAgencyByCode } from '../backoffice/agencyNames';
import { CashierDesk } from '../backoffice/CashierDesk';
import { CaseQueue } from '../backoffice/CaseQueue';
import { caseworkerAgencies, isCashier, isCaseworker } from '../backoffice/caseworker';
import { useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSignedInUser } from '../session/SessionContext';
import { PageHeading } from '../shell/PageHeading';
import '../backoffice/backoffice.css';

/** The back office's home: the queue of files for case officers and agency administrators, the desk for cashiers. */
export default function BackOffice() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <div className="stack">
      <PageHeading>{t('sections.backOffice.title')}</PageHeading>
      {isCaseworker(user) ? (
        <>
          <p className="lead">{t('backOffice.intro')}</p>
          <WorkingFor agencies={caseworkerAgencies(user)} />
          <CaseQueue />
        </>
      ) : null}
      {isCashier(user) ? <CashierDesk /> : null}
    </div>
  );
}

/** Whose files the queue holds: the agencies of the officer's grants (null: a national grant). */
function WorkingFor({ agencies }: { agencies: string[] | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencyName = useAgencyByCode();
  const names =
    agencies === null
      ? t('backOffice.everyAgency')
      : new Intl.ListFormat(language, { type: 'conjunction' }).format(agencies.map((code) => isolate(agencyName(code))));
  return <p>{t('backOffice.workingFor', { agencies: names })}</p>;
}
