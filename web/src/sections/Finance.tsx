import { useTranslation } from 'react-i18next';
import { LedgerBalances } from '../finance/LedgerBalances';
import { ReconciliationList } from '../finance/ReconciliationList';
import { StatementImport } from '../finance/StatementImport';
import { useSignedInUser } from '../session/SessionContext';
import { PageHeading } from '../shell/PageHeading';
import '../finance/finance.css';

/**
 * Money the platform collected: the accountant reconciles each operator's daily statement with the
 * payments recorded (payments.reconcile) and reads the ledger; an agency administrator reads the
 * ledger of their agency (payments.ledger).
 */
export default function Finance() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const accountant = user.roles.some((assignment) => assignment.role === 'accountant');
  return (
    <div className="stack">
      <PageHeading>{t('sections.finance.title')}</PageHeading>
      <p className="lead">{t('finance.intro')}</p>
      {accountant ? (
        <>
          <StatementImport />
          <ReconciliationList />
        </>
      ) : null}
      <LedgerBalances />
    </div>
  );
}
