import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { useAgencyByCode } from '../backoffice/agencyNames';
import { useLanguage } from '../i18n/formats';
import { useMoney } from '../portal/money';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { financePaths, type LedgerBalance } from './reconciliation';

/**
 * The balance of every ledger account the reader may see: the fee revenue of each agency, the
 * Treasury's and the operators' accounts. The ledger is double-entry, so they always sum to zero.
 */
export function LedgerBalances() {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoney();
  const agencyName = useAgencyByCode();
  const ids = useId();
  const balances = useApiResource<{ items: LedgerBalance[] }>(financePaths.balances);
  return (
    <section className="card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('finance.ledger.title')}</h2>
      <p>{t('finance.ledger.intro')}</p>
      <ErrorAlert error={balances.error} />
      {balances.data ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('finance.ledger.caption')}
          columns={[t('finance.ledger.account'), t('finance.ledger.kind'), t('finance.ledger.agency'), t('finance.ledger.balance')]}
          rowCount={balances.data.items.length}
          emptyMessage={t('finance.ledger.none')}
          dense
        >
          {balances.data.items.map((item) => (
            <tr key={item.account}>
              <th scope="row">
                <span className="cell-text">{item.label[language]}</span>
                <span className="cell-note identifier" dir="ltr">
                  {item.account}
                </span>
              </th>
              <td>{t(`finance.ledger.kinds.${item.kind}`)}</td>
              <td>{item.agencyCode ? agencyName(item.agencyCode) : t('finance.ledger.national')}</td>
              <td className="ledger-amount">{money(item.balance, item.currency)}</td>
            </tr>
          ))}
        </DataTable>
      ) : balances.error ? null : (
        <Loading />
      )}
    </section>
  );
}
